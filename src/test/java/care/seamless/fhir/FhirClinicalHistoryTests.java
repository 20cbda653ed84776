package care.seamless.fhir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.CareTeams;
import care.seamless.team.OrganisationKind;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clinical history sent by partners: kept once per source (idempotent), with references
 * rewritten to our ids and provenance kept, and read or searched only as the record page
 * would allow, a withheld person's history neither returned nor counted.
 */
@SeamlessTest
class FhirClinicalHistoryTests {

	static final Path SYNTHEA = Path
		.of("src/test/resources/fhir/synthea/Christian_Balistreri_59339691-0270-4c4a-a34d-338e3008b9c3.json");

	@Autowired
	Fixtures fixtures;

	@Autowired
	FhirFiles files;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Staff administrator;

	Staff socialWorker;

	Staff nurse;

	@BeforeEach
	void partnership() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		administrator = fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.ADMINISTRATOR);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
	}

	@Autowired
	CareTeams careTeams;

	void lead(PersonId person, Staff staff) {
		careTeams.addMemberBypassingAgreementsForSetUp(fixtures.admin, person, staff.practitionerId(), staff.teamId(),
				"Lead", true);
	}

	FhirClient as(Staff staff) {
		return new FhirClient(port, staff.username());
	}

	/** A Patient with a Condition, an Encounter, an Observation and an Immunization. */
	static Bundle history(String code) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String patient = "urn:uuid:" + UUID.randomUUID();
		String encounter = "urn:uuid:" + UUID.randomUUID();
		add(bundle, patient, FhirImportTests.patient(null, Fixtures.nextNhsNumber()));
		Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
			.setClass_(
					new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null))
			.setSubject(new Reference(patient));
		add(bundle, encounter, visit);
		Condition condition = new Condition().setSubject(new Reference(patient))
			.setEncounter(new Reference(encounter))
			.setCode(new CodeableConcept()
				.addCoding(new org.hl7.fhir.r4.model.Coding("http://snomed.info/sct", code, "Test condition")));
		add(bundle, "urn:uuid:" + UUID.randomUUID(), condition);
		Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
			.setSubject(new Reference(patient))
			.setEncounter(new Reference(encounter))
			.setCode(new CodeableConcept()
				.addCoding(new org.hl7.fhir.r4.model.Coding("http://loinc.org", "8867-4", "Heart rate")));
		observation.addCategory()
			.addCoding(new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/observation-category",
					"vital-signs", null));
		add(bundle, "urn:uuid:" + UUID.randomUUID(), observation);
		Immunization immunization = new Immunization().setStatus(Immunization.ImmunizationStatus.COMPLETED)
			.setPatient(new Reference(patient))
			.setVaccineCode(new CodeableConcept()
				.addCoding(new org.hl7.fhir.r4.model.Coding("http://hl7.org/fhir/sid/cvx", "140", "Influenza")));
		immunization.getOccurrenceDateTimeType().setValueAsString("2024-10-01");
		add(bundle, "urn:uuid:" + UUID.randomUUID(), immunization);
		return bundle;
	}

	private static void add(Bundle bundle, String fullUrl, Resource resource) {
		bundle.addEntry()
			.setFullUrl(fullUrl)
			.setResource(resource)
			.getRequest()
			.setMethod(Bundle.HTTPVerb.POST)
			.setUrl(resource.fhirType());
	}

	/** Posts the bundle as the administrator; our id of each entry, in order. */
	List<String> send(Bundle bundle) {
		FhirClient.Reply reply = as(administrator).post("", FhirImportTests.json(bundle));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.as(Bundle.class).getEntry().stream().map(e -> e.getResponse().getLocation()).toList();
	}

	static PersonId person(List<String> locations) {
		return new PersonId(UUID.fromString(locations.get(0).substring("Patient/".length())));
	}

	@Test
	void keepsHistoryOnceWithReferencesToOurIdsAndShowsItToTheCareTeam() {
		String code = Fixtures.unique("9");
		Bundle bundle = history(code);
		List<String> first = send(bundle);
		List<String> again = send(bundle);
		assertThat(again).isEqualTo(first);
		PersonId person = person(first);
		lead(person, socialWorker);

		Condition condition = as(socialWorker).get("/" + first.get(2)).as(Condition.class);
		assertThat(condition.getSubject().getReference()).isEqualTo(first.get(0));
		assertThat(condition.getEncounter().getReference()).isEqualTo(first.get(1));
		assertThat(condition.getMeta().getSource())
			.isEqualTo("urn:test:gp-system".equals(bundle.getEntry().get(2).getResource().getMeta().getSource())
					? "urn:test:gp-system" : "organisation:" + administrator.actor().organisationCode());
		assertThat(jdbc.sql("select count(*) from fhir.clinical_resource where person_id = :p")
			.param("p", person.id())
			.query(Long.class)
			.single()).isEqualTo(4);

		Bundle byCode = as(socialWorker)
			.get("/Condition?patient=" + first.get(0) + "&code=http://snomed.info/sct%7C" + code)
			.as(Bundle.class);
		assertThat(byCode.getTotal()).isEqualTo(1);
		Bundle vitals = as(socialWorker)
			.get("/Observation?subject=" + person.id() + "&category=vital-signs&_lastUpdated=ge2020-01-01")
			.as(Bundle.class);
		assertThat(vitals.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(first.get(3).substring("Observation/".length()));
		Bundle vaccines = as(socialWorker).get("/Immunization?patient=" + person.id() + "&vaccine-code=140")
			.as(Bundle.class);
		assertThat(vaccines.getTotal()).isEqualTo(1);
		Bundle provenance = as(socialWorker).get("/Provenance?patient=" + person.id()).as(Bundle.class);
		assertThat(provenance.getEntry())
			.extracting(e -> ((org.hl7.fhir.r4.model.Provenance) e.getResource()).getTargetFirstRep().getReference())
			.containsExactlyInAnyOrderElementsOf(first.subList(1, 5));
		assertThat(as(nurse).get("/Provenance?patient=" + person.id()).as(Bundle.class).getTotal()).isZero();
		assertThat(auditLog.historyOf(person, 50)).extracting(AuditEntry::action)
			.contains("import-fhir", "read-fhir", "read-fhir-search", "read-fhir-provenance");
	}

	@Test
	void aWithheldPersonsHistoryIsNeitherReturnedNorCounted() {
		String code = Fixtures.unique("8");
		List<String> mine = send(history(code));
		List<String> theirs = send(history(code));
		lead(person(mine), socialWorker);
		// In the care team, but from another organisation with no agreement: withheld.
		lead(person(theirs), nurse);

		Bundle seen = as(socialWorker).get("/Condition?code=" + code).as(Bundle.class);
		assertThat(seen.getTotal()).isEqualTo(1);
		assertThat(seen.getEntry()).extracting(e -> "Condition/" + e.getResource().getIdElement().getIdPart())
			.containsExactly(mine.get(2));

		Bundle none = as(nurse).get("/Condition?code=" + code).as(Bundle.class);
		assertThat(none.getTotal()).isZero();
		assertThat(none.getEntry()).isEmpty();
		FhirClient.Reply refused = as(nurse).get("/" + theirs.get(2));
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("access-denied");
		assertThat(refused.body()).doesNotContain(code);
		FhirClient.Reply outsider = as(socialWorker).get("/" + theirs.get(3));
		assertThat(outsider.status()).isEqualTo(403);
	}

	@Test
	void aFileIsReadAsHapiReadsItLeavingOutOnlyTheTypesWeDoNotKeep(@TempDir Path folder) throws Exception {
		Bundle whole = (Bundle) ca.uhn.fhir.context.FhirContext.forR4Cached()
			.newJsonParser()
			.parseResource(Files.readString(SYNTHEA));
		List<String> expected = new ArrayList<>();
		Map<String, Integer> others = new TreeMap<>();
		for (int i = 0; i < whole.getEntry().size(); i++) {
			Resource resource = whole.getEntry().get(i).getResource();
			if (resource instanceof org.hl7.fhir.r4.model.Patient || ClinicalType.of(resource.fhirType()).isPresent()) {
				expected.add("Bundle.entry[" + i + "].resource " + FhirImportTests.json(resource));
			}
			else {
				others.merge(resource.fhirType(), 1, Integer::sum);
			}
		}

		FhirFiles.Parsed parsed = files.parse(SYNTHEA);

		assertThat(parsed.entries()).extracting(e -> e.at() + " " + FhirImportTests.json(e.resource()))
			.containsExactlyElementsOf(expected);
		assertThat(parsed.others()).isEqualTo(others).containsKeys("Claim", "ExplanationOfBenefit");
		// A type FHIR R4 does not know still fails the file, as HAPI's parser decides.
		Path unknown = folder.resolve("unknown.json");
		Files.writeString(unknown, """
				{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Nonsense"}}]}""");
		assertThat(files.parse(unknown).entries()).isNull();
	}

	@Test
	void importsASyntheaBundleOnceAndCountsByType() {
		FhirFiles.Summary first = files.importFile(administrator.actor(), SYNTHEA);
		FhirFiles.Summary second = files.importFile(administrator.actor(), SYNTHEA);

		assertThat(first.line()).isEqualTo("resources {CarePlan=1, Claim=7, Condition=1, DiagnosticReport=2, "
				+ "Encounter=7, ExplanationOfBenefit=7, Immunization=10, Observation=58, Organization=1, "
				+ "Patient=1, Practitioner=1, Procedure=3}, created 80, matched 0, skipped 19, failed 0");
		assertThat(second.line()).endsWith("created 0, matched 80, skipped 19, failed 0");
		UUID person = jdbc.sql("""
				select person_id from fhir.imported_resource
				where resource_type = 'Patient' and source_file = :file and source_system = :system""")
			.param("file", SYNTHEA.getFileName().toString())
			.param("system", "organisation:" + administrator.actor().organisationCode())
			.query(UUID.class)
			.single();
		assertThat(jdbc.sql("""
				select count(*) from fhir.clinical_resource
				where person_id = :p and source_file = :file and resource->'subject'->>'reference' is distinct from :ref
				  and resource->'patient'->>'reference' is distinct from :ref""")
			.param("p", person)
			.param("file", SYNTHEA.getFileName().toString())
			.param("ref", "Patient/" + person)
			.query(Long.class)
			.single()).as("every resource refers to our Patient").isZero();
		lead(new PersonId(person), socialWorker);
		Bundle observations = as(socialWorker).get("/Observation?patient=" + person + "&_count=100").as(Bundle.class);
		assertThat(observations.getTotal()).isEqualTo(58);
		String encounter = ((Observation) observations.getEntryFirstRep().getResource()).getEncounter().getReference();
		assertThat(as(socialWorker).get("/" + encounter).status()).isEqualTo(200);
	}

	@Test
	void refusesBadHistoryWithWhereAndBadSearchesWith400() {
		Bundle orphan = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		add(orphan, "urn:uuid:" + UUID.randomUUID(),
				new Condition().setSubject(new Reference("Patient/" + UUID.randomUUID())));
		FhirClient.Reply reply = as(administrator).post("", FhirImportTests.json(orphan));
		assertThat(reply.status()).as(reply.body()).isEqualTo(422);
		assertThat(reply.expression()).isEqualTo("Bundle.entry[0].resource.subject");

		Bundle nul = history("1");
		((Condition) nul.getEntry().get(2).getResource()).getCode().setText("bad\u0000text");
		FhirClient.Reply refused = as(administrator).post("", FhirImportTests.json(nul));
		assertThat(refused.status()).as(refused.body()).isIn(400, 422);
		assertThat(refused.body()).doesNotContain("\tat ");

		for (String search : List.of("/Condition?foo=1", "/Observation?_lastUpdated=yesterday",
				"/Immunization?subject=x", "/Condition?_count=-1", "/Encounter?code=1")) {
			FhirClient.Reply bad = as(socialWorker).get(search);
			assertThat(bad.status()).as(search + " " + bad.body()).isEqualTo(400);
		}
		assertThat(as(socialWorker).get("/Condition/not-a-uuid").status()).isEqualTo(404);
		assertThat(as(socialWorker).get("/Condition?patient=Patient/nope").as(Bundle.class).getTotal()).isZero();
	}

	@Test
	void everythingIsThePersonAndWhatTheCallerMaySeeOfThem() {
		List<String> sent = send(history(Fixtures.unique("7")));
		PersonId person = person(sent);
		lead(person, socialWorker);

		Bundle everything = as(socialWorker).get("/Patient/" + person.id() + "/$everything").as(Bundle.class);
		// The imported history and, around the record, the care team the lead is in.
		List<String> expected = new java.util.ArrayList<>(sent);
		expected.add("CareTeam/" + person.id());
		assertThat(everything.getTotal()).isEqualTo(6);
		assertThat(everything.getEntry())
			.extracting(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())
			.containsExactlyInAnyOrderElementsOf(expected);
		FhirClient.Reply refused = as(nurse).get("/Patient/" + person.id() + "/$everything");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("Condition");
	}

	@Test
	void aPatientUpdateNamesTheVersionReadAndAStaleOneOverwritesNothing() {
		PersonId person = fixtures.person(Fixtures.unique("Upd"), socialWorker);
		FhirClient client = as(socialWorker);
		org.hl7.fhir.r4.model.Patient read = client.get("/Patient/" + person.id())
			.as(org.hl7.fhir.r4.model.Patient.class);
		String version = read.getMeta().getVersionId();
		String path = "/Patient/" + person.id();

		read.getNameFirstRep().setFamily("Firstchange");
		FhirClient.Reply first = client.put(path, FhirImportTests.json(read), "W/\"" + version + "\"");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		read.getNameFirstRep().setFamily("Secondchange");
		FhirClient.Reply stale = client.put(path, FhirImportTests.json(read), "W/\"" + version + "\"");
		assertThat(stale.status()).as(stale.body()).isEqualTo(409);
		assertThat(stale.code()).isEqualTo("conflict");
		assertThat(client.get(path).as(org.hl7.fhir.r4.model.Patient.class).getNameFirstRep().getFamily())
			.isEqualTo("Firstchange");

		// The parser writes the id's version into meta.versionId: drop both.
		read.setIdElement(read.getIdElement().toUnqualifiedVersionless());
		read.getMeta().setVersionId(null);
		FhirClient.Reply unversioned = client.put(path, FhirImportTests.json(read));
		assertThat(unversioned.status()).as(unversioned.body()).isEqualTo(428);
		assertThat(unversioned.code()).isEqualTo("version-required");
		FhirClient.Reply garbage = client.put(path, FhirImportTests.json(read), "W/\"x1\"");
		assertThat(garbage.status()).as(garbage.body()).isEqualTo(400);
		read.setId("Patient/" + UUID.randomUUID());
		assertThat(client.put(path, FhirImportTests.json(read), "W/\"9\"").status()).isIn(400, 422);
		FhirClient.Reply outsider = as(nurse).put(path, FhirImportTests.json(read.setId(person.id().toString())),
				"W/\"9\"");
		assertThat(outsider.status()).as(outsider.body()).isEqualTo(403);
	}

	@Test
	void aBulkExportHoldsOnlyWhatTheCallerMaySeeAndOnlyTheCallerFetchesIt() throws Exception {
		String code = Fixtures.unique("6");
		List<String> mine = send(history(code));
		List<String> theirs = send(history(code));
		lead(person(mine), socialWorker);
		lead(person(theirs), nurse);
		FhirClient client = as(socialWorker);

		FhirClient.Reply synchronous = client.get("/$export");
		assertThat(synchronous.status()).as(synchronous.body()).isEqualTo(400);
		assertThat(client.raw("/$export?_since=2020", "Prefer", "respond-async").statusCode()).isEqualTo(400);
		assertThat(client.raw("/$export?_type=Condition,Basic", "Prefer", "respond-async").statusCode()).isEqualTo(400);
		var kickOff = client.raw(
				"/$export?_type=Condition,Patient,Provenance&_since="
						+ java.time.Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
				"Prefer", "respond-async");
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		String status = kickOff.headers().firstValue("Content-Location").orElseThrow();

		java.net.http.HttpResponse<String> poll = client.raw(status);
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
		while (poll.statusCode() == 202 && java.time.Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			poll = client.raw(status);
		}
		assertThat(poll.statusCode()).as(poll.body()).isEqualTo(200);
		assertThat(as(nurse).raw(status).statusCode()).isEqualTo(404);
		java.util.regex.Matcher url = java.util.regex.Pattern.compile("\"url\":\"([^\"]*_type=Condition)\"")
			.matcher(poll.body());
		assertThat(url.find()).as(poll.body()).isTrue();
		assertThat(poll.body()).doesNotContain("_type=Observation").doesNotContain("_type=Encounter");
		var file = client.raw(url.group(1));
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+ndjson");
		assertThat(file.body()).contains(mine.get(2).substring("Condition/".length()))
			.doesNotContain(theirs.get(2).substring("Condition/".length()));
		for (String line : file.body().split("\n")) {
			assertThat(FhirClient.CONTEXT.newJsonParser().parseResource(line).fhirType()).isEqualTo("Condition");
		}
		assertThat(as(nurse).raw(url.group(1)).statusCode()).isEqualTo(404);

		// Provenance of the history the caller may see, and only of that.
		java.util.regex.Matcher origins = java.util.regex.Pattern.compile("\"url\":\"([^\"]*_type=Provenance)\"")
			.matcher(poll.body());
		assertThat(origins.find()).as(poll.body()).isTrue();
		String provenance = client.raw(origins.group(1)).body();
		assertThat(provenance).contains("\"reference\":\"" + mine.get(2) + "\"")
			.doesNotContain(theirs.get(2).substring("Condition/".length()));
		for (String line : provenance.split("\n")) {
			assertThat(FhirClient.CONTEXT.newJsonParser().parseResource(line).fhirType()).isEqualTo("Provenance");
		}
	}

}
