package care.seamless.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.OverrideReason;
import care.seamless.consent.Overrides;
import care.seamless.person.People;
import care.seamless.person.PersonIdentifier;
import care.seamless.person.RecordListings;
import care.seamless.person.RecordQuery;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.assertj.core.groups.Tuple;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Patient read by id takes the record decision, the details rule and the record in
 * one query (docs/fhir.md, "Performance"): the audit entry is still the record page's
 * (its reason, and break glass marked as such), a refusal still reads nothing, and
 * withheld details still leave out the local identifiers, on a read and a search alike.
 */
@SeamlessTest
class FhirReadPathTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	Overrides overrides;

	@Autowired
	AuditLog auditLog;

	@Autowired
	RecordListings listings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@LocalServerPort
	int port;

	Staff socialWorker;

	Staff nurse;

	String family;

	@BeforeEach
	void partnership() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		family = Fixtures.unique("Fhirread");
	}

	@Test
	void aReadIsAuditedWithTheRecordDecisionAndABreakGlassReadAsAnOverride() {
		PersonId person = fixtures.person(family, socialWorker);

		assertThat(new FhirClient(port, socialWorker.username()).get("/Patient/" + person.id()).status())
			.isEqualTo(200);
		assertThat(new FhirClient(port, nurse.username()).get("/Patient/" + person.id()).status()).isEqualTo(403);
		overrides.breakGlass(nurse.actor(), person, OverrideReason.EMERGENCY_CARE, "Found collapsed, need medicines");
		assertThat(new FhirClient(port, nurse.username()).get("/Patient/" + person.id()).status()).isEqualTo(200);

		assertThat(audited(person, "read-fhir"))
			.extracting(AuditEntry::account, AuditEntry::outcome, AuditEntry::override, AuditEntry::reason)
			.containsExactly(
					Tuple.tuple(socialWorker.username(), "PERMITTED", false,
							"relationship: You are in this person's care team"),
					Tuple.tuple(nurse.username(), "DENIED", false,
							"relationship: You are not in this person's care team"),
					Tuple.tuple(nurse.username(), "PERMITTED", true,
							"override: Emergency access (break glass) is in force for you"));
	}

	@Test
	void withheldDetailsLeaveOutTheLocalIdentifiersOnAReadAndASearch() {
		String nhsNumber = Fixtures.nextNhsNumber();
		PersonId trusts = people.register(nurse.actor(),
				Fixtures.details("Ada", family, LocalDate.of(1951, 4, 5), nhsNumber));
		people.addIdentifier(nurse.actor(), trusts, new PersonIdentifier("urn:trust:mrn", "MRN-" + family));
		people.addIdentifier(nurse.actor(), trusts, new PersonIdentifier("urn:trust:case", "CASE-" + family));
		fixtures.addToCareTeam(trusts, socialWorker);
		FhirClient client = new FhirClient(port, socialWorker.username());

		Patient redacted = client.get("/Patient/" + trusts.id()).as(Patient.class);
		Bundle found = client.get("/Patient?family=" + family + "&birthdate=1951-04-05").as(Bundle.class);

		assertThat(redacted.getMeta().getSecurity()).extracting(c -> c.getCode()).containsExactly("REDACTED");
		assertThat(redacted.getIdentifier()).extracting(Identifier::getSystem)
			.containsExactly(PatientTranslator.NHS_NUMBER);
		assertThat(((Patient) found.getEntryFirstRep().getResource()).getIdentifier()).extracting(Identifier::getSystem)
			.containsExactly(PatientTranslator.NHS_NUMBER);
		fixtures.agreement(Set.of(socialWorker.organisationId(), nurse.organisationId()), DataCategory.GENERAL);
		assertThat(client.get("/Patient/" + trusts.id()).as(Patient.class).getIdentifier())
			.extracting(Identifier::getSystem, Identifier::getValue)
			.containsExactly(Tuple.tuple(PatientTranslator.NHS_NUMBER, nhsNumber),
					Tuple.tuple("urn:trust:case", "CASE-" + family), Tuple.tuple("urn:trust:mrn", "MRN-" + family));
	}

	/**
	 * ADR 115: the details rule of a read is evaluated once, however many columns of the
	 * statement use it. The person's choice, which the rule asks once for a record that
	 * crosses organisations, counts the evaluations: the read asked it three times, for
	 * the details column and for each of the two identifier columns. The search over the
	 * same listing columns answers as before.
	 */
	@Test
	void theDetailsRuleIsEvaluatedOnceOnAReadAndASearchAnswersAsBefore() {
		PersonId trusts = people.register(nurse.actor(),
				Fixtures.details("Ada", family, LocalDate.of(1951, 4, 5), Fixtures.nextNhsNumber()));
		people.addIdentifier(nurse.actor(), trusts, new PersonIdentifier("urn:trust:mrn", "MRN-" + family));
		fixtures.addToCareTeam(trusts, socialWorker);
		fixtures.agreement(Set.of(socialWorker.organisationId(), nurse.organisationId()), DataCategory.GENERAL);
		RecordQuery byFamily = new RecordQuery(null, null, null, null, null, family, null, LocalDate.of(1951, 4, 5),
				LocalDate.of(1951, 4, 6), null, null, null, 10, 0);

		assertThat(choicesAsked(() -> {
			var read = listings.read(socialWorker.actor(), trusts, "read-fhir");
			assertThat(read.detailsWithheld()).isFalse();
			assertThat(read.identifiers()).extracting(PersonIdentifier::value).containsExactly("MRN-" + family);
		})).isEqualTo(1);
		var found = listings.list(socialWorker.actor(), byFamily, "read-fhir-search").records();
		assertThat(found).extracting(r -> r.id()).containsExactly(trusts);
		assertThat(found.get(0).detailsWithheld()).isFalse();
		assertThat(found.get(0).identifiers()).extracting(PersonIdentifier::value).containsExactly("MRN-" + family);
	}

	/**
	 * ADR 123: the record decision and the details rule of a read share the override and
	 * care-team probes, and the person's row is read once: one scan each of the person
	 * and the overrides per read (two each before), whatever the decision. The care
	 * team's scans are not counted: how often its index is probed depends on the join the
	 * planner picks for the table's size, which the rest of the suite changes (one whole
	 * run saw five in a break-glass read).
	 */
	@Test
	void aReadProbesTheOverridesTheCareTeamAndThePersonOnce() {
		PersonId trusts = people.register(nurse.actor(),
				Fixtures.details("Ada", family, LocalDate.of(1951, 4, 5), Fixtures.nextNhsNumber()));
		fixtures.addToCareTeam(trusts, socialWorker);
		fixtures.agreement(Set.of(socialWorker.organisationId(), nurse.organisationId()), DataCategory.GENERAL);
		Staff stranger = fixtures.practitioner(socialWorker.organisationId(), Profession.SOCIAL_WORKER);
		List<String> tables = List.of("person.person", "consent.override");

		assertThat(scansIn(tables,
				() -> assertThat(listings.read(socialWorker.actor(), trusts, "read-fhir").detailsWithheld()).isFalse()))
			.containsExactly(1L, 1L);
		assertThat(scansIn(tables, () -> assertThatThrownBy(() -> listings.read(stranger.actor(), trusts, "read-fhir"))
			.isInstanceOf(AccessDenied.class))).containsExactly(1L, 1L);
		overrides.breakGlass(stranger.actor(), trusts, OverrideReason.EMERGENCY_CARE,
				"Found collapsed, need medicines");
		assertThat(scansIn(tables,
				() -> assertThat(listings.read(stranger.actor(), trusts, "read-fhir").detailsWithheld()).isFalse()))
			.containsExactly(1L, 1L);
		assertThat(audited(trusts, "read-fhir"))
			.extracting(AuditEntry::account, AuditEntry::outcome, AuditEntry::override)
			.containsExactly(Tuple.tuple(socialWorker.username(), "PERMITTED", false),
					Tuple.tuple(stranger.username(), "DENIED", false),
					Tuple.tuple(stranger.username(), "PERMITTED", true));
	}

	/**
	 * Scans (sequential or by any index) of each table in the work, counted in its own
	 * transaction: the backend's counts not yet reported include earlier transactions' on
	 * the same connection, so the work's are the difference.
	 */
	private List<Long> scansIn(List<String> tables, Runnable work) {
		return new TransactionTemplate(transactions).execute(status -> {
			List<Long> before = scans(tables);
			work.run();
			List<Long> after = scans(tables);
			return java.util.stream.IntStream.range(0, tables.size())
				.mapToObj(i -> after.get(i) - before.get(i))
				.toList();
		});
	}

	private List<Long> scans(List<String> tables) {
		return tables.stream()
			.map(table -> jdbc.sql("select pg_stat_get_xact_numscans(cast(:t as regclass)) + coalesce(sum("
					+ "pg_stat_get_xact_numscans(i.indexrelid)), 0) from pg_index i where i.indrelid = cast(:t as regclass)")
				.param("t", table)
				.query(Long.class)
				.single())
			.toList();
	}

	private long choicesAsked(Runnable work) {
		return new TransactionTemplate(transactions).execute(status -> {
			jdbc.sql("set local track_functions = 'pl'").update();
			work.run();
			return jdbc
				.sql("select coalesce(pg_stat_get_xact_function_calls(cast("
						+ "'consent.effective_choice(uuid, uuid, text)' as regprocedure)), 0)")
				.query(Long.class)
				.single();
		});
	}

	/**
	 * A search by one day of birth runs on a plan kept for any values (docs/fhir.md,
	 * "Performance"); it must find, count and audit what the same day as a range finds,
	 * which is planned for its values.
	 */
	@Test
	void aSearchByOneDayOfBirthFindsCountsAndAuditsWhatTheSameDayAsARangeDoes() {
		PersonId mine = fixtures.person(family, socialWorker);
		PersonId alsoMine = fixtures.person(family, socialWorker);
		PersonId notMine = fixtures.person(family, nurse);
		// Fixtures.person's day of birth, the same for all three.
		String born = "1940-03-27";
		FhirClient client = new FhirClient(port, socialWorker.username());

		Bundle oneDay = client.get("/Patient?family=" + family + "&birthdate=" + born).as(Bundle.class);
		Bundle range = client.get("/Patient?family=" + family + "&birthdate=ge" + born + "&birthdate=le" + born)
			.as(Bundle.class);
		Bundle firstPage = client.get("/Patient?family=" + family + "&birthdate=" + born + "&_count=1")
			.as(Bundle.class);

		List<String> expected = java.util.stream.Stream.of(mine, alsoMine)
			.map(p -> p.id().toString())
			.sorted()
			.toList();
		assertThat(oneDay.getTotal()).isEqualTo(range.getTotal()).isEqualTo(firstPage.getTotal()).isEqualTo(2);
		assertThat(oneDay.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactlyElementsOf(expected);
		assertThat(range.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactlyElementsOf(expected);
		assertThat(firstPage.getEntry()).hasSize(1);
		// Two searches returned both, the first page one of them.
		assertThat(audited(mine, "read-fhir-search").size() + audited(alsoMine, "read-fhir-search").size())
			.isEqualTo(5);
		assertThat(audited(notMine, "read-fhir-search")).isEmpty();
	}

	/**
	 * Reads and searches reuse each statement once built (keyed by the rule texts and by
	 * which criteria were given, never by who asks or the values): whoever asks next, and
	 * with whichever criteria, must get exactly their own answer, refusal and audit
	 * entries.
	 */
	@Test
	void statementsKeptForReuseAnswerEachViewerAndEachSetOfCriteriaAsTheirOwn() {
		PersonId mine = fixtures.person(family, socialWorker);
		PersonId alsoMine = people.register(nurse.actor(),
				Fixtures.details("Bea", family, LocalDate.of(1962, 8, 9), Fixtures.nextNhsNumber()));
		fixtures.addToCareTeam(alsoMine, socialWorker);
		PersonId nurses = fixtures.person(family, nurse);
		FhirClient worker = new FhirClient(port, socialWorker.username());
		FhirClient nursing = new FhirClient(port, nurse.username());

		for (int round = 0; round < 2; round++) {
			assertThat(ids(worker.get("/Patient?family=" + family).as(Bundle.class)))
				.containsExactlyInAnyOrder(mine.id().toString(), alsoMine.id().toString());
			assertThat(ids(worker.get("/Patient?family=" + family + "&birthdate=1940-03-27").as(Bundle.class)))
				.containsExactly(mine.id().toString());
			assertThat(ids(worker.get("/Patient?family=" + family + "&birthdate=ge1962-01-01").as(Bundle.class)))
				.containsExactly(alsoMine.id().toString());
			assertThat(ids(nursing.get("/Patient?family=" + family + "&birthdate=1940-03-27").as(Bundle.class)))
				.containsExactly(nurses.id().toString());
			assertThat(worker.get("/Patient/" + mine.id()).status()).isEqualTo(200);
			assertThat(worker.get("/Patient/" + nurses.id()).status()).isEqualTo(403);
			assertThat(nursing.get("/Patient/" + nurses.id()).status()).isEqualTo(200);
			assertThat(nursing.get("/Patient/" + mine.id()).status()).isEqualTo(403);
		}

		// Per round: found by two searches and read once; refused once to the nurse.
		assertThat(audited(mine, "read-fhir-search")).hasSize(4)
			.allSatisfy(e -> assertThat(e.account()).isEqualTo(socialWorker.username()));
		assertThat(audited(alsoMine, "read-fhir-search")).hasSize(4);
		assertThat(audited(nurses, "read-fhir-search")).hasSize(2)
			.allSatisfy(e -> assertThat(e.account()).isEqualTo(nurse.username()));
		assertThat(audited(mine, "read-fhir")).extracting(AuditEntry::account, AuditEntry::outcome)
			.containsExactly(Tuple.tuple(socialWorker.username(), "PERMITTED"), Tuple.tuple(nurse.username(), "DENIED"),
					Tuple.tuple(socialWorker.username(), "PERMITTED"), Tuple.tuple(nurse.username(), "DENIED"));
		assertThat(audited(nurses, "read-fhir")).extracting(AuditEntry::account, AuditEntry::outcome)
			.containsExactly(Tuple.tuple(socialWorker.username(), "DENIED"), Tuple.tuple(nurse.username(), "PERMITTED"),
					Tuple.tuple(socialWorker.username(), "DENIED"), Tuple.tuple(nurse.username(), "PERMITTED"));
	}

	/**
	 * An answer is sent whole, with its length, rather than flushed to the socket value
	 * by value (docs/fhir.md, "Performance"): a read, a search, a refusal and an answer
	 * larger than the container's buffer still arrive complete and as they were, and the
	 * read and the search are audited once each.
	 */
	@Test
	void answersArriveWholeWithTheirLengthAndUnchanged() {
		PersonId mine = fixtures.person(family, socialWorker);
		PersonId nurses = fixtures.person(family, nurse);
		FhirClient client = new FhirClient(port, socialWorker.username());

		java.net.http.HttpResponse<String> read = client.raw("/Patient/" + mine.id());
		java.net.http.HttpResponse<String> search = client.raw("/Patient?family=" + family + "&birthdate=1940-03-27");
		java.net.http.HttpResponse<String> refused = client.raw("/Patient/" + nurses.id());
		java.net.http.HttpResponse<String> large = client.raw("/metadata");

		for (java.net.http.HttpResponse<String> answer : List.of(read, search, refused)) {
			assertThat(answer.headers().firstValue("Transfer-Encoding")).isEmpty();
			assertThat(answer.headers().firstValueAsLong("Content-Length"))
				.hasValue(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
		}
		assertThat(read.statusCode()).isEqualTo(200);
		Patient patient = FhirClient.CONTEXT.newJsonParser().parseResource(Patient.class, read.body());
		assertThat(patient.getIdElement().getIdPart()).isEqualTo(mine.id().toString());
		assertThat(patient.getNameFirstRep().getFamily()).isEqualTo(family);
		Bundle found = FhirClient.CONTEXT.newJsonParser().parseResource(Bundle.class, search.body());
		assertThat(ids(found)).containsExactly(mine.id().toString());
		assertThat(found.getLink("self")).isNotNull();
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(large.statusCode()).isEqualTo(200);
		assertThat(large.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(8192);
		assertThat(FhirClient.CONTEXT.newJsonParser()
			.parseResource(org.hl7.fhir.r4.model.CapabilityStatement.class, large.body())
			.getRestFirstRep()
			.getResource()).extracting(r -> r.getType()).contains("Patient");
		assertThat(audited(mine, "read-fhir")).hasSize(1);
		assertThat(audited(mine, "read-fhir-search")).hasSize(1);
		assertThat(audited(nurses, "read-fhir")).extracting(AuditEntry::outcome).containsExactly("DENIED");
	}

	private static List<String> ids(Bundle bundle) {
		assertThat(bundle.getTotal()).isEqualTo(bundle.getEntry().size());
		return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
	}

	private List<AuditEntry> audited(PersonId person, String action) {
		return auditLog.historyOf(person, 100)
			.stream()
			.filter(e -> e.action().equals(action))
			.sorted(java.util.Comparator.comparingLong(AuditEntry::id))
			.toList();
	}

}
