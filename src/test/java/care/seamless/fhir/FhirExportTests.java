package care.seamless.fhir;

import java.util.List;
import java.util.Map;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.consent.AccessPolicy;
import care.seamless.person.AlertKind;
import care.seamless.person.Alerts;
import care.seamless.person.People;
import care.seamless.person.Relationship;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk Data export of the resources inside a record and of a Group (a team's caseload),
 * and vread where no versions are kept, over real HTTP: an export holds exactly what the
 * searches would show the caller, item by item.
 */
@SeamlessTest
class FhirExportTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	Alerts alerts;

	@Autowired
	AccessPolicy policy;

	@LocalServerPort
	int port;

	OrganisationId council;

	Staff socialWorker;

	Staff nurse;

	Staff stranger;

	PersonId person;

	@BeforeEach
	void partnership() {
		council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		// General information is shared; safeguarding information is not.
		fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL, DataCategory.THIRD_PARTY);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		stranger = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		person = fixtures.person(Fixtures.unique("Export"), socialWorker);
		fixtures.addToCareTeam(person, nurse);
		people.addRelatedPerson(socialWorker.actor(), person, Relationship.CARER, "Sam Carer", "01234 567890", null,
				true);
		alerts.raise(socialWorker.actor(), person, AlertKind.SAFEGUARDING_CONCERN, "Concern about a neighbour");
		alerts.raise(socialWorker.actor(), person, AlertKind.KEY_SAFE, null);
	}

	FhirClient as(Staff staff) {
		return new FhirClient(port, staff.username());
	}

	@Test
	void anExportHoldsTheResourcesInsideARecordExactlyAsTheSearchesShowThem() {
		String types = "/$export?_type=Flag,CareTeam,RelatedPerson,Consent,ServiceRequest,QuestionnaireResponse,Task";
		Map<String, List<Resource>> toLead = as(socialWorker).export(types);
		Map<String, List<Resource>> toNurse = as(nurse).export(types);
		Map<String, List<Resource>> toStranger = as(stranger).export(types);

		// The safeguarding alert is withheld from the nurse's organisation, in the export
		// as in the search.
		assertThat(flags(toLead)).containsExactlyInAnyOrder("safeguarding-concern", "key-safe");
		assertThat(flags(toNurse)).containsExactly("key-safe");
		assertThat(flags(toStranger)).isEmpty();
		assertThat(about(toNurse, "CareTeam")).isEqualTo(1);
		assertThat(about(toNurse, "RelatedPerson")).isEqualTo(1);
		assertThat(about(toStranger, "CareTeam") + about(toStranger, "RelatedPerson")).isZero();
		assertThat(toNurse.keySet()).doesNotContain("Patient");
		// The manifest counts what the files hold.
		assertThat(as(nurse).get("/Flag?patient=" + person.id()).as(org.hl7.fhir.r4.model.Bundle.class).getTotal())
			.isEqualTo(flags(toNurse).size());
	}

	@Test
	void aGroupIsATeamsCaseloadExportedOnlyToItsMembersAndOnlyWhatEachMayOpen() {
		Staff colleague = fixtures.practitionerIn(council, socialWorker.teamId(), Profession.SOCIAL_WORKER, false);
		PersonId elsewhere = fixtures.person(Fixtures.unique("Elsewhere"), nurse);

		Map<String, List<Resource>> toLead = as(socialWorker)
			.export("/Group/" + socialWorker.teamId().id() + "/$export?_type=Patient,Flag");
		Map<String, List<Resource>> toColleague = as(colleague)
			.export("/Group/" + socialWorker.teamId().id() + "/$export?_type=Patient");

		assertThat(toLead.get("Patient")).extracting(r -> r.getIdElement().getIdPart())
			.contains(person.id().toString())
			.doesNotContain(elsewhere.id().toString());
		assertThat(flags(toLead)).containsExactlyInAnyOrder("safeguarding-concern", "key-safe");
		boolean opens = policy.decideRecord(colleague.actor(), person).permitted();
		assertThat(toColleague.getOrDefault("Patient", List.of())).extracting(r -> r.getIdElement().getIdPart())
			.as("a colleague gets the person exactly when the record opens to them")
			.matches(ids -> ids.contains(person.id().toString()) == opens);
		// Not a member of the team, or no team at all: no such Group.
		var notMine = as(nurse).raw("/Group/" + socialWorker.teamId().id() + "/$export", "Prefer", "respond-async");
		assertThat(notMine.statusCode()).isEqualTo(404);
		assertThat(notMine.body()).contains("not-found");
		assertThat(as(nurse).raw("/Group/not-a-team/$export", "Prefer", "respond-async").statusCode()).isEqualTo(404);
		var hostile = as(nurse).raw("/Group/x%00y/$export", "Prefer", "respond-async");
		assertThat(hostile.statusCode()).isEqualTo(400);
		assertThat(hostile.body()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(as(socialWorker)
			.raw("/Group/" + socialWorker.teamId().id() + "/$export?_type=Basic", "Prefer", "respond-async")
			.statusCode()).isEqualTo(400);
	}

	@Test
	void vreadIsRefusedWithAStableCodeWhereNoVersionsAreKeptAndTheCapabilityStatementSaysSo() {
		FhirClient client = as(nurse);
		String careTeam = client.get("/CareTeam?patient=" + person.id())
			.as(org.hl7.fhir.r4.model.Bundle.class)
			.getEntryFirstRep()
			.getResource()
			.getIdElement()
			.getIdPart();

		FhirClient.Reply vread = client.get("/CareTeam/" + careTeam + "/_history/1");
		FhirClient.Reply history = client.get("/Flag/" + careTeam + "/_history");

		assertThat(vread.status()).as(vread.body()).isEqualTo(400);
		assertThat(vread.code()).isEqualTo("versions-not-kept");
		assertThat(vread.expression()).isEqualTo("_history");
		assertThat(history.code()).isEqualTo("versions-not-kept");
		CapabilityStatement metadata = client.get("/metadata").as(CapabilityStatement.class);
		for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : metadata.getRestFirstRep()
			.getResource()) {
			assertThat(resource.getInteraction()).extracting(i -> i.getCode().toCode())
				.as(resource.getType())
				.matches(codes -> codes.contains("vread") == resource.getType().equals("Patient"));
		}
		assertThat(metadata.getRestFirstRep().getResource()).filteredOn(r -> r.getType().equals("Group"))
			.singleElement()
			.satisfies(group -> assertThat(group.getOperation()).extracting(o -> o.getName()).contains("export"));
	}

	private List<String> flags(Map<String, List<Resource>> exported) {
		return exported.getOrDefault("Flag", List.of())
			.stream()
			.map(Flag.class::cast)
			.filter(f -> f.getSubject().getReferenceElement().getIdPart().equals(person.id().toString()))
			.map(f -> f.getCode().getCodingFirstRep().getCode())
			.toList();
	}

	private long about(Map<String, List<Resource>> exported, String type) {
		String id = person.id().toString();
		return exported.getOrDefault(type, List.of())
			.stream()
			.filter(r -> r instanceof CareTeam team ? team.getSubject().getReferenceElement().getIdPart().equals(id)
					: r instanceof RelatedPerson related
							&& related.getPatient().getReferenceElement().getIdPart().equals(id))
			.count();
	}

}
