package care.seamless.careplan;

import java.util.Map;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.AnswerSource;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.instrument.Stage;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * A plan addresses assessed needs: it starts from the assessment, with what matters to
 * the person carried over in their words and the needs found offered first.
 */
@SeamlessTest
class PlanFromAssessmentTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessments assessments;

	@Autowired
	PlanFromAssessment fromAssessment;

	@Autowired
	CarePlans carePlans;

	@Autowired
	MockMvc mvc;

	Fixtures.Staff nurse;

	Fixtures.Staff socialWorker;

	PersonId person;

	EpisodeId episode;

	@BeforeEach
	void assessed() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		fixtures.agreement(Set.of(trust, council), DataCategory.GENERAL);
		person = fixtures.person(Fixtures.unique("Planned"), nurse);
		fixtures.addToCareTeam(person, socialWorker);
		episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		assessments.saveSection(nurse.actor(), person, episode, "sap-overview", "users-perspective", 0,
				AnswerSource.PERSON,
				Map.of("own-words", "I want to stay at home.", "what-matters", "Seeing my grandchildren every Sunday"));
		assessments.saveSection(nurse.actor(), person, episode, "sap-overview", "home", 0, AnswerSource.OBSERVATION,
				Map.of("home-tasks", "d640"));
	}

	@Test
	void thePlanStartsFromTheAssessmentWithWhatMattersInTheirWords() {
		fromAssessment.start(socialWorker.actor(), person);

		CarePlanView plan = carePlans.plan(socialWorker.actor(), person).orElseThrow();
		assertThat(plan.assessmentEpisodeId()).isEqualTo(episode.id());
		assertThat(plan.outcomes()).extracting(Outcome::words).containsExactly("Seeing my grandchildren every Sunday");

		// Starting again neither makes a second plan nor repeats the outcomes.
		fromAssessment.start(nurse.actor(), person);
		assertThat(carePlans.plan(nurse.actor(), person).orElseThrow().outcomes()).hasSize(1);
	}

	@Test
	void theObjectiveFormOffersTheAssessedNeedsFirstInTheViewersWords() throws Exception {
		fromAssessment.start(socialWorker.actor(), person);

		mvc.perform(get("/people/{p}/care-plan/objectives/new", person)
			.with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(content()
				.string(allOf(containsString("Found by the person&#39;s assessment"), containsString("Housework"))));
	}

}
