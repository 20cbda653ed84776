package care.seamless.consent;

import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Violation;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Capacity assessments and best-interests decisions are mental health information
 * recorded by one organisation: another organisation in the care team sees them only with
 * the person's explicit consent, like any other mental health record.
 */
@SeamlessTest
class CapacityVisibilityTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Choices choices;

	@Autowired
	JdbcClient jdbc;

	Fixtures.Staff psychiatrist;

	Fixtures.Staff colleague;

	Fixtures.Staff socialWorker;

	PersonId person;

	UUID assessment;

	@BeforeEach
	void anAssessmentByTheTrust() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		psychiatrist = fixtures.practitioner(trust, Profession.PSYCHIATRIST);
		colleague = fixtures.practitioner(trust, Profession.COMMUNITY_PSYCHIATRIC_NURSE);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		fixtures.agreement(Set.of(trust, council), DataCategory.GENERAL, DataCategory.MENTAL_HEALTH);
		person = fixtures.person(Fixtures.unique("Capacity"), psychiatrist);
		fixtures.addToCareTeam(person, colleague);
		fixtures.addToCareTeam(person, socialWorker);
		assessment = choices.assessCapacity(psychiatrist.actor(), person, true, false, true, true, true,
				"Could not understand what sharing means");
		choices.decideBestInterests(psychiatrist.actor(), person, assessment, ChoiceKind.CONSENT, trust,
				DataCategory.GENERAL, "Share with the GP", "Daughter, GP", null, null);
	}

	@Test
	void anotherOrganisationDoesNotSeeThemWithoutConsent() {
		assertThat(choices.capacityAssessments(socialWorker.actor(), person)).isEmpty();
		assertThat(choices.bestInterestsDecisions(socialWorker.actor(), person)).isEmpty();
	}

	@Test
	void theRecordingOrganisationSeesThem() {
		assertThat(choices.capacityAssessments(colleague.actor(), person)).singleElement()
			.satisfies((a) -> assertThat(a.lacksCapacity()).isTrue());
		assertThat(choices.bestInterestsDecisions(colleague.actor(), person)).singleElement()
			.satisfies((d) -> assertThat(d.capacityAssessmentId()).isEqualTo(assessment));
	}

	@Test
	void theyAreRecordedAsMentalHealthInformationFromTheAssessorsOrganisation() {
		assertThat(jdbc
			.sql("select category || ' ' || source_organisation_id from consent.capacity_assessment where id = :id")
			.param("id", assessment)
			.query(String.class)
			.single()).isEqualTo("MENTAL_HEALTH " + psychiatrist.organisationId().id());
		assertThat(jdbc
			.sql("select category || ' ' || source_organisation_id from consent.best_interests_decision"
					+ " where capacity_assessment_id = :id")
			.param("id", assessment)
			.query(String.class)
			.single()).isEqualTo("MENTAL_HEALTH " + psychiatrist.organisationId().id());
	}

	@Test
	void withConsentToShareAnotherOrganisationSeesThem() {
		// The person cannot consent; a best-interests decision stands in for them.
		choices.decideBestInterests(psychiatrist.actor(), person, assessment, ChoiceKind.CONSENT,
				socialWorker.organisationId(), DataCategory.MENTAL_HEALTH, "Share with social care", "Daughter", null,
				null);

		assertThat(choices.capacityAssessments(socialWorker.actor(), person)).hasSize(1);
		assertThat(choices.bestInterestsDecisions(socialWorker.actor(), person)).hasSize(2);
	}

	@Test
	void aBestInterestsDecisionCannotRestOnAnAssessmentTheDeciderCannotSee() {
		// The refusal must not reveal the assessment's finding: it is as if none were
		// chosen.
		assertThatThrownBy(() -> choices.decideBestInterests(socialWorker.actor(), person, assessment,
				ChoiceKind.DISSENT, null, null, "Do not share", "Son", null, null))
			.isInstanceOfSatisfying(ConsentRule.class, (rule) -> assertThat(rule.violations()).containsExactly(
					new Violation("capacityAssessmentId", "Choose the capacity assessment this decision rests on")));
		assertThat(choices.choices(psychiatrist.actor(), person)).noneMatch((c) -> c.kind() == ChoiceKind.DISSENT);
	}

}
