package care.seamless.linkage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;
import java.util.function.Supplier;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessPolicy;
import care.seamless.person.BulkRegistrations;
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.person.PersonRuleViolation;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.shared.Phases;
import care.seamless.shared.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports people in bulk: each is registered for the importing organisation and matched
 * against everyone already known. Only the same NHS number links at once; any other
 * match, however close, is queued for review. The importer joins no care team. All or
 * nothing: if any person cannot be registered, nobody is, and every problem is reported.
 * CSV files come in through {@link #importCsv}; other sources (FHIR bundles) parse their
 * own records and call {@link #importPeople}.
 */
@Service
public class PeopleImport {

	private static final String RECORD = "PeopleImport";

	/**
	 * From this many people a file into a register no bigger than itself has its pairs
	 * found in memory (ADR 74); below it the query costs a few milliseconds.
	 */
	static final int PAIRS_IN_MEMORY_FROM = 1_000;

	// Well under PostgreSQL's 65,535 parameters a statement, nine a person.
	private static final int QUERY_SLICE = 1_000;

	private final People people;

	private final Matching matching;

	private final MatchRepository repository;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Clock clock;

	private final BulkRegistrations bulkRegistrations;

	private final ImportMatchRepository importMatches;

	PeopleImport(People people, Matching matching, MatchRepository repository, AccessPolicy accessPolicy,
			AuditLog auditLog, Clock clock, BulkRegistrations bulkRegistrations, ImportMatchRepository importMatches) {
		this.bulkRegistrations = bulkRegistrations;
		this.importMatches = importMatches;
		this.people = people;
		this.matching = matching;
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public static boolean mayImport(Actor actor) {
		return actor.has(Role.ADMINISTRATOR);
	}

	/**
	 * Reads a CSV file whose columns are recognised by their headers, or named in
	 * {@code columns} (role to header, as {@code --columns} on the command line); other
	 * columns are ignored. The file is checked and registered in one pass, so every
	 * problem is reported together; it is applied in one transaction, all or nothing.
	 * @throws ImportRejected listing every problem, with nothing saved
	 */
	@Transactional(noRollbackFor = NotAuthorisedToImport.class)
	public ImportReport importCsv(Actor actor, Reader csv, Map<care.seamless.linkage.Role, String> columns) {
		return importCsv(actor, csv, columns, new Phases());
	}

	/**
	 * {@link #importCsv(Actor, Reader, Map)}, timing its steps in {@code phases} (the
	 * command prints them). Writing the audit entries and the commit come after this
	 * method returns.
	 */
	@Transactional(noRollbackFor = NotAuthorisedToImport.class)
	public ImportReport importCsv(Actor actor, Reader csv, Map<care.seamless.linkage.Role, String> columns,
			Phases phases) {
		return importCsv(actor, csv, columns, phases, PairFinding.BY_SIZE);
	}

	/**
	 * How the candidate pairs of a file are found: by the query, or in memory when the
	 * register is no bigger than the file (ADR 74). Tests choose, to compare the two.
	 */
	enum PairFinding {

		BY_SIZE, QUERY, IN_MEMORY

	}

	@Transactional(noRollbackFor = NotAuthorisedToImport.class)
	ImportReport importCsv(Actor actor, Reader csv, Map<care.seamless.linkage.Role, String> columns, Phases phases,
			PairFinding finding) {
		requireImporter(actor);
		CsvPeople.Parsed parsed = parseCsv(csv, columns, phases);
		return importInBulk(actor, parsed.people(), parsed.problems(), phases, finding);
	}

	/**
	 * The file read and checked. Its own method, so that nothing holds the file's records
	 * (a million maps at a million lines) once the people are made from them (ADR 92):
	 * each part of them is garbage once its lines are checked.
	 */
	private CsvPeople.Parsed parseCsv(Reader csv, Map<care.seamless.linkage.Role, String> columns, Phases phases) {
		// Each line's checks start while later lines are still being read (ADR 120).
		CsvPeople.Checking checking = new CsvPeople.Checking(LocalDate.now(clock), ForkJoinPool.commonPool());
		try {
			new RecordReader(columns, Truth.none()).read(csv, checking);
		}
		catch (ColumnNotFound ex) {
			throw new ImportRejected(List.of(new ImportProblem(1, null, "matching.import.error.columnMissing")));
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			// How commons-csv reports a malformed file: a header named twice, a stray
			// quote.
			throw new ImportRejected(List.of(new ImportProblem(1, null, "matching.import.error.unreadable")));
		}
		phases.end("CSV read");
		CsvPeople.Parsed parsed = checking.parsed();
		phases.end("CSV checked");
		return parsed;
	}

	/**
	 * The same rules as {@link #importPeople} in a handful of statements for a whole file
	 * (ADR 45): everyone registered by one COPY, the NHS numbers checked in one join, and
	 * the candidate pairs of every imported person found in one query and scored by the
	 * same model. Only the pairs the model queues cost a statement each.
	 */
	private ImportReport importInBulk(Actor actor, List<ImportedPerson> incoming, List<ImportProblem> found,
			Phases phases, PairFinding finding) {
		// Read before the file is in, so the file's own people need not be told apart
		// from those registered before it.
		Optional<List<ImportMatchRepository.Registered>> register = switch (finding) {
			case QUERY -> Optional.empty();
			case IN_MEMORY -> importMatches.registerOfAtMost(Integer.MAX_VALUE - 1);
			case BY_SIZE -> incoming.size() < PAIRS_IN_MEMORY_FROM ? Optional.empty()
					: importMatches.registerOfAtMost(incoming.size());
		};
		phases.end("register read for matching");
		List<ImportProblem> problems = new ArrayList<>(found);
		// The pairs' JVM work needs only who is registered and which numbers were
		// held, so it runs on its own thread while PostgreSQL writes the rows and
		// builds the indexes on the import's connection (ADR 83).
		List<PairsAhead> ahead = new ArrayList<>(1);
		List<FutureTask<Map<PersonId, Integer>>> places = new ArrayList<>(1);
		BulkRegistrations.Outcome outcome = bulkRegistrations.registerImported(actor,
				incoming.stream().map(ImportedPerson::details).toList(), phases, registered -> {
					places.add(places(registered.ids()));
					register
						.flatMap(r -> startPairs(registered, r,
								() -> worthScoring(registered, incoming, placed(places.get(0)))))
						.ifPresent(ahead::add);
				});
		for (BulkRegistrations.Problem problem : outcome.problems()) {
			problems.add(new ImportProblem(incoming.get(problem.index()).line(), problem.field(),
					"matching.import.error." + problem.code().name()));
		}
		if (!problems.isEmpty()) {
			problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
			throw new ImportRejected(problems);
		}
		List<PersonId> ids = outcome.registered().ids();
		Map<Integer, PersonId> sameNhsNumber = outcome.registered().sameNhsNumber();
		Map<PersonId, Integer> place = placed(places.isEmpty() ? places(ids) : places.get(0));
		// By place, not in maps keyed by boxed places: the report looks up every one of a
		// million people, and only a few thousand have anything but the defaults (ADR
		// 127).
		ImportReport.Outcome[] outcomes = new ImportReport.Outcome[ids.size()];
		List<List<ImportReport.KnownTo>> known = new ArrayList<>(Collections.nCopies(ids.size(), null));
		sameNhsNumber.forEach((i, existing) -> {
			PossibleMatch match = matching.linkOnNhsNumber(actor, ids.get(i), incoming.get(i).details().nhsNumber(),
					existing);
			outcomes[i] = ImportReport.Outcome.LINKED;
			knownAt(known, i).add(knownTo(actor, match.person()));
		});
		phases.end("linked on NHS number");
		ImportMatchRepository.PairHandler handler = pair -> {
			int i = place.get(pair.imported());
			PersonId other = new PersonId(UUID.fromString(pair.other().id()));
			// One at a time, a person linked on their NHS number is not matched any
			// further (the link is their outcome), so neither is their pair here.
			if (sameNhsNumber.containsKey(i)) {
				return;
			}
			Record record = Matching.record(pair.imported().id().toString(), incoming.get(i).details());
			matching.proposeIfPossible(actor, pair.imported(), record, pair.other()).ifPresent(score -> {
				reviewUnlessDecided(outcomes, i);
				knownAt(known, i).add(knownTo(actor, other));
				// Two people of the same file come as one pair; one at a time, each finds
				// the other, so each is told of the other (and that telling audited).
				Integer j = place.get(other);
				if (j != null && !sameNhsNumber.containsKey(j)) {
					reviewUnlessDecided(outcomes, j);
					knownAt(known, j).add(knownTo(actor, pair.imported()));
				}
			});
		};
		boolean inMemory = !ahead.isEmpty();
		if (inMemory) {
			List<ImportMatchRepository.Pair> worth = ahead.get(0).worthScoring(importMatches.merged());
			phases.end("candidate pairs awaited");
			worth.forEach(handler::pair);
		}
		else {
			importMatches.pairs(ids, handler);
		}
		phases.end(inMemory ? "candidate pairs scored" : "candidate pairs found and scored");
		List<ImportReport.Imported> report = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			ImportedPerson person = incoming.get(i);
			report.add(new ImportReport.Imported(person.line(), ids.get(i), person.details().displayName(),
					outcomes[i] == null ? ImportReport.Outcome.CREATED : outcomes[i],
					known.get(i) == null ? List.of() : known.get(i)));
		}
		auditLog.record(AuditEvent.permitted(actor, "import", RECORD, null, null));
		phases.end("report");
		return new ImportReport(report);
	}

	private static List<ImportReport.KnownTo> knownAt(List<List<ImportReport.KnownTo>> known, int i) {
		if (known.get(i) == null) {
			known.set(i, new ArrayList<>());
		}
		return known.get(i);
	}

	// The first outcome decided for a place stays.
	private static void reviewUnlessDecided(ImportReport.Outcome[] outcomes, int i) {
		if (outcomes[i] == null) {
			outcomes[i] = ImportReport.Outcome.REVIEW;
		}
	}

	/**
	 * Pure, so the non-matches are set aside on every core before the handler scores the
	 * rest again and writes, one at a time; the same decisions either way.
	 */
	private Predicate<ImportMatchRepository.Pair> worthScoring(BulkRegistrations.Registered file,
			List<ImportedPerson> incoming, Map<PersonId, Integer> place) {
		return pair -> {
			int i = place.get(pair.imported());
			return !file.sameNhsNumber().containsKey(i) && matching.possibleMatch(
					Matching.record(pair.imported().id().toString(), incoming.get(i).details()), pair.other());
		};
	}

	/**
	 * Each id's place in the file, made once for an import: by the pairs' thread for its
	 * filter while the rows go in, and taken as made by this thread for the links and the
	 * handler, instead of placing a million ids again after the index builds, when only
	 * this thread works (ADR 127).
	 */
	private static FutureTask<Map<PersonId, Integer>> places(List<PersonId> ids) {
		return new FutureTask<>(() -> {
			Map<PersonId, Integer> place = new HashMap<>(ids.size() * 2);
			for (int i = 0; i < ids.size(); i++) {
				place.put(ids.get(i), i);
			}
			return place;
		});
	}

	// Made here unless another thread has started making them; then waited for.
	private static Map<PersonId, Integer> placed(FutureTask<Map<PersonId, Integer>> places) {
		places.run();
		return Waited.result(places, "placing an import's people");
	}

	/**
	 * The pairs {@link ImportMatchRepository#pairs}' query would give, found in memory
	 * from the file as registered and the register as read before it (ADR 74), in the
	 * query's orientation: a pair within the file once, from the lower id (PostgreSQL's
	 * order) to the higher; a pair with someone registered before, from the file's
	 * person. Returns false, having found nothing, if this database's {@code lower}
	 * cannot be matched in memory.
	 */
	boolean pairsInMemory(BulkRegistrations.Registered file, List<ImportMatchRepository.Registered> register,
			Predicate<ImportMatchRepository.Pair> worthScoring, ImportMatchRepository.PairHandler handler,
			Phases phases) {
		Optional<PairsAhead> ahead = startPairs(file, register, () -> worthScoring);
		if (ahead.isEmpty()) {
			return false;
		}
		ahead.get().worthScoring(importMatches.merged()).forEach(handler::pair);
		phases.end("candidate pairs scored");
		return true;
	}

	/**
	 * Starts finding the pairs in memory and setting aside those {@code worthScoring}
	 * refuses (made on that thread too), on a thread of their own: this thread only asks
	 * PostgreSQL how it lowers the names that are not ASCII (on the import's connection,
	 * before the rows go in). Empty, having started nothing, if this database's
	 * {@code lower} cannot be matched in memory.
	 */
	private Optional<PairsAhead> startPairs(BulkRegistrations.Registered file,
			List<ImportMatchRepository.Registered> register,
			Supplier<Predicate<ImportMatchRepository.Pair>> worthScoring) {
		List<PersonId> ids = file.ids();
		List<FilePairs.Keys> keys = new ArrayList<>(ids.size() + register.size());
		Set<String> notAscii = new HashSet<>();
		for (PersonDetails d : file.details()) {
			keys.add(new FilePairs.Keys(d.givenName(), d.familyName(), d.dateOfBirth(), d.postcode()));
		}
		register.forEach(r -> keys.add(r.keys()));
		for (FilePairs.Keys k : keys) {
			for (String name : List.of(k.given(), k.family())) {
				if (FilePairs.notAscii(name)) {
					notAscii.add(name);
				}
			}
		}
		Optional<Map<String, String[]>> lowered = importMatches.lowered(notAscii);
		if (lowered.isEmpty()) {
			return Optional.empty();
		}
		FilePairs.Lowering lowering = FilePairs.lowering(lowered.get());
		return Optional.of(new PairsAhead(() -> {
			long[] pairs = FilePairs.find(keys, ids.size(), lowering);
			List<ImportMatchRepository.Pair> found = new ArrayList<>(pairs.length);
			for (long pair : pairs) {
				int a = (int) (pair >>> 32);
				int b = (int) pair;
				if (b >= ids.size()) {
					found.add(new ImportMatchRepository.Pair(ids.get(a), register.get(b - ids.size()).record()));
					continue;
				}
				boolean aFirst = PersonId.ASCENDING.compare(ids.get(a), ids.get(b)) < 0;
				found.add(new ImportMatchRepository.Pair(ids.get(aFirst ? a : b), asStored(file, aFirst ? b : a)));
			}
			return found.parallelStream().filter(worthScoring.get()).toList();
		}));
	}

	/**
	 * The pairs worth scoring, being found on a thread of their own. A record merged into
	 * another by a link not undone is left out only when they are taken, since the file's
	 * own links on NHS number are made after the rows are in; leaving a pair out is the
	 * same before or after setting aside the non-matches.
	 */
	static final class PairsAhead {

		private final FutureTask<List<ImportMatchRepository.Pair>> task;

		PairsAhead(Callable<List<ImportMatchRepository.Pair>> work) {
			task = new FutureTask<>(work);
			Thread thread = new Thread(task, "import-pairs");
			// Pure work: an import that fails meanwhile abandons it, and it must not keep
			// the command's JVM alive.
			thread.setDaemon(true);
			thread.start();
		}

		/**
		 * Waits for the pairs, in the order found, less those whose other record is
		 * merged.
		 */
		List<ImportMatchRepository.Pair> worthScoring(Set<PersonId> merged) {
			List<ImportMatchRepository.Pair> worth = Waited.result(task, "finding an import's pairs");
			if (merged.isEmpty()) {
				return worth;
			}
			return worth.stream()
				.filter(pair -> !merged.contains(new PersonId(UUID.fromString(pair.other().id()))))
				.toList();
		}

	}

	// As the register holds them: without a number someone else already held.
	private static Record asStored(BulkRegistrations.Registered file, int i) {
		PersonDetails d = file.details().get(i);
		return Matching.record(file.ids().get(i).id().toString(),
				file.sameNhsNumber().containsKey(i) ? withoutNhsNumber(d) : d);
	}

	private ImportReport.KnownTo knownTo(Actor actor, PersonId other) {
		return knownTo(actor, repository.person(other).orElseThrow().demographics());
	}

	/**
	 * Registers and matches people already parsed from any source.
	 * @throws ImportRejected if any of them cannot be registered, with nothing saved
	 */
	@Transactional(noRollbackFor = NotAuthorisedToImport.class)
	public ImportReport importPeople(Actor actor, List<ImportedPerson> incoming) {
		requireImporter(actor);
		return importTogether(actor, incoming);
	}

	/**
	 * The rules of {@link #importPeopleOneByOne}, in statements for the whole list rather
	 * than for each person (ADR 60): registered and their NHS numbers checked together
	 * ({@link BulkRegistrations}), and everyone's candidates found by one query with each
	 * person's own branches and limits. Then each person is scored, proposed, linked and
	 * audited in the order of the list, exactly as one by one, so the decisions are the
	 * same; only possible matches cost statements of their own.
	 */
	private ImportReport importTogether(Actor actor, List<ImportedPerson> incoming) {
		BulkRegistrations.Outcome registration = bulkRegistrations.registerImported(actor,
				incoming.stream().map(ImportedPerson::details).toList());
		if (!registration.problems().isEmpty()) {
			List<ImportProblem> problems = new ArrayList<>();
			for (BulkRegistrations.Problem problem : registration.problems()) {
				problems.add(new ImportProblem(incoming.get(problem.index()).line(), problem.field(),
						"matching.import.error." + problem.code().name()));
			}
			problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
			throw new ImportRejected(problems);
		}
		List<PersonId> ids = registration.registered().ids();
		Map<Integer, PersonId> sameNhsNumber = registration.registered().sameNhsNumber();
		List<PersonId> toMatch = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			if (!sameNhsNumber.containsKey(i)) {
				toMatch.add(ids.get(i));
			}
		}
		// Each person's record as the matcher would read it back: the details registered,
		// stored as they are.
		Map<PersonId, Record> selves = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			if (!sameNhsNumber.containsKey(i)) {
				PersonId id = ids.get(i);
				selves.put(id, Matching.record(id.id().toString(), registration.registered().details().get(i)));
			}
		}
		Map<PersonId, List<MatchRepository.Person>> candidates = new HashMap<>();
		// Every registration is in before any candidate is looked for, as one by one.
		for (int from = 0; from < toMatch.size(); from += QUERY_SLICE) {
			Map<PersonId, Record> records = new java.util.LinkedHashMap<>();
			toMatch.subList(from, Math.min(toMatch.size(), from + QUERY_SLICE))
				.forEach(id -> records.put(id, selves.get(id)));
			candidates.putAll(repository.candidatesOfAll(records, matching::birthDatesWorthFetching));
		}
		Set<PersonId> mergedHere = new HashSet<>();
		List<ImportReport.Imported> report = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			PersonId id = ids.get(i);
			ImportedPerson person = incoming.get(i);
			PersonId existing = sameNhsNumber.get(i);
			if (existing != null) {
				PossibleMatch match = matching.linkOnNhsNumber(actor, id, person.details().nhsNumber(), existing,
						mergedHere);
				report.add(new ImportReport.Imported(person.line(), id, person.details().displayName(),
						ImportReport.Outcome.LINKED, List.of(knownTo(actor, match.person()))));
			}
			else {
				List<PossibleMatch> matches = matching.matchAmong(actor, id, selves.get(id), candidates.get(id), true,
						mergedHere);
				report.add(outcome(actor, id, person, matches));
			}
		}
		auditLog.record(AuditEvent.permitted(actor, "import", RECORD, null, null));
		return new ImportReport(report);
	}

	/**
	 * One person at a time: a lookup of the NHS number, a registration, a read and a
	 * candidate query each. No longer used by imports; kept as the reference
	 * {@link #importTogether} is tested against, decision for decision.
	 */
	@Transactional(noRollbackFor = NotAuthorisedToImport.class)
	ImportReport importPeopleOneByOne(Actor actor, List<ImportedPerson> incoming) {
		requireImporter(actor);
		return importPeople(actor, incoming, List.of());
	}

	/**
	 * Registers every person that parsed, so registration's own problems are found in the
	 * same pass as the parser's; then, if there is any problem at all, throws, and the
	 * transaction takes every registration back. One transaction per file keeps a crash
	 * half way through from leaving half a file behind.
	 */
	private ImportReport importPeople(Actor actor, List<ImportedPerson> incoming, List<ImportProblem> found) {
		List<ImportProblem> problems = new ArrayList<>(found);
		List<Registered> registered = new ArrayList<>();
		for (ImportedPerson person : incoming) {
			try {
				registered.add(register(actor, person));
			}
			catch (PersonRuleViolation ex) {
				// Checked before anything is written, so the next person can still be
				// tried and every problem reported.
				problems.add(new ImportProblem(person.line(), ex.field(), "matching.import.error." + ex.code().name()));
			}
		}
		if (!problems.isEmpty()) {
			problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
			throw new ImportRejected(problems);
		}
		List<ImportReport.Imported> report = new ArrayList<>();
		for (Registered person : registered) {
			report.add(outcome(actor, person));
		}
		auditLog.record(AuditEvent.permitted(actor, "import", RECORD, null, null));
		return new ImportReport(report);
	}

	private record Registered(ImportedPerson person, PersonId id, @Nullable PersonId sameNhsNumber) {
	}

	// Someone already registered with the same NHS number keeps the number; the
	// importer's record is registered without it and linked to theirs.
	private Registered register(Actor actor, ImportedPerson person) {
		String nhs = person.details().nhsNumber();
		Optional<PersonId> existing = nhs == null ? Optional.empty() : people.registeredWithNhsNumber(nhs);
		PersonDetails details = existing.isPresent() ? withoutNhsNumber(person.details()) : person.details();
		return new Registered(person, people.registerImported(actor, details), existing.orElse(null));
	}

	private ImportReport.Imported outcome(Actor actor, Registered registered) {
		PersonId id = registered.id();
		ImportedPerson person = registered.person();
		if (registered.sameNhsNumber() != null) {
			PossibleMatch match = matching.linkOnNhsNumber(actor, id, person.details().nhsNumber(),
					registered.sameNhsNumber());
			return new ImportReport.Imported(person.line(), id, person.details().displayName(),
					ImportReport.Outcome.LINKED, List.of(knownTo(actor, match.person())));
		}
		return outcome(actor, id, person, matching.match(actor, id, true));
	}

	private ImportReport.Imported outcome(Actor actor, PersonId id, ImportedPerson person,
			List<PossibleMatch> matches) {
		ImportReport.Outcome outcome = ImportReport.Outcome.CREATED;
		List<ImportReport.KnownTo> known = new ArrayList<>();
		for (PossibleMatch match : matches) {
			MatchStatus status = repository.pair(id, match.person().id())
				.map(MatchRepository.CandidateRow::status)
				.orElse(MatchStatus.PENDING);
			if (status == MatchStatus.LINKED) {
				outcome = ImportReport.Outcome.LINKED;
			}
			else if (outcome == ImportReport.Outcome.CREATED) {
				outcome = ImportReport.Outcome.REVIEW;
			}
			// Read again for the organisation, which candidates found together leave out.
			known.add(knownTo(actor, match.person().id()));
		}
		return new ImportReport.Imported(person.line(), id, person.details().displayName(), outcome, known);
	}

	private static PersonDetails withoutNhsNumber(PersonDetails d) {
		return new PersonDetails(null, d.title(), d.givenName(), d.familyName(), d.preferredName(), d.howAddressed(),
				d.dateOfBirth(), d.sex(), d.gender(), d.addressLine1(), d.addressLine2(), d.town(), d.postcode(),
				d.phone(), d.email(), d.language(), d.interpreterNeeded(), d.communicationNeeds());
	}

	// The importer learns that someone may be known elsewhere; who, only if they may open
	// that record. Either way it is a disclosure about that person, so it is audited.
	private ImportReport.KnownTo knownTo(Actor actor, Demographics other) {
		boolean mayOpen = accessPolicy.decideRecord(actor, other.id()).permitted();
		auditLog.record(AuditEvent.permitted(actor, "match-hint", "MatchCandidate", null, other.id()));
		return new ImportReport.KnownTo(other.id(), other.organisation(), mayOpen ? other.name() : null,
				mayOpen ? other.dateOfBirth() : null);
	}

	private void requireImporter(Actor actor) {
		if (!mayImport(actor)) {
			NotAuthorisedToImport refusal = new NotAuthorisedToImport();
			auditLog.record(AuditEvent.denied(actor, "import", RECORD, null, null, refusal.getMessage()));
			throw refusal;
		}
	}

}
