package care.seamless.fhir;

import java.io.BufferedWriter;
import java.io.Closeable;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
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
import care.seamless.consent.AccessDenied;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
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

	private final AroundTheRecord around;

	private final List<PersonResources<?>> parts;

	private final CareTeams careTeams;

	private final Directory directory;

	private final Clock clock;

	private final Path folder;

	private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "fhir-export");
		thread.setDaemon(true);
		return thread;
	});

	BulkExports(ExportJobRepository jobs, ClinicalHistory history, RecordListings records, AroundTheRecord around,
			List<PersonResources<?>> parts, CareTeams careTeams, Directory directory, Clock clock,
			@Value("${seamless.data-dir:./data}") String dataDir) {
		this.jobs = jobs;
		this.history = history;
		this.records = records;
		this.around = around;
		this.parts = parts;
		this.careTeams = careTeams;
		this.directory = directory;
		this.clock = clock;
		this.folder = Path.of(dataDir).toAbsolutePath().normalize().resolve("fhir-export");
	}

	/**
	 * The resources inside a record an export writes, person by person, each through the
	 * same policy-checked read as its own search.
	 */
	static final Set<String> RECORD_TYPES = Set.of("RelatedPerson", "CareTeam", "Flag", "CarePlan", "Goal", "Task",
			"Consent", "ServiceRequest", "QuestionnaireResponse");

	/** Every type an export writes, in the manifest's order. */
	static final List<String> ORDER = order();

	/** Every type an export writes. */
	static final Set<String> TYPES = Set.copyOf(ORDER);

	private static List<String> order() {
		List<String> types = new ArrayList<>();
		types.add("Patient");
		types.addAll(List.of("RelatedPerson", "CareTeam", "Flag", "CarePlan", "Goal", "Task", "Consent",
				"ServiceRequest", "QuestionnaireResponse"));
		for (ClinicalType type : ClinicalType.values()) {
			types.add(type.resourceType());
		}
		types.add("Provenance");
		return List.copyOf(types);
	}

	/**
	 * Starts an export of every record the caller may open ({@code group} null) or of a
	 * team's caseload ({@code group}, the caller one of the team: see
	 * {@link #mayExport}).
	 */
	UUID start(Actor actor, Set<String> types, @Nullable Instant since, @Nullable TeamId group) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jobs.insert(id, actor.username(), now, now.plus(KEPT));
		runner.submit(() -> run(actor, id, types, since, group));
		return id;
	}

	/**
	 * Whether the caller may export the Group: they belong to the team. Anyone else is
	 * told there is no such Group, so ids of other teams say nothing.
	 */
	boolean mayExport(Actor actor, TeamId team) {
		return actor.practitionerId() != null
				&& directory.teamsOf(actor.practitionerId()).stream().anyMatch(t -> t.id().equals(team));
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

	private void run(Actor actor, UUID id, Set<String> types, @Nullable Instant since, @Nullable TeamId group) {
		try {
			Path dir = Files.createDirectories(folder.resolve(id.toString()));
			IParser parser = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false);
			Output out = new Output(dir, parser);
			try (out) {
				if (group == null) {
					everyone(actor, types, since, out);
				}
				else {
					caseload(actor, group, types, since, out);
				}
			}
			List<String> output = new ArrayList<>();
			for (String type : ORDER) {
				if (types.contains(type)) {
					output.add(entry(type, out.count(type)));
				}
			}
			jobs.finish(id, "DONE", clock.instant(), "[" + String.join(",", output) + "]");
		}
		catch (RuntimeException | IOException ex) {
			log.error("FHIR export {} failed: {}", id, ex.getClass().getName(), ex);
			jobs.finish(id, "FAILED", clock.instant(), null);
		}
	}

	/** Every record the caller may open, as the Patient search lists them. */
	private void everyone(Actor actor, Set<String> types, @Nullable Instant since, Output out) throws IOException {
		boolean inside = types.stream().anyMatch(RECORD_TYPES::contains);
		if (types.contains("Patient") || inside) {
			// The resources inside a record have no common "changed since" column: with
			// them, every record is listed and each resource is checked by its own
			// meta.lastUpdated.
			Instant updatedFrom = inside ? null : since;
			for (int offset = 0;; offset += PAGE) {
				RecordListing listing = records.list(actor, new RecordQuery(null, null, null, null, null, null, null,
						null, null, null, updatedFrom, null, PAGE, offset), "export-fhir");
				for (ListedRecord record : listing.records()) {
					person(actor, record, types, since, out);
				}
				if (listing.records().size() < PAGE) {
					break;
				}
			}
		}
		history(actor, null, types, since, out);
	}

	/**
	 * The team's caseload: each person opened by the record page's own read (a record the
	 * caller may not open is left out, the refusal audited), then as for everyone.
	 */
	private void caseload(Actor actor, TeamId team, Set<String> types, @Nullable Instant since, Output out)
			throws IOException {
		for (PersonId person : careTeams.teamCaseload(team)) {
			ListedRecord record;
			try {
				record = records.read(actor, person, "export-fhir");
			}
			catch (AccessDenied | NotFoundException ex) {
				continue;
			}
			person(actor, record, types, since, out);
			history(actor, person, types, since, out);
		}
	}

	/**
	 * Imported clinical history and its provenance: one person's, or (person null) all
	 * the caller may see.
	 */
	private void history(Actor actor, @Nullable PersonId person, Set<String> types, @Nullable Instant since, Output out)
			throws IOException {
		for (ClinicalType type : ClinicalType.values()) {
			if (types.contains(type.resourceType())) {
				clinical(actor, type, person, since, out);
			}
		}
		if (types.contains("Provenance")) {
			provenance(actor, person, since, out);
		}
	}

	/** The Patient and the resources inside the record the caller may see. */
	private void person(Actor actor, ListedRecord record, Set<String> types, @Nullable Instant since, Output out)
			throws IOException {
		if (types.contains("Patient") && (since == null || !record.updatedAt().isBefore(since))) {
			out.write(PatientTranslator.toFhir(record));
		}
		Set<String> inside = new HashSet<>(types);
		inside.retainAll(AroundTheRecord.TYPES);
		if (!inside.isEmpty()) {
			for (Resource resource : around.parts(actor, record.id(), inside)) {
				out.writeSince(resource, since);
			}
		}
		for (PersonResources<?> part : parts) {
			String type = part.getResourceType().getSimpleName();
			if (RECORD_TYPES.contains(type) && types.contains(type)) {
				for (Resource resource : part.exported(actor, record.id())) {
					out.writeSince(resource, since);
				}
			}
		}
	}

	private void clinical(Actor actor, ClinicalType type, @Nullable PersonId person, @Nullable Instant since,
			Output out) throws IOException {
		for (int offset = 0;; offset += PAGE) {
			List<Resource> page = history
				.search(actor,
						new ClinicalRepository.Criteria(type.resourceType(), null, person == null ? null : person.id(),
								since, null, null, null),
						PAGE, offset, "export-fhir")
				.resources();
			for (Resource resource : page) {
				out.write(resource);
			}
			if (page.size() < PAGE) {
				return;
			}
		}
	}

	/**
	 * Where each resource of clinical history the caller may see came from, under the
	 * same rules as the resource itself.
	 */
	private void provenance(Actor actor, @Nullable PersonId person, @Nullable Instant since, Output out)
			throws IOException {
		for (int offset = 0;; offset += PAGE) {
			List<ClinicalRepository.Origin> page = history.originsPage(actor, person, since, PAGE, offset,
					"export-fhir-provenance");
			for (ClinicalRepository.Origin origin : page) {
				out.write(ShareTranslator.provenance(origin));
			}
			if (page.size() < PAGE) {
				return;
			}
		}
	}

	/** One NDJSON file per type, opened when its first resource comes. */
	private static final class Output implements Closeable {

		private final Path dir;

		private final IParser parser;

		private final Map<String, BufferedWriter> files = new HashMap<>();

		private final Map<String, Long> counts = new HashMap<>();

		Output(Path dir, IParser parser) {
			this.dir = dir;
			this.parser = parser;
		}

		void write(Resource resource) throws IOException {
			String type = resource.fhirType();
			BufferedWriter file = files.get(type);
			if (file == null) {
				file = Files.newBufferedWriter(dir.resolve(type + ".ndjson"), StandardCharsets.UTF_8);
				files.put(type, file);
			}
			file.write(parser.encodeResourceToString(resource));
			file.write('\n');
			counts.merge(type, 1L, Long::sum);
		}

		/**
		 * Written unless it says it was last changed before {@code since}; one that does
		 * not say is written (we cannot tell that it did not change).
		 */
		void writeSince(Resource resource, @Nullable Instant since) throws IOException {
			var updated = resource.getMeta().getLastUpdated();
			if (since == null || updated == null || !updated.toInstant().isBefore(since)) {
				write(resource);
			}
		}

		long count(String type) {
			return counts.getOrDefault(type, 0L);
		}

		@Override
		public void close() throws IOException {
			IOException failed = null;
			for (BufferedWriter file : files.values()) {
				try {
					file.close();
				}
				catch (IOException ex) {
					failed = ex;
				}
			}
			if (failed != null) {
				throw failed;
			}
		}

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
