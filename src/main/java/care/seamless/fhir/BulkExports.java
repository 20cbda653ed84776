package care.seamless.fhir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import care.seamless.person.ListedRecord;
import care.seamless.person.RecordListing;
import care.seamless.person.RecordListings;
import care.seamless.person.RecordQuery;
import care.seamless.shared.Actor;
import jakarta.annotation.PreDestroy;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * System-level Bulk Data {@code $export}: a job per request, run in the background as the
 * caller (the same reads, access rules and audit as a search, so an export holds only
 * what the caller may see), writing one NDJSON file per resource type under the data
 * folder. Only the caller may poll it and fetch its files; the files go after
 * {@link #KEPT}.
 */
@Service
class BulkExports {

	private static final Logger log = LoggerFactory.getLogger(BulkExports.class);

	static final Duration KEPT = Duration.ofHours(24);

	private static final int PAGE = 100;

	/** A job as the poller sees it; {@code output} is JSON [{"type", "count"}]. */
	record Job(UUID id, String status, Instant requestedAt, String output) {
	}

	private final ExportJobRepository jobs;

	private final ClinicalHistory history;

	private final RecordListings records;

	private final Clock clock;

	private final Path folder;

	private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "fhir-export");
		thread.setDaemon(true);
		return thread;
	});

	BulkExports(ExportJobRepository jobs, ClinicalHistory history, RecordListings records, Clock clock,
			@Value("${seamless.data-dir:./data}") String dataDir) {
		this.jobs = jobs;
		this.history = history;
		this.records = records;
		this.clock = clock;
		this.folder = Path.of(dataDir).toAbsolutePath().normalize().resolve("fhir-export");
	}

	/** Every type an export writes. */
	static final Set<String> TYPES = types();

	private static Set<String> types() {
		Set<String> types = new LinkedHashSet<>();
		types.add("Patient");
		for (ClinicalType type : ClinicalType.values()) {
			types.add(type.resourceType());
		}
		types.add("Provenance");
		return Set.copyOf(types);
	}

	UUID start(Actor actor, Set<String> types, @Nullable Instant since) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jobs.insert(id, actor.username(), now, now.plus(KEPT));
		runner.submit(() -> run(actor, id, types, since));
		return id;
	}

	/** The caller's own job, if it is still kept. */
	Optional<Job> job(Actor actor, UUID id) {
		return jobs.find(id, clock.instant())
			.filter(job -> job.requestedBy().equals(actor.username()))
			.map(job -> new Job(job.id(), job.status(), job.requestedAt(), job.output()));
	}

	/** The NDJSON file of {@code type} of the caller's finished job. */
	Optional<Path> file(Actor actor, UUID id, String type) {
		return job(actor, id).filter(job -> job.status().equals("DONE"))
			.map(job -> folder.resolve(id.toString()).resolve(type + ".ndjson"))
			.filter(Files::isRegularFile);
	}

	private void run(Actor actor, UUID id, Set<String> types, @Nullable Instant since) {
		try {
			Path dir = Files.createDirectories(folder.resolve(id.toString()));
			IParser parser = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false);
			List<String> output = new ArrayList<>();
			if (types.contains("Patient")) {
				long patients = write(dir.resolve("Patient.ndjson"), parser, offset -> {
					RecordListing listing = records.list(actor, new RecordQuery(null, null, null, null, null, null,
							null, null, null, null, since, null, PAGE, offset), "export-fhir");
					return listing.records().stream().map(PatientTranslator::toFhir).map(Resource.class::cast).toList();
				});
				output.add(entry("Patient", patients));
			}
			for (ClinicalType type : ClinicalType.values()) {
				if (!types.contains(type.resourceType())) {
					continue;
				}
				long count = write(dir.resolve(type.resourceType() + ".ndjson"), parser,
						offset -> history
							.search(actor,
									new ClinicalRepository.Criteria(type.resourceType(), null, null, since, null, null,
											null),
									PAGE, offset, "export-fhir")
							.resources());
				output.add(entry(type.resourceType(), count));
			}
			if (types.contains("Provenance")) {
				// Where each exported resource of clinical history came from, under the
				// same
				// rules as the resource itself.
				long count = write(dir.resolve("Provenance.ndjson"), parser,
						offset -> history.originsPage(actor, since, PAGE, offset, "export-fhir-provenance")
							.stream()
							.map(ShareTranslator::provenance)
							.map(Resource.class::cast)
							.toList());
				output.add(entry("Provenance", count));
			}
			jobs.finish(id, "DONE", clock.instant(), "[" + String.join(",", output) + "]");
		}
		catch (RuntimeException | IOException ex) {
			log.error("FHIR export {} failed: {}", id, ex.getClass().getName(), ex);
			jobs.finish(id, "FAILED", clock.instant(), null);
		}
	}

	private interface Pages {

		List<Resource> page(int offset);

	}

	/**
	 * Writes every page to {@code file} (removed again when empty); how many resources.
	 */
	private static long write(Path file, IParser parser, Pages pages) throws IOException {
		long count = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int offset = 0;; offset += PAGE) {
				List<Resource> page = pages.page(offset);
				for (Resource resource : page) {
					out.write(parser.encodeResourceToString(resource));
					out.write('\n');
				}
				count += page.size();
				if (page.size() < PAGE) {
					break;
				}
			}
		}
		if (count == 0) {
			Files.delete(file);
		}
		return count;
	}

	private static String entry(String type, long count) {
		return "{\"type\":\"" + type + "\",\"count\":" + count + "}";
	}

	/** Removes expired jobs and their files. */
	@Scheduled(fixedDelayString = "${seamless.fhir.export-cleanup:PT1H}")
	@SchedulerLock(name = "fhir-export-cleanup", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void removeExpired() {
		for (UUID id : jobs.deleteExpired(clock.instant())) {
			Path dir = folder.resolve(id.toString());
			if (Files.isDirectory(dir)) {
				try (Stream<Path> walk = Files.walk(dir)) {
					walk.sorted(Comparator.reverseOrder()).forEach(path -> {
						try {
							Files.delete(path);
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					});
				}
				catch (IOException | UncheckedIOException ex) {
					log.warn("Could not remove the files of FHIR export {}: {}", id, ex.getClass().getName());
				}
			}
		}
	}

	@PreDestroy
	void stop() {
		runner.shutdownNow();
	}

}
