package care.seamless.assessment.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import care.seamless.terminology.Terminology;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The catalogue of assessment instruments: those shipped in
 * {@code classpath:instruments/*.json}, plus any imported since. Instruments are checked
 * against the common language when they arrive, so a coded option always has words to
 * show.
 */
@Service
public class Instruments {

	static final String SHIPPED = "classpath*:instruments/*.json";

	private final Terminology terminology;

	private final Map<String, NavigableMap<Integer, Instrument>> byId = new ConcurrentHashMap<>();

	public Instruments(Terminology terminology) {
		this.terminology = terminology;
		loadShipped();
	}

	public Optional<Instrument> find(String id, int version) {
		return Optional.ofNullable(this.byId.get(id)).map((versions) -> versions.get(version));
	}

	public Optional<Instrument> latest(String id) {
		return Optional.ofNullable(this.byId.get(id)).map((versions) -> versions.lastEntry().getValue());
	}

	/**
	 * Every version of every instrument, by id then version.
	 */
	public List<Instrument> all() {
		return this.byId.values()
			.stream()
			.flatMap((versions) -> versions.values().stream())
			.sorted(Comparator.comparing(Instrument::id).thenComparingInt(Instrument::version))
			.toList();
	}

	/**
	 * Adds a new instrument, or a new version of one.
	 * @throws InvalidInstrumentException if the definition is not valid
	 * @throws InstrumentVersionNotNewerException if this id already has this version or a
	 * later one
	 */
	public synchronized Instrument importDefinition(InputStream json) {
		return add(new InstrumentParser(this.terminology.vocabulary()).parse(json, "imported definition"));
	}

	private Instrument add(Instrument instrument) {
		ReuseKeys.check(instrument, all());
		NavigableMap<Integer, Instrument> versions = this.byId.computeIfAbsent(instrument.id(),
				(id) -> new TreeMap<>());
		synchronized (versions) {
			if (!versions.isEmpty() && versions.lastKey() >= instrument.version()) {
				throw new InstrumentVersionNotNewerException(instrument.id(), instrument.version(), versions.lastKey());
			}
			versions.put(instrument.version(), instrument);
		}
		return instrument;
	}

	private void loadShipped() {
		InstrumentParser parser = new InstrumentParser(this.terminology.vocabulary());
		List<Instrument> shipped = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(SHIPPED)) {
				try (InputStream json = resource.getInputStream()) {
					shipped.add(parser.parse(json, "instruments/" + resource.getFilename()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the shipped instruments", ex);
		}
		// Oldest first, so shipping versions 1 and 2 of one instrument side by side loads
		// both.
		shipped.sort(Comparator.comparingInt(Instrument::version));
		shipped.forEach(this::add);
	}

}
