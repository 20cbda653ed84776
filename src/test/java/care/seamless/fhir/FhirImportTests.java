package care.seamless.fhir;

import java.lang.reflect.Method;
import java.util.List;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.linkage.NotAuthorisedToImport;
import care.seamless.person.People;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patients sent in: create, transaction (all or nothing) and batch bundles, each through
 * identity matching, idempotent per source system and id, and refused with a precise
 * OperationOutcome when they cannot be stored.
 */
@SeamlessTest
class FhirImportTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@LocalServerPort
	int port;

	Staff administrator;

	Staff practitioner;

	@BeforeEach
	void accounts() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		administrator = fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.ADMINISTRATOR);
		practitioner = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
	}

	static Patient patient(String id, String nhs) {
		Patient patient = new Patient();
		if (id != null) {
			patient.setId(id);
		}
		patient.getMeta().setSource("urn:test:gp-system");
		patient.addIdentifier().setSystem(PatientTranslator.NHS_NUMBER).setValue(nhs);
		patient.addName().setFamily(Fixtures.unique("Imported")).addGiven("Iris");
		patient.setGender(AdministrativeGender.FEMALE);
		patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1961-07-04"));
		return patient;
	}

	static String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
		return FhirClient.CONTEXT.newJsonParser().encodeResourceToString(resource);
	}

	@Test
	void createsOnceAndMatchesTheSamePatientSentAgain() {
		FhirClient client = new FhirClient(port, administrator.username());
		String nhs = Fixtures.nextNhsNumber();
		String body = json(patient(Fixtures.unique("gp-"), nhs));

		FhirClient.Reply first = client.post("/Patient", body);
		FhirClient.Reply again = client.post("/Patient", body);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(people.registeredWithNhsNumber(nhs)).isPresent();
		assertThat(location(first)).isEqualTo(people.registeredWithNhsNumber(nhs).orElseThrow().id().toString());
	}

	@Test
	void aTransactionSavesNothingWhenOneEntryFails() {
		String good = Fixtures.nextNhsNumber();
		Patient noBirthDate = patient(Fixtures.unique("gp-"), Fixtures.nextNhsNumber());
		noBirthDate.setBirthDateElement(null);
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.addEntry()
			.setResource(patient(Fixtures.unique("gp-"), good))
			.getRequest()
			.setMethod(Bundle.HTTPVerb.POST)
			.setUrl("Patient");
		bundle.addEntry().setResource(noBirthDate).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");

		FhirClient.Reply reply = new FhirClient(port, administrator.username()).post("", json(bundle));

		assertThat(reply.status()).as(reply.body()).isEqualTo(422);
		assertThat(reply.code()).isEqualTo("invalid-resource");
		assertThat(reply.expression()).isEqualTo("Bundle.entry[1].resource.birthDate");
		assertThat(people.registeredWithNhsNumber(good)).isEmpty();
	}

	@Test
	void aTransactionOfPatientsIsIdempotentAndABatchAnswersEachEntry() {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (int i = 0; i < 3; i++) {
			bundle.addEntry()
				.setFullUrl("urn:uuid:" + java.util.UUID.randomUUID())
				.setResource(patient(null, Fixtures.nextNhsNumber()))
				.getRequest()
				.setMethod(Bundle.HTTPVerb.POST)
				.setUrl("Patient");
		}
		FhirClient client = new FhirClient(port, administrator.username());

		Bundle first = client.post("", json(bundle)).as(Bundle.class);
		Bundle second = client.post("", json(bundle)).as(Bundle.class);

		assertThat(first.getEntry()).extracting(e -> e.getResponse().getStatus()).containsOnly("201 Created");
		assertThat(second.getEntry()).extracting(e -> e.getResponse().getStatus()).containsOnly("200 OK");
		assertThat(second.getEntry()).extracting(e -> e.getResponse().getLocation())
			.containsExactlyElementsOf(first.getEntry().stream().map(e -> e.getResponse().getLocation()).toList());

		bundle.setType(Bundle.BundleType.BATCH);
		Patient broken = patient(Fixtures.unique("gp-"), "1234567890");
		bundle.addEntry().setResource(broken).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		Bundle batch = client.post("", json(bundle)).as(Bundle.class);
		assertThat(batch.getEntry()).extracting(e -> e.getResponse().getStatus())
			.containsExactly("200 OK", "200 OK", "200 OK", "422");
	}

	@Test
	void aTransactionTellsSentBeforeRepeatedAndNewApartBySystemAndId() {
		FhirClient client = new FhirClient(port, administrator.username());
		String id = Fixtures.unique("gp-");
		Patient sentBefore = patient(id, Fixtures.nextNhsNumber());
		Bundle first = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		first.addEntry().setResource(sentBefore).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		String before = client.post("", json(first)).as(Bundle.class).getEntryFirstRep().getResponse().getLocation();
		// The same id from another system is another resource; the same id twice in one
		// request is one.
		Patient otherSystem = patient(id, Fixtures.nextNhsNumber());
		otherSystem.getMeta().setSource("urn:test:other-system");
		Patient fresh = patient(Fixtures.unique("gp-"), Fixtures.nextNhsNumber());
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Patient patient : List.of(sentBefore, otherSystem, fresh, fresh)) {
			bundle.addEntry().setResource(patient).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		}

		Bundle reply = client.post("", json(bundle)).as(Bundle.class);

		assertThat(reply.getEntry()).extracting(e -> e.getResponse().getStatus())
			.containsExactly("200 OK", "201 Created", "201 Created", "200 OK");
		java.util.List<String> locations = reply.getEntry().stream().map(e -> e.getResponse().getLocation()).toList();
		assertThat(locations.get(0)).isEqualTo(before);
		assertThat(locations.get(3)).isEqualTo(locations.get(2));
		assertThat(new java.util.HashSet<>(locations)).hasSize(3);
		assertThat(jdbc.sql("select count(*) from fhir.imported_resource where source_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void refusesWhatCannotBeStoredWithWhere() {
		FhirClient client = new FhirClient(port, administrator.username());
		Patient hostile = patient(Fixtures.unique("gp-"), Fixtures.nextNhsNumber());
		hostile.getNameFirstRep().setFamily("Nul\u0000Byte");

		assertFailure(client.post("/Patient", json(hostile)), 422, "invalid-resource", "Patient.name.family");
		assertFailure(client.post("/Patient", "{\"resourceType\":\"Patient\",\"birthDate\":"), 400, "malformed-body");
		assertFailure(client.post("/Patient", "{\"resourceType\":\"Patient\",\"gender\":\"robot\"}"), 400,
				"malformed-body");
		assertFailure(client.post("/Patient", "{\"resourceType\":\"Organization\",\"name\":\"x\"}"), 400,
				"wrong-resource-type");
		assertFailure(new FhirClient(port, practitioner.username()).post("/Patient",
				json(patient(Fixtures.unique("gp-"), Fixtures.nextNhsNumber()))), 403, "access-denied");
		assertFailure(client.post("", "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}"), 422,
				"invalid-resource");
	}

	@Autowired
	TransactionInterceptor transactions;

	@Autowired
	ApplicationContext context;

	/**
	 * ADR 118: the create's transaction names the application's one manager, worked out
	 * once for the method, so Spring does not look for a qualifier on the class on every
	 * call; its rules (no rollback for a refusal) are the annotation's.
	 */
	@Test
	void aCreatesTransactionNamesTheOneManagerWithItsOwnRules() throws NoSuchMethodException {
		Method importAll = PatientImports.class.getMethod("importAll", Actor.class, List.class);
		TransactionAttribute attribute = transactions.getTransactionAttributeSource()
			.getTransactionAttribute(importAll, PatientImports.class);
		String[] managers = context.getBeanNamesForType(TransactionManager.class);

		assertThat(managers).hasSize(1);
		assertThat(attribute).isNotNull();
		assertThat(attribute.getQualifier()).isEqualTo(managers[0]);
		assertThat(
				transactions.getTransactionAttributeSource().getTransactionAttribute(importAll, PatientImports.class))
			.isSameAs(attribute);
		assertThat(attribute.rollbackOn(new NotAuthorisedToImport())).isFalse();
		assertThat(attribute.rollbackOn(new IllegalStateException())).isTrue();
		assertThat(attribute.getPropagationBehavior()).isEqualTo(TransactionDefinition.PROPAGATION_REQUIRED);
	}

	@Autowired
	PatientImports patientImports;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	/**
	 * ADR 129: a request's Patients are registered, matched and remembered by statements
	 * whose text is the same whatever their number (each column one array parameter, not
	 * one parameter per Patient), so each is prepared once per connection. On one
	 * connection that prepares every text from its first use, requests of one, two and
	 * three Patients leave one text of each there; each Patient is registered as sent and
	 * found again by its source key. Rolled back.
	 */
	@Test
	void aRequestsPatientsAreWrittenAndLookedUpByOneTextWhateverTheirNumber() {
		new org.springframework.transaction.support.TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
			org.postgresql.jdbc.PgConnection connection;
			try {
				connection = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource)
					.unwrap(org.postgresql.jdbc.PgConnection.class);
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
			int threshold = connection.getPrepareThreshold();
			connection.setPrepareThreshold(1);
			try {
				for (int size : new int[] { 1, 2, 3, 2 }) {
					List<PatientImports.Incoming> incoming = new java.util.ArrayList<>();
					for (int i = 0; i < size; i++) {
						incoming
							.add(new PatientImports.Incoming(patient(Fixtures.unique("gp-"), Fixtures.nextNhsNumber()),
									"Bundle.entry[" + i + "]", null));
					}
					List<PatientImports.Outcome> outcomes = patientImports.importAll(administrator.actor(), incoming);
					for (int i = 0; i < size; i++) {
						Patient sent = incoming.get(i).patient();
						PatientImports.Outcome outcome = outcomes.get(i);
						assertThat(outcome.kind()).isEqualTo(PatientImports.Kind.CREATED);
						assertThat(jdbc.sql("""
								select nhs_number, given_name, family_name, date_of_birth, sex, postcode,
								       interpreter_needed, source_organisation_id
								from person.person where id = :id""")
							.param("id", outcome.id().id())
							.query()
							.singleRow()).containsEntry("nhs_number", sent.getIdentifierFirstRep().getValue())
							.containsEntry("given_name", "Iris")
							.containsEntry("family_name", sent.getNameFirstRep().getFamily())
							.containsEntry("date_of_birth", java.sql.Date.valueOf("1961-07-04"))
							.containsEntry("sex", "FEMALE")
							.containsEntry("postcode", null)
							.containsEntry("interpreter_needed", false)
							.containsEntry("source_organisation_id", administrator.organisationId().id());
					}
					// Sent again: each found by its key, as the person it made.
					assertThat(patientImports.importAll(administrator.actor(), incoming))
						.extracting(PatientImports.Outcome::kind, o -> o.id())
						.containsExactlyElementsOf(outcomes.stream()
							.map(o -> org.assertj.core.groups.Tuple.tuple(PatientImports.Kind.MATCHED, o.id()))
							.toList());
				}
				for (String statement : List.of("^\\s*insert into person\\.person .*from unnest",
						"^\\s*with incoming as", "^\\s*select r\\.source_system",
						"^\\s*insert into fhir\\.imported_resource ")) {
					assertThat(jdbc.sql("select count(*) from pg_prepared_statements where statement ~ :p")
						.param("p", statement)
						.query(Long.class)
						.single()).as("prepared texts of %s", statement).isEqualTo(1);
				}
			}
			finally {
				connection.setPrepareThreshold(threshold);
				tx.setRollbackOnly();
			}
		});
	}

	private static void assertFailure(FhirClient.Reply reply, int status, String code, String... expression) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.code()).as(reply.body()).isEqualTo(code);
		if (expression.length > 0) {
			assertThat(reply.expression()).isEqualTo(expression[0]);
		}
		assertThat(reply.body()).doesNotContain("\tat ");
	}

	private static String location(FhirClient.Reply reply) {
		return new org.hl7.fhir.r4.model.IdType(reply.location()).getIdPart();
	}

}
