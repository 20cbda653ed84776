package care.seamless.linkage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessPolicy;
import care.seamless.person.People;
import care.seamless.person.PersonRuleViolation;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports people in bulk: each is registered for the importing organisation and matched
 * against everyone already known, a match linked at once and a possible match queued for
 * review. All or nothing: if any person cannot be registered, nobody is. CSV files come
 * in through {@link #importCsv}; other sources (FHIR bundles) parse their own records and
 * call {@link #importPeople}.
 */
@Service
public class PeopleImport {

	private static final String RECORD = "PeopleImport";

	private final People people;

	private final Matching matching;

	private final MatchRepository repository;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Clock clock;

	PeopleImport(People people, Matching matching, MatchRepository repository, AccessPolicy accessPolicy,
			AuditLog auditLog, Clock clock) {
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
	 * columns are ignored.
	 * @throws ImportRejected listing every problem, with nothing saved
	 * @throws IllegalArgumentException if {@code columns} names a header the file lacks
	 */
	@Transactional(noRollbackFor = NotAuthorisedToImport.class)
	public ImportReport importCsv(Actor actor, Reader csv, Map<care.seamless.linkage.Role, String> columns) {
		requireImporter(actor);
		List<Record> records;
		try {
			records = new RecordReader(columns, Truth.none()).read(csv).records();
		}
		catch (ColumnNotFound ex) {
			throw new ImportRejected(List.of(new ImportProblem(1, "matching.import.error.columnMissing")));
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			// How commons-csv reports a malformed file: a header named twice, a stray
			// quote.
			throw new ImportRejected(List.of(new ImportProblem(1, "matching.import.error.unreadable")));
		}
		CsvPeople.Parsed parsed = CsvPeople.parse(records, LocalDate.now(clock));
		if (!parsed.problems().isEmpty()) {
			throw new ImportRejected(parsed.problems());
		}
		return importPeople(actor, parsed.people());
	}

	/**
	 * Registers and matches people already parsed from any source.
	 * @throws ImportRejected if any of them cannot be registered, with nothing saved
	 */
	@Transactional(noRollbackFor = NotAuthorisedToImport.class)
	public ImportReport importPeople(Actor actor, List<ImportedPerson> incoming) {
		requireImporter(actor);
		List<ImportProblem> problems = new ArrayList<>();
		List<PersonId> ids = new ArrayList<>();
		for (ImportedPerson person : incoming) {
			try {
				ids.add(people.register(actor, person.details()));
			}
			catch (PersonRuleViolation ex) {
				// Checked before anything is written, so the next person can still be
				// tried and every problem reported.
				problems.add(new ImportProblem(person.line(), "matching.import.error." + ex.code().name()));
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRejected(problems);
		}
		List<ImportReport.Imported> report = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			report.add(outcome(actor, incoming.get(i), ids.get(i)));
		}
		auditLog.record(AuditEvent.permitted(actor, "import", RECORD, null, null));
		return new ImportReport(report);
	}

	private ImportReport.Imported outcome(Actor actor, ImportedPerson person, PersonId id) {
		List<PossibleMatch> matches = matching.match(actor, id, true);
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
			known.add(knownTo(actor, match.person()));
		}
		return new ImportReport.Imported(person.line(), id, person.details().displayName(), outcome, known);
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
