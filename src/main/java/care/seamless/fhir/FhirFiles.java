package care.seamless.fhir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import care.seamless.shared.Actor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Imports FHIR files (a Bundle of any type, or a single resource; JSON or XML), one file
 * per transaction, so a run killed half way keeps the files it finished and the next run
 * matches them (idempotent by source system and id) and carries on. Patients go through
 * identity matching, clinical history is kept with its provenance (source system, file,
 * time); other resources are counted and skipped.
 */
@Service
public class FhirFiles {

	/** What one file (or a whole run) did, by resource type and outcome. */
	public record Summary(Map<String, Integer> byType, int created, int matched, int skipped, int failed) {

		public static Summary none() {
			return new Summary(Map.of(), 0, 0, 0, 0);
		}

		public Summary plus(Summary other) {
			Map<String, Integer> types = new TreeMap<>(byType);
			other.byType().forEach((type, n) -> types.merge(type, n, Integer::sum));
			return new Summary(types, created + other.created(), matched + other.matched(), skipped + other.skipped(),
					failed + other.failed());
		}

		public String line() {
			return "resources " + byType + ", created " + created + ", matched " + matched + ", skipped " + skipped
					+ ", failed " + failed;
		}

	}

	/** Files parsed ahead of the one being written: enough to keep the database busy. */
	private static final int READ_AHEAD = 2;

	private final BundleImports imports;

	/** Read as HAPI's own JSON parser reads (exact decimals, a leading plus sign). */
	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
		.nodeFactory(new JsonNodeFactory(true))
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final FhirContext context = FhirContext.forR4Cached();

	private final Set<String> fhirTypes = context.getResourceTypes();

	FhirFiles(BundleImports imports) {
		this.imports = imports;
	}

	/** The files under each path (folders searched recursively), in name order. */
	public static List<Path> files(List<Path> paths) throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (var walk = Files.walk(path)) {
					walk.filter(Files::isRegularFile)
						.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".xml"))
						.sorted()
						.forEach(files::add);
				}
			}
			else {
				files.add(path);
			}
		}
		return files;
	}

	/**
	 * Imports the files in order as {@code actor}, one transaction each, telling
	 * {@code done} after each; the next file is read and parsed on another thread while
	 * this one is written, so the database and the parser work at the same time.
	 */
	public Summary importFiles(Actor actor, List<Path> files, Consumer<Summary> done) {
		Summary total = Summary.none();
		ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
			Thread thread = new Thread(task, "fhir-file-reader");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Deque<Future<Parsed>> ahead = new ArrayDeque<>();
			int next = 0;
			while (next < files.size() || !ahead.isEmpty()) {
				while (next < files.size() && ahead.size() < READ_AHEAD) {
					Path file = files.get(next++);
					ahead.add(reader.submit(() -> parse(file)));
				}
				Summary one = importParsed(actor, ahead.remove().get());
				done.accept(one);
				total = total.plus(one);
			}
			return total;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading FHIR files", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not read a FHIR file", ex.getCause());
		}
		finally {
			reader.shutdownNow();
		}
	}

	/**
	 * Imports one file as {@code actor}; a file that cannot be read or whose Patients
	 * cannot be registered counts as failed, with nothing of it saved.
	 */
	public Summary importFile(Actor actor, Path file) {
		return importParsed(actor, parse(file));
	}

	/**
	 * A file's entries we keep, or null entries when it could not be read as FHIR, and
	 * those of types we do not keep, counted by type.
	 */
	record Parsed(Path file, @Nullable List<BundleImports.Entry> entries, Map<String, Integer> others) {
	}

	/**
	 * Reads a file. A JSON bundle's entries of a type we do not keep (a Synthea file's
	 * claims and explanations of benefit are half its bytes) are counted and left as
	 * JSON, not made into HAPI's objects: the rest is handed to HAPI's parser as the tree
	 * already read, so nothing is parsed twice (ADR 67). A type FHIR R4 does not know is
	 * still handed over, so the file fails as before.
	 */
	Parsed parse(Path file) {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			if (file.toString().endsWith(".xml")) {
				return new Parsed(file, resources(context.newXmlParser().parseResource(reader), null), Map.of());
			}
			if (!(JSON.readTree(reader) instanceof ObjectNode root)) {
				return new Parsed(file, null, Map.of());
			}
			Map<String, Integer> others = new TreeMap<>();
			List<Integer> places = null;
			if ("Bundle".equals(root.path("resourceType").asText()) && root.get("entry") instanceof ArrayNode all) {
				ArrayNode kept = root.arrayNode();
				places = new ArrayList<>();
				for (int i = 0; i < all.size(); i++) {
					JsonNode type = all.get(i).path("resource").path("resourceType");
					if (type.isTextual() && !keptType(type.asText()) && fhirTypes.contains(type.asText())) {
						others.merge(type.asText(), 1, Integer::sum);
					}
					else {
						kept.add(all.get(i));
						places.add(i);
					}
				}
				root.set("entry", kept);
			}
			JacksonStructure tree = new JacksonStructure();
			tree.setNativeObject(root);
			return new Parsed(file, resources(((IJsonLikeParser) context.newJsonParser()).parseResource(tree), places),
					others);
		}
		catch (IOException | DataFormatException | ClassCastException ex) {
			return new Parsed(file, null, Map.of());
		}
	}

	private Summary importParsed(Actor actor, Parsed parsed) {
		List<BundleImports.Entry> resources = parsed.entries();
		if (resources == null) {
			return new Summary(Map.of(), 0, 0, 0, 1);
		}
		Map<String, Integer> byType = new TreeMap<>(parsed.others());
		resources.forEach(entry -> byType.merge(entry.resource().fhirType(), 1, Integer::sum));
		int others = parsed.others().values().stream().mapToInt(Integer::intValue).sum();
		try {
			BundleImports.Result result = imports.importFile(actor, resources, parsed.file().getFileName().toString());
			return new Summary(byType, result.count(BundleImports.Kind.CREATED),
					result.count(BundleImports.Kind.MATCHED), others + result.count(BundleImports.Kind.SKIPPED), 0);
		}
		catch (RuntimeException ex) {
			// Nothing of the file was kept: everything it would have kept failed.
			int skipped = (int) resources.stream().filter(entry -> !kept(entry.resource())).count();
			return new Summary(byType, 0, 0, others + skipped, resources.size() - skipped);
		}
	}

	private static boolean kept(Resource resource) {
		return keptType(resource.fhirType());
	}

	private static boolean keptType(String type) {
		return "Patient".equals(type) || ClinicalType.of(type).isPresent();
	}

	/**
	 * The resources of what was read; {@code places} are the bundle's entries' places in
	 * the file when some were left out (null: all are there).
	 */
	private static List<BundleImports.Entry> resources(IBaseResource parsed, @Nullable List<Integer> places) {
		List<BundleImports.Entry> entries = new ArrayList<>();
		if (parsed instanceof Bundle bundle) {
			for (int i = 0; i < bundle.getEntry().size(); i++) {
				Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
				int place = places == null ? i : places.get(i);
				if (entry.getResource() != null) {
					entries.add(new BundleImports.Entry(entry.getResource(), "Bundle.entry[" + place + "].resource",
							entry.hasFullUrl() ? entry.getFullUrl() : null));
				}
			}
			return entries;
		}
		Resource resource = (Resource) parsed;
		return List.of(new BundleImports.Entry(resource, resource.fhirType(), null));
	}

}
