package care.seamless.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.person.People;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.Accounts;
import care.seamless.team.OrganisationKind;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patient read and search over real HTTP: the record page's decisions, redaction and
 * audit, totals that count only what may be opened, paging links that work, and an
 * OperationOutcome with a stable code and location for every failure.
 */
@SeamlessTest
class FhirPatientTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	Staff socialWorker;

	Staff nurse;

	String family;

	PersonId mine;

	PersonId other;

	@BeforeEach
	void partnership() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		family = Fixtures.unique("Fhirfam");
		mine = fixtures.person(family, socialWorker);
		other = fixtures.person(family, nurse);
	}

	FhirClient as(Staff staff) {
		return new FhirClient(port, staff.username());
	}

	@Test
	void readsAPatientInTheCareTeamAsUkCoreAndAuditsIt() {
		FhirClient.Reply reply = as(socialWorker).get("/Patient/" + mine.id());

		assertThat(reply.status()).isEqualTo(200);
		Patient patient = reply.as(Patient.class);
		assertThat(patient.getNameFirstRep().getFamily()).isEqualTo(family);
		assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1940-03-27");
		assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
		assertThat(patient.getIdentifierFirstRep().getExtensionByUrl(PatientTranslator.VERIFICATION_STATUS))
			.isNotNull();
		assertThat(patient.getMeta().getSecurity()).isEmpty();
		assertThat(audited(mine, "read-fhir")).extracting(AuditEntry::outcome).containsExactly("PERMITTED");
	}

	@Test
	void refusesAPatientOutsideTheCareTeamAndAuditsTheRefusal() {
		FhirClient.Reply reply = as(socialWorker).get("/Patient/" + other.id());

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.code()).isEqualTo("access-denied");
		assertThat(reply.body()).doesNotContain(family).doesNotContain("at care.seamless");
		assertThat(audited(other, "read-fhir")).extracting(AuditEntry::outcome).containsExactly("DENIED");
	}

	@Test
	void searchCountsAndReturnsOnlyRecordsTheViewerMayOpen() {
		Bundle bundle = as(socialWorker).get("/Patient?family=" + family + "&birthdate=1940-03-27").as(Bundle.class);

		assertThat(bundle.getTotal()).isEqualTo(1);
		assertThat(bundle.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(mine.id().toString());
		assertThat(audited(mine, "read-fhir-search")).hasSize(1);
		assertThat(audited(other, "read-fhir-search")).isEmpty();
	}

	@Test
	void pagesWithLinksThatWork() {
		fixtures.person(family, socialWorker);
		fixtures.person(family, socialWorker);
		FhirClient client = as(socialWorker);

		Bundle first = client.get("/Patient?family=" + family + "&_count=2").as(Bundle.class);
		assertThat(first.getTotal()).isEqualTo(3);
		assertThat(first.getEntry()).hasSize(2);
		String next = first.getLink("next").getUrl();
		Bundle second = client.get(next).as(Bundle.class);

		assertThat(second.getTotal()).isEqualTo(3);
		assertThat(second.getEntry()).hasSize(1);
		assertThat(second.getLink("next")).isNull();
		assertThat(second.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.doesNotContainAnyElementsOf(
					first.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList());
	}

	@Test
	void withholdsDetailsCrossingWithoutAnAgreementAsTheRecordPageDoes() {
		// Registered by the nurse's trust, then the social worker joins the care team; no
		// agreement between their organisations covers the details.
		PersonId trusts = people.register(nurse.actor(),
				Fixtures.details("Ada", family, LocalDate.of(1950, 1, 2), Fixtures.nextNhsNumber()));
		fixtures.addToCareTeam(trusts, socialWorker);

		Patient patient = as(socialWorker).get("/Patient/" + trusts.id()).as(Patient.class);

		assertThat(patient.getMeta().getSecurity()).extracting(c -> c.getCode()).containsExactly("REDACTED");
		assertThat(patient.getAddress()).isEmpty();
		assertThat(patient.getTelecom()).isEmpty();
		assertThat(patient.getNameFirstRep().getFamily()).isEqualTo(family);
		fixtures.agreement(Set.of(socialWorker.organisationId(), nurse.organisationId()), DataCategory.GENERAL);
		assertThat(as(socialWorker).get("/Patient/" + trusts.id()).as(Patient.class).getAddress()).hasSize(1);
	}

	@Test
	void answersEveryBadRequestWithAnOperationOutcomeThatSaysWhere() {
		FhirClient client = as(socialWorker);
		assertFailure(client.get("/Patient?birthdate=1940-13-45"), 400, "invalid-parameter", "birthdate");
		assertFailure(client.get("/Patient?birthdate=yesterday"), 400, "invalid-parameter", "birthdate");
		assertFailure(client.get("/Patient?shoe-size=9"), 400, "unknown-parameter", "shoe-size");
		assertFailure(client.get("/Patient?family:exact=" + family), 400, "unknown-parameter", "family:exact");
		assertFailure(client.get("/Patient?gender=robot"), 400, "invalid-parameter", "gender");
		assertFailure(client.get("/Patient?_count=lots"), 400, "invalid-parameter", "_count");
		assertFailure(client.get("/Patient?_lastUpdated=gt2020-01-01T10:00"), 400, "invalid-parameter", "_lastUpdated");
		assertFailure(client.get("/Patient?family=a,b"), 400, "invalid-parameter", "family");
		assertFailure(client.get("/Patient/not-a-uuid"), 404, "not-found", null);
		assertFailure(client.get("/Patient/" + java.util.UUID.randomUUID()), 404, "not-found", null);
		assertFailure(client.get("/Spaceship/1"), 404, "not-found", null);
		Bundle huge = client.get("/Patient?family=" + family + "&_count=1000000").as(Bundle.class);
		assertThat(huge.getTotal()).isEqualTo(1);
	}

	@Test
	void refusesCallersWithoutCredentialsWithAnOperationOutcome() {
		FhirClient.Reply reply = new FhirClient(port, null).get("/Patient/" + mine.id());
		assertFailure(reply, 401, "unauthenticated", null);
		FhirClient.Reply wrong = new FhirClient(port, "nobody-" + family).get("/Patient/" + mine.id());
		assertThat(wrong.status()).isEqualTo(401);
	}

	@Test
	void aRememberedPasswordEndsAsSoonAsItIsChanged() {
		FhirClient client = as(nurse);
		assertThat(client.get("/Patient/" + other.id()).status()).isEqualTo(200);
		assertThat(client.get("/Patient/" + other.id()).status()).as("remembered").isEqualTo(200);

		accounts.changeOwnPassword(nurse.actor(), Fixtures.PASSWORD, "a-new-and-longer-password-" + family);

		FhirClient.Reply old = client.get("/Patient/" + other.id());
		assertThat(old.status()).as(old.body()).isEqualTo(401);
		assertThat(old.body()).doesNotContain(family);
	}

	@Test
	void statesWhatIsImplementedInTheCapabilityStatement() {
		CapabilityStatement metadata = as(socialWorker).get("/metadata").as(CapabilityStatement.class);

		CapabilityStatement.CapabilityStatementRestResourceComponent patient = metadata.getRestFirstRep()
			.getResource()
			.stream()
			.filter(r -> r.getType().equals("Patient"))
			.findFirst()
			.orElseThrow();
		assertThat(patient.getInteraction()).extracting(i -> i.getCode().toCode()).contains("read", "search-type");
		assertThat(patient.getSearchParam()).extracting(p -> p.getName())
			.contains("identifier", "family", "given", "name", "birthdate", "gender", "_lastUpdated");
	}

	private static void assertFailure(FhirClient.Reply reply, int status, String code, String expression) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.code()).as(reply.body()).isEqualTo(code);
		assertThat(reply.expression()).as(reply.body()).isEqualTo(expression);
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	private List<AuditEntry> audited(PersonId person, String action) {
		return auditLog.historyOf(person, 100).stream().filter(e -> e.action().equals(action)).toList();
	}

}
