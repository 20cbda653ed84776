package care.seamless.assessment.instrument;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instruments one node holds in memory, by id and version, with the two rules every
 * addition must keep: versions only go up, and a reuse key means the same type of answer
 * everywhere.
 */
final class Catalogue {

	private final Map<String, NavigableMap<Integer, Instrument>> byId = new ConcurrentHashMap<>();

	Optional<Instrument> find(String id, int version) {
		return Optional.ofNullable(this.byId.get(id)).map((versions) -> versions.get(version));
	}

	Optional<Instrument> latest(String id) {
		return Optional.ofNullable(this.byId.get(id)).map((versions) -> versions.lastEntry().getValue());
	}

	List<Instrument> all() {
		return this.byId.values()
			.stream()
			.flatMap((versions) -> versions.values().stream())
			.sorted(Comparator.comparing(Instrument::id).thenComparingInt(Instrument::version))
			.toList();
	}

	/**
	 * @throws InvalidInstrumentException if a reuse key clashes with another instrument
	 * @throws InstrumentVersionNotNewerException if this id already has this version or a
	 * later one
	 */
	synchronized void check(Instrument instrument) {
		ReuseKeys.check(instrument, all());
		latest(instrument.id()).ifPresent((latest) -> {
			if (latest.version() >= instrument.version()) {
				throw new InstrumentVersionNotNewerException(instrument.id(), instrument.version(), latest.version());
			}
		});
	}

	synchronized void add(Instrument instrument) {
		check(instrument);
		// A new map per change, so a reader iterating the versions never sees one half
		// added.
		NavigableMap<Integer, Instrument> versions = new TreeMap<>(
				this.byId.getOrDefault(instrument.id(), new TreeMap<>()));
		versions.put(instrument.version(), instrument);
		this.byId.put(instrument.id(), versions);
	}

}
