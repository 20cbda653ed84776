package care.seamless.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.person.People;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the FHIR server emits validates, offline, with 0 errors: against base R4,
 * and the Patient against UK Core (the profile and its extensions are copied into
 * {@code src/test/resources/fhir/uk-core}). One validator for the whole class: the first
 * validation loads the definitions (seconds), the rest are quick.
 */
@SeamlessTest
class FhirConformanceTests {

	private static FhirValidator validator;

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	care.seamless.person.Alerts alerts;

	@Autowired
	care.seamless.careplan.CarePlanFixtures planFixtures;

	@Autowired
	care.seamless.careplan.PlanActions actions;

	@LocalServerPort
	int port;

	@BeforeAll
	static void validator() throws IOException {
		var context = FhirClient.CONTEXT;
		PrePopulatedValidationSupport ukCore = new PrePopulatedValidationSupport(context);
		for (var file : new PathMatchingResourcePatternResolver().getResources("classpath:fhir/uk-core/*.xml")) {
			try (InputStream in = file.getInputStream()) {
				IBaseResource resource = context.newXmlParser().parseResource(in);
				if (resource instanceof StructureDefinition definition) {
					// UK Core's Patient slices in an R6 cross-version extension that
					// this R4 validator cannot resolve; we never send it, so it is left
					// out of the profile here (the files themselves stay unmodified).
					definition.getDifferential()
						.getElement()
						.removeIf(e -> e.getType()
							.stream()
							.anyMatch(t -> t.getProfile().stream().anyMatch(p -> p.getValue().contains("/fhir/6.0/"))));
					ukCore.addStructureDefinition(definition);
				}
				else if (resource instanceof ValueSet valueSet) {
					ukCore.addValueSet(valueSet);
				}
				else if (resource instanceof CodeSystem codeSystem) {
					ukCore.addCodeSystem(codeSystem);
				}
			}
		}
		ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context), ukCore,
				new CommonCodeSystemsTerminologyService(context),
				new InMemoryTerminologyServerValidationSupport(context),
				new SnapshotGeneratingValidationSupport(context));
		validator = context.newValidator();
		validator.registerValidatorModule(new FhirInstanceValidator(chain));
	}

	@Test
	void everythingEmittedValidatesAgainstBaseR4AndUkCore() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		String family = Fixtures.unique("Valid");
		PersonId person = fixtures.person(family, socialWorker);
		FhirClient client = new FhirClient(port, socialWorker.username());

		Patient patient = client.get("/Patient/" + person.id()).as(Patient.class);
		assertThat(patient.getMeta().getProfile()).extracting(p -> p.getValue())
			.containsExactly(PatientTranslator.UK_CORE_PATIENT);
		assertValid(patient);
		assertValid(client.get("/Patient?family=" + family).as(Bundle.class));
		assertValid(client.get("/metadata").as(org.hl7.fhir.r4.model.CapabilityStatement.class));
		assertValid(client.get("/Patient?birthdate=nonsense").outcome());
		assertValid(new FhirClient(port, null).get("/Patient").outcome());
	}

	@Test
	void redactedPatientsValidateToo() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		PersonId trusts = people.register(nurse.actor(), Fixtures.details("Ada", Fixtures.unique("Valid"),
				java.time.LocalDate.of(1950, 1, 2), Fixtures.nextNhsNumber()));
		fixtures.addToCareTeam(trusts, socialWorker);

		Patient patient = new FhirClient(port, socialWorker.username()).get("/Patient/" + trusts.id())
			.as(Patient.class);

		assertThat(patient.getMeta().getSecurity()).isNotEmpty();
		assertValid(patient);
	}

	@Test
	void theResourcesAroundTheRecordAndTheDirectoryValidateToo() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Valid"), socialWorker);
		people.addRelatedPerson(socialWorker.actor(), person, care.seamless.person.Relationship.LPA_HEALTH_AND_WELFARE,
				"Pat Attorney", "01234 567890", "pat@example.org", true);
		alerts.raise(socialWorker.actor(), person, care.seamless.person.AlertKind.KEY_SAFE, "Code with the lead");
		FhirClient client = new FhirClient(port, socialWorker.username());
		String practitioner = socialWorker.practitionerId().id().toString();

		for (String path : new String[] { "/Organization/" + council.id(), "/Practitioner/" + practitioner,
				"/PractitionerRole/" + practitioner, "/CareTeam/" + person.id() }) {
			IBaseResource resource = client.get(path).as(resourceType(path));
			assertThat(resource.getMeta().getProfile()).as(path).isNotEmpty();
			assertValid(resource);
		}
		for (String type : new String[] { "RelatedPerson", "Flag", "CareTeam" }) {
			Bundle bundle = client.get("/" + type + "?patient=" + person.id()).as(Bundle.class);
			assertThat(bundle.getEntry()).as(type).isNotEmpty();
			assertValid(bundle);
			bundle.getEntry().forEach(e -> assertValid(e.getResource()));
		}
	}

	@Test
	void thePlanItsObjectivesAndActionsValidate() {
		care.seamless.careplan.CarePlanFixtures.Partnership p = planFixtures.partnership();
		planFixtures.planWithTwoObjectives(p);
		actions.add(p.socialWorker().actor(), p.person(),
				new care.seamless.careplan.NewAction(null, care.seamless.careplan.ActionKind.SERVICE, "Day centre",
						care.seamless.shared.DataCategory.GENERAL, p.nurse().practitionerId(),
						java.time.LocalDate.now().plusDays(9)));
		FhirClient client = new FhirClient(port, p.socialWorker().username());

		for (String type : new String[] { "CarePlan", "Goal", "Task" }) {
			Bundle bundle = client.get("/" + type + "?patient=" + p.person().id()).as(Bundle.class);
			assertThat(bundle.getEntry()).as(type).isNotEmpty();
			assertValid(bundle);
			bundle.getEntry().forEach(e -> assertValid(e.getResource()));
		}
	}

	@Autowired
	care.seamless.consent.Choices choices;

	@Autowired
	care.seamless.referral.Referrals referrals;

	@Autowired
	care.seamless.assessment.Assessments assessments;

	@Test
	void choicesReferralsAnswersInstrumentsAndTheAuditLogValidate() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		fixtures.agreement(Set.of(council, trust), care.seamless.shared.DataCategory.GENERAL);
		Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER,
				care.seamless.shared.Role.PRACTITIONER, care.seamless.shared.Role.CALDICOTT_GUARDIAN);
		Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		PersonId person = fixtures.person(Fixtures.unique("Valid"), socialWorker);
		choices.record(socialWorker.actor(), person,
				new care.seamless.consent.NewChoice(care.seamless.consent.ChoiceKind.OBJECTION, trust,
						care.seamless.shared.DataCategory.MENTAL_HEALTH, care.seamless.consent.HowGiven.VERBAL,
						java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().plusYears(1), null));
		referrals.refer(socialWorker.actor(),
				new care.seamless.referral.NewReferral(person, socialWorker.teamId(), nurse.teamId(), "SEAM-OUT-01",
						"Needs help with dressings", care.seamless.referral.Urgency.ROUTINE, true, "Agrees",
						care.seamless.referral.SharingBasis.CONSENT, Set.of(care.seamless.shared.DataCategory.GENERAL)),
				true);
		var episode = assessments.open(socialWorker.actor(), person,
				care.seamless.assessment.instrument.Stage.OVERVIEW);
		for (var section : java.util.Map
			.of("users-perspective", java.util.Map.of("own-words", "My garden"), "personal-care",
					java.util.Map.of("washing", "2"), "relationships", java.util.Map.of("lonely", "false"))
			.entrySet()) {
			long version = assessments.section(socialWorker.actor(), person, episode, "sap-overview", section.getKey())
				.state()
				.version();
			assessments.saveSection(socialWorker.actor(), person, episode, "sap-overview", section.getKey(), version,
					section.getKey().equals("users-perspective") ? care.seamless.assessment.AnswerSource.PERSON
							: care.seamless.assessment.AnswerSource.OBSERVATION,
					section.getValue());
		}
		FhirClient client = new FhirClient(port, socialWorker.username());

		for (String search : new String[] { "/Consent?patient=", "/ServiceRequest?patient=",
				"/QuestionnaireResponse?patient=", "/AuditEvent?patient=" }) {
			Bundle bundle = client.get(search + person.id()).as(Bundle.class);
			assertThat(bundle.getEntry()).as(search).isNotEmpty();
			assertValid(bundle);
			bundle.getEntry().forEach(e -> assertValid(e.getResource()));
		}
		// One instrument stands for all: they are one mapping, and each takes time.
		Bundle instruments = client.get("/Questionnaire?_id=sap-overview-v1").as(Bundle.class);
		assertThat(instruments.getEntry()).isNotEmpty();
		instruments.getEntry().forEach(e -> assertValid(e.getResource()));
		assertValid(client.get("/Patient/" + person.id() + "/$everything").as(Bundle.class));

		Staff administrator = fixtures.practitioner(council, Profession.SOCIAL_WORKER,
				care.seamless.shared.Role.ADMINISTRATOR);
		FhirClient.Reply imported = new FhirClient(port, administrator.username()).post("",
				FhirImportTests.json(FhirClinicalHistoryTests.history(Fixtures.unique("7"))));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		String patient = imported.as(Bundle.class).getEntryFirstRep().getResponse().getLocation();
		careTeams.addMemberBypassingAgreementsForSetUp(fixtures.admin,
				new PersonId(java.util.UUID.fromString(patient.substring("Patient/".length()))),
				socialWorker.practitionerId(), socialWorker.teamId(), "Lead", true);
		Bundle provenance = client.get("/Provenance?patient=" + patient).as(Bundle.class);
		assertThat(provenance.getTotal()).isEqualTo(4);
		provenance.getEntry().forEach(e -> assertValid(e.getResource()));
	}

	@Autowired
	care.seamless.team.CareTeams careTeams;

	@Autowired
	SubscriptionSender sender;

	@Autowired
	SubscriptionRepository subscriptions;

	@Test
	void subscriptionsAndTheirHandshakesAndHeartbeatsValidate() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		FhirClient client = new FhirClient(port, fixtures.practitioner(council, Profession.SOCIAL_WORKER).username());
		// Nothing listens on port 9: the subscription stays 'requested' (its handshake is
		// sent later by the sender's job), which must validate too.
		FhirClient.Reply created = client.post("/Subscription", """
				{"resourceType":"Subscription","status":"requested","reason":"Partner feed",
				 "criteria":"%s","channel":{"type":"rest-hook","endpoint":"http://localhost:9/hook",
				 "extension":[{"url":"%s","valueUnsignedInt":3600}],"payload":"application/fhir+json"}}
				""".formatted(SubscriptionTopic.ADMISSION.canonical(), SubscriptionTranslator.HEARTBEAT_PERIOD));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.location().replaceFirst(".*/Subscription/([^/]+).*", "$1");
		// The Subscriptions Backport IG's profiles are not kept in the repository (see
		// docs/fhir.md): these are checked against base R4 with the profiles taken off.
		var subscription = client.get("/Subscription/" + id).as(org.hl7.fhir.r4.model.Subscription.class);
		subscription.getMeta().getProfile().clear();
		assertValid(subscription);
		var stored = subscriptions.subscription(java.util.UUID.fromString(id)).orElseThrow();
		for (String type : List.of("handshake", "heartbeat")) {
			Bundle bundle = FhirClient.CONTEXT.newJsonParser()
				.parseResource(Bundle.class, sender.body(stored, type, null));
			bundle.getMeta().getProfile().clear();
			bundle.getEntryFirstRep().getResource().getMeta().getProfile().clear();
			assertValid(bundle);
		}
	}

	private static Class<? extends org.hl7.fhir.r4.model.Resource> resourceType(String path) {
		return switch (path.split("/")[1]) {
			case "Organization" -> org.hl7.fhir.r4.model.Organization.class;
			case "Practitioner" -> org.hl7.fhir.r4.model.Practitioner.class;
			case "PractitionerRole" -> org.hl7.fhir.r4.model.PractitionerRole.class;
			default -> org.hl7.fhir.r4.model.CareTeam.class;
		};
	}

	private static void assertValid(IBaseResource resource) {
		List<SingleValidationMessage> errors = validator.validateWithResult(resource)
			.getMessages()
			.stream()
			.filter(m -> Set.of(ResultSeverityEnum.ERROR, ResultSeverityEnum.FATAL).contains(m.getSeverity()))
			.toList();
		assertThat(errors).as(FhirClient.CONTEXT.newJsonParser().encodeResourceToString(resource)).isEmpty();
	}

}
