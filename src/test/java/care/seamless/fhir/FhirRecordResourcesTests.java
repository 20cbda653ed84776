package care.seamless.fhir;

import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.careplan.ActionKind;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.NewObjective;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.Section;
import care.seamless.audit.AuditLog;
import care.seamless.person.AlertKind;
import care.seamless.person.Alerts;
import care.seamless.person.People;
import care.seamless.person.Relationship;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resources around a person's record and the directory, over real HTTP: the same
 * decisions as the pages (a reader with no relationship reads nothing and finds nothing,
 * a withheld alert is in neither the entries nor the total), audited, and an
 * OperationOutcome for every bad request.
 */
@SeamlessTest
class FhirRecordResourcesTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	Alerts alerts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	CarePlanFixtures planFixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanActions actions;

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
		person = fixtures.person(Fixtures.unique("Around"), socialWorker);
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
	void theCareTeamReadsTheCareTeamWithItsLeadFirstAndItIsAudited() {
		FhirClient.Reply reply = as(nurse).get("/CareTeam?patient=Patient/" + person.id());

		Bundle bundle = reply.as(Bundle.class);
		assertThat(bundle.getTotal()).isEqualTo(1);
		CareTeam team = (CareTeam) bundle.getEntryFirstRep().getResource();
		assertThat(team.getParticipant()).hasSize(2);
		assertThat(team.getParticipantFirstRep().getMember().getReference())
			.isEqualTo("Practitioner/" + socialWorker.practitionerId().id());
		assertThat(team.getParticipantFirstRep().getRoleFirstRep().getCodingFirstRep().getCode())
			.isEqualTo("lead-professional");
		assertThat(as(nurse).get("/CareTeam/" + person.id()).as(CareTeam.class).getParticipant()).hasSize(2);
		assertThat(auditLog.historyOf(person, 50)).extracting(AuditEntry::action).contains("read-care-team");
	}

	@Test
	void aWithheldAlertIsNeitherListedNorCounted() {
		Bundle toLead = as(socialWorker).get("/Flag?patient=" + person.id()).as(Bundle.class);
		Bundle toNurse = as(nurse).get("/Flag?subject=Patient/" + person.id()).as(Bundle.class);

		assertThat(toLead.getTotal()).isEqualTo(2);
		assertThat(toNurse.getTotal()).isEqualTo(1);
		assertThat(toNurse.getEntry()).hasSize(1);
		Flag shown = (Flag) toNurse.getEntryFirstRep().getResource();
		assertThat(shown.getCode().getCodingFirstRep().getCode()).isEqualTo("key-safe");
		String withheld = toLead.getEntry()
			.stream()
			.map(e -> e.getResource().getIdElement().getIdPart())
			.filter(id -> !id.equals(shown.getIdElement().getIdPart()))
			.findFirst()
			.orElseThrow();
		assertThat(as(socialWorker).get("/Flag/" + withheld).status()).isEqualTo(200);
		assertThat(as(nurse).get("/Flag/" + withheld).code()).isEqualTo("not-found");
		assertThat(auditLog.historyOf(person, 50)).extracting(AuditEntry::action).contains("read-fhir-search");
		assertThat(as(nurse).get("/Flag?patient=" + person.id() + "&status=inactive").as(Bundle.class).getTotal())
			.isZero();
	}

	@Test
	void aReaderWithNoRelationshipReadsNothingAndFindsNothing() {
		String related = as(socialWorker).get("/RelatedPerson?patient=" + person.id())
			.as(Bundle.class)
			.getEntryFirstRep()
			.getResource()
			.getIdElement()
			.getIdPart();
		assertThat(as(nurse).get("/RelatedPerson/" + related).as(RelatedPerson.class).getNameFirstRep().getText())
			.isEqualTo("Sam Carer");

		FhirClient outsider = as(stranger);
		for (String read : new String[] { "/CareTeam/" + person.id(), "/RelatedPerson/" + related }) {
			FhirClient.Reply reply = outsider.get(read);
			assertThat(reply.status()).as(read).isEqualTo(403);
			assertThat(reply.code()).isEqualTo("access-denied");
		}
		for (String type : new String[] { "CareTeam", "RelatedPerson", "Flag" }) {
			Bundle bundle = outsider.get("/" + type + "?patient=" + person.id()).as(Bundle.class);
			assertThat(bundle.getTotal()).as(type).isZero();
			assertThat(bundle.getEntry()).isEmpty();
		}
		assertThat(auditLog.historyOf(person, 50)).extracting(AuditEntry::account, AuditEntry::outcome)
			.contains(org.assertj.core.groups.Tuple.tuple(stranger.username(), "DENIED"));
	}

	@Test
	void anObjectiveWithheldFromTheReaderIsNeitherAGoalNorCounted() {
		CarePlanFixtures.Partnership p = planFixtures.partnership();
		planFixtures.planWithTwoObjectives(p);
		NewObjective usual = CarePlanFixtures.objective("Safe at home", Section.SOCIAL_CARE, Set.of(p.council()));
		carePlans.addObjective(p.socialWorker().actor(), p.person(),
				new NewObjective(null, usual.section(), usual.description(), usual.target(), usual.measure(),
						usual.targetDate(), usual.needCodes(), usual.partners(), DataCategory.SAFEGUARDING));
		actions.add(p.socialWorker().actor(), p.person(), new NewAction(null, ActionKind.ACTION, "Fit a key safe",
				DataCategory.GENERAL, p.socialWorker().practitionerId(), java.time.LocalDate.now().plusDays(5)));

		Bundle toLead = as(p.socialWorker()).get("/Goal?patient=" + p.person().id()).as(Bundle.class);
		Bundle toNurse = as(p.nurse()).get("/Goal?patient=" + p.person().id()).as(Bundle.class);

		assertThat(toLead.getTotal()).isEqualTo(3);
		assertThat(toNurse.getTotal()).isEqualTo(2);
		assertThat(toNurse.getEntry()).extracting(e -> ((Goal) e.getResource()).getDescription().getText())
			.doesNotContain("Safe at home");
		CarePlan plan = (CarePlan) as(p.nurse()).get("/CarePlan?subject=Patient/" + p.person().id())
			.as(Bundle.class)
			.getEntryFirstRep()
			.getResource();
		assertThat(plan.getGoal()).hasSize(2);
		Bundle withGoals = as(p.nurse()).get("/CarePlan?patient=" + p.person().id() + "&_include=CarePlan:goal")
			.as(Bundle.class);
		assertThat(withGoals.getTotal()).isEqualTo(1);
		assertThat(withGoals.getEntry()).filteredOn(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
			.extracting(e -> ((Goal) e.getResource()).getDescription().getText())
			.hasSize(2)
			.doesNotContain("Safe at home");
		FhirClient.Reply badInclude = as(p.nurse())
			.get("/CarePlan?patient=" + p.person().id() + "&_include=CarePlan:care-team");
		assertThat(badInclude.status()).isEqualTo(400);
		assertThat(badInclude.expression()).isEqualTo("_include");
		assertThat(as(p.nurse()).get("/CarePlan/" + plan.getIdElement().getIdPart()).status()).isEqualTo(200);
		Task task = (Task) as(p.nurse()).get("/Task?patient=" + p.person().id() + "&status=ready")
			.as(Bundle.class)
			.getEntryFirstRep()
			.getResource();
		assertThat(task.getOwner().getReference()).isEqualTo("Practitioner/" + p.socialWorker().practitionerId().id());

		FhirClient outsider = as(stranger);
		assertThat(outsider.get("/CarePlan/" + plan.getIdElement().getIdPart()).status()).isEqualTo(403);
		for (String type : new String[] { "CarePlan", "Goal", "Task" }) {
			assertThat(outsider.get("/" + type + "?patient=" + p.person().id()).as(Bundle.class).getTotal()).as(type)
				.isZero();
		}
	}

	@Autowired
	care.seamless.consent.Choices choices;

	@Autowired
	care.seamless.referral.Referrals referrals;

	@Autowired
	care.seamless.assessment.Assessments assessments;

	/**
	 * The nurse's organisation and the council share general information only: a consent,
	 * a referral, assessment answers (one section safeguarding, withheld from the nurse),
	 * made through the modules, then read over FHIR as the pages show them.
	 */
	void sharingReferralAndAssessment() {
		choices.record(socialWorker.actor(), person,
				new care.seamless.consent.NewChoice(care.seamless.consent.ChoiceKind.CONSENT, nurse.organisationId(),
						null, care.seamless.consent.HowGiven.WRITTEN, java.time.LocalDate.now().minusDays(1), null,
						null));
		referrals.refer(socialWorker.actor(),
				new care.seamless.referral.NewReferral(person, socialWorker.teamId(), nurse.teamId(), "SEAM-OUT-01",
						"Needs help with dressings", care.seamless.referral.Urgency.URGENT, true, "Agrees",
						care.seamless.referral.SharingBasis.CONSENT, Set.of(DataCategory.GENERAL)),
				true);
		var episode = assessments.open(socialWorker.actor(), person,
				care.seamless.assessment.instrument.Stage.OVERVIEW);
		answer(episode, "users-perspective", java.util.Map.of("own-words", "I like my garden"));
		answer(episode, "personal-care", java.util.Map.of("washing", "2"));
		answer(episode, "safety", java.util.Map.of("safeguarding-concern", "true"));
	}

	private void answer(care.seamless.assessment.EpisodeId episode, String section,
			java.util.Map<String, String> answers) {
		long version = assessments.section(socialWorker.actor(), person, episode, "sap-overview", section)
			.state()
			.version();
		assessments.saveSection(socialWorker.actor(), person, episode, "sap-overview", section, version,
				section.equals("users-perspective") ? care.seamless.assessment.AnswerSource.PERSON
						: care.seamless.assessment.AnswerSource.OBSERVATION,
				answers);
	}

	@Test
	void choicesReferralsAnswersAndWhoLookedAreReadAsTheirPagesShowThem() {
		sharingReferralAndAssessment();
		FhirClient lead = as(socialWorker);
		FhirClient reader = as(nurse);

		Bundle consents = reader.get("/Consent?patient=" + person.id() + "&status=active").as(Bundle.class);
		assertThat(consents.getTotal()).isEqualTo(1);
		org.hl7.fhir.r4.model.Consent consent = (org.hl7.fhir.r4.model.Consent) consents.getEntryFirstRep()
			.getResource();
		assertThat(consent.getProvision().getType().toCode()).isEqualTo("permit");
		assertThat(consent.getProvision().getActorFirstRep().getReference().getReference())
			.isEqualTo("Organization/" + nurse.organisationId().id());
		org.hl7.fhir.r4.model.ServiceRequest referral = (org.hl7.fhir.r4.model.ServiceRequest) reader
			.get("/ServiceRequest?patient=" + person.id())
			.as(Bundle.class)
			.getEntryFirstRep()
			.getResource();
		assertThat(referral.getPriority().toCode()).isEqualTo("urgent");
		assertThat(reader.get("/ServiceRequest/" + referral.getIdElement().getIdPart()).status()).isEqualTo(200);

		// The safeguarding section is withheld from the nurse: neither returned nor
		// counted.
		Bundle toLead = lead.get("/QuestionnaireResponse?patient=" + person.id()).as(Bundle.class);
		Bundle toNurse = reader.get("/QuestionnaireResponse?patient=" + person.id()).as(Bundle.class);
		assertThat(toLead.getTotal()).isEqualTo(3);
		assertThat(toNurse.getTotal()).isEqualTo(2);
		assertThat(toNurse.getEntry()).hasSize(2);
		assertThat(reader.get("/QuestionnaireResponse?patient=" + person.id()).body()).contains("I like my garden")
			.doesNotContain("safeguarding-concern");
		String safety = toLead.getEntry()
			.stream()
			.map(e -> (org.hl7.fhir.r4.model.QuestionnaireResponse) e.getResource())
			.filter(r -> r.getItemFirstRep().getLinkId().equals("section/safety"))
			.findFirst()
			.orElseThrow()
			.getIdElement()
			.getIdPart();
		assertThat(reader.get("/QuestionnaireResponse/" + safety).code()).isEqualTo("not-found");
		assertThat(reader.get("/Questionnaire?url=" + AssessmentTranslator.BASE + "sap-overview")
			.as(Bundle.class)
			.getTotal()).isPositive();

		// $everything: the record and what is around it, the withheld left out.
		Bundle everything = reader.get("/Patient/" + person.id() + "/$everything").as(Bundle.class);
		assertThat(everything.getTotal()).isEqualTo(everything.getEntry().size());
		assertThat(everything.getEntry()).extracting(e -> e.getResource().fhirType())
			.contains("Patient", "CareTeam", "RelatedPerson", "Flag", "Consent", "ServiceRequest",
					"QuestionnaireResponse");
		assertThat(everything.getEntry().stream().filter(e -> e.getResource().fhirType().equals("Flag")).count())
			.isEqualTo(1);
		assertThat(everything.getEntry()
			.stream()
			.filter(e -> e.getResource().fhirType().equals("QuestionnaireResponse"))
			.count()).isEqualTo(2);

		// Who looked: for those who oversee the record, not for its care team.
		assertThat(lead.get("/AuditEvent?patient=" + person.id()).as(Bundle.class).getTotal()).isZero();
		Staff guardian = fixtures.practitioner(council, Profession.SOCIAL_WORKER,
				care.seamless.shared.Role.CALDICOTT_GUARDIAN);
		Bundle looked = as(guardian).get("/AuditEvent?patient=" + person.id()).as(Bundle.class);
		assertThat(looked.getEntry())
			.extracting(
					e -> ((org.hl7.fhir.r4.model.AuditEvent) e.getResource()).getAgentFirstRep().getWho().getDisplay())
			.contains(nurse.username());
		assertThat(as(guardian).get("/AuditEvent/" + looked.getEntryFirstRep().getResource().getIdElement().getIdPart())
			.status()).isEqualTo(200);

		FhirClient outsider = as(stranger);
		for (String type : new String[] { "Consent", "ServiceRequest", "QuestionnaireResponse", "AuditEvent" }) {
			assertThat(outsider.get("/" + type + "?patient=" + person.id()).as(Bundle.class).getTotal()).as(type)
				.isZero();
		}
		assertThat(outsider.get("/Consent/" + consent.getIdElement().getIdPart()).status()).isEqualTo(403);
		assertThat(outsider.get("/Patient/" + person.id() + "/$everything").status()).isEqualTo(403);
	}

	@Test
	void theCapabilityStatementIsPublicAndPatientVreadServesTheVersionKept() {
		FhirClient.Reply metadata = new FhirClient(port, null).get("/metadata");
		assertThat(metadata.status()).isEqualTo(200);
		CapabilityStatement statement = metadata.as(CapabilityStatement.class);
		assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
			.contains("Consent", "ServiceRequest", "AuditEvent", "Provenance", "Questionnaire",
					"QuestionnaireResponse");
		assertThat(statement.getRestFirstRep()
			.getResource()
			.stream()
			.filter(r -> r.getType().equals("Patient"))
			.flatMap(r -> r.getInteraction().stream())
			.map(i -> i.getCode().toCode())).contains("vread");
		assertThat(new FhirClient(port, null).get("/Patient?family=x").status()).isEqualTo(401);
		assertThat(new FhirClient(port, null).get("/Consent?patient=" + person.id()).status()).isEqualTo(401);

		String version = as(socialWorker).get("/Patient/" + person.id())
			.as(org.hl7.fhir.r4.model.Patient.class)
			.getMeta()
			.getVersionId();
		assertThat(as(socialWorker).get("/Patient/" + person.id() + "/_history/" + version).status()).isEqualTo(200);
		FhirClient.Reply old = as(socialWorker).get("/Patient/" + person.id() + "/_history/999");
		assertThat(old.status()).isEqualTo(404);
		assertThat(old.code()).isEqualTo("not-found");
		assertThat(as(stranger).get("/Patient/" + person.id() + "/_history/" + version).status()).isEqualTo(403);
	}

	@Test
	void theDirectoryServesOrganisationsPractitionersAndTheirRoles() {
		Organization organisation = as(stranger).get("/Organization/" + council.id()).as(Organization.class);
		String ods = organisation.getIdentifierFirstRep().getValue();
		Bundle byCode = as(stranger)
			.get("/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code%7C" + ods)
			.as(Bundle.class);
		assertThat(byCode.getTotal()).isEqualTo(1);

		assertThat(as(stranger).get("/Practitioner/" + socialWorker.practitionerId().id()).status()).isEqualTo(200);
		PractitionerRole role = as(stranger).get("/PractitionerRole/" + socialWorker.practitionerId().id())
			.as(PractitionerRole.class);
		assertThat(role.getOrganization().getReference()).isEqualTo("Organization/" + council.id());
		assertThat(role.getCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("social-worker");
		assertThat(as(stranger).get("/PractitionerRole?organization=Organization/" + council.id())
			.as(Bundle.class)
			.getTotal()).isEqualTo(1);
	}

	@Test
	void badRequestsAreOperationOutcomesNeverServerErrors() {
		FhirClient client = as(socialWorker);
		String[][] cases = { { "/CareTeam?patient=" + person.id() + "&colour=blue", "unknown-parameter" },
				{ "/Flag?patient=" + person.id() + "&_lastUpdated=2024-13-45", "invalid-parameter" },
				{ "/Flag?patient=" + person.id() + "&status=sideways", "invalid-parameter" },
				{ "/Flag", "invalid-parameter" }, { "/RelatedPerson?patient=Group/1", "invalid-parameter" },
				{ "/CareTeam?patient=%00%27%3B--", "invalid-parameter" },
				{ "/Organization?name=" + "x".repeat(300), "invalid-parameter" }, { "/Flag/nonsense", "not-found" },
				{ "/Consent?patient=" + person.id() + "&status=maybe", "invalid-parameter" },
				{ "/ServiceRequest?patient=" + person.id() + "&_include=ServiceRequest:nonsense", "unknown-parameter" },
				{ "/AuditEvent?patient=" + person.id() + "&date=yesterday", "unknown-parameter" },
				{ "/QuestionnaireResponse", "invalid-parameter" }, { "/Provenance/1.2.3", "not-found" },
				{ "/Consent/" + person.id(), "not-found" }, { "/Questionnaire/no-such-v1", "not-found" },
				{ "/Patient/" + person.id() + "/_history/abc", "not-found" }, { "/Flag/00a.1", "not-found" },
				{ "/RelatedPerson/" + "z".repeat(25) + "." + "z".repeat(25), "not-found" },
				{ "/Practitioner/%3Cscript%3E", "not-found" }, { "/CareTeam/" + person.id() + "x", "not-found" } };
		for (String[] bad : cases) {
			FhirClient.Reply reply = client.get(bad[0]);
			assertThat(reply.status()).as(bad[0]).isBetween(400, 404);
			assertThat(reply.code()).as(bad[0]).isEqualTo(bad[1]);
		}
		assertThat(client.get("/CareTeam?patient=" + java.util.UUID.randomUUID()).as(Bundle.class).getTotal()).isZero();
	}

	@Test
	void theCapabilityStatementNamesEveryTypeServed() {
		CapabilityStatement statement = as(stranger).get("/metadata").as(CapabilityStatement.class);

		assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
			.contains("Patient", "Organization", "Practitioner", "PractitionerRole", "RelatedPerson", "CareTeam",
					"Flag", "CarePlan", "Goal", "Task");
	}

}
