package care.seamless.assessment.web;

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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assessment pages: coded answers in each audience's words, field errors with nothing
 * saved, and a stale save shown as a conflict rather than lost.
 */
@SeamlessTest
class AssessmentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessments assessments;

	Fixtures.Staff nurse;

	Fixtures.Staff socialWorker;

	PersonId person;

	@BeforeEach
	void partnership() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		fixtures.agreement(Set.of(trust, council), DataCategory.GENERAL);
		person = fixtures.person(Fixtures.unique("Paged"), nurse);
		fixtures.addToCareTeam(person, socialWorker);
	}

	@Test
	void startsAnAssessmentFromThePersonsAssessmentsPage() throws Exception {
		mvc.perform(get("/people/{p}/assessments", person).with(as(nurse)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Start an assessment")));
		mvc.perform(post("/people/{p}/assessments", person).with(as(nurse)))
			.andExpect(redirectedUrlPattern("/people/*/assessments"));
		mvc.perform(post("/people/{p}/assessments", person).with(as(nurse)).param("stage", "overview"))
			.andExpect(redirectedUrlPattern("/people/*/assessments/*"));

		assertThat(assessments.episodes(nurse.actor(), person)).singleElement()
			.satisfies((episode) -> assertThat(episode.stage()).isEqualTo(Stage.OVERVIEW));
	}

	@Test
	void theSameCodedAnswerReadsInEachAudiencesWords() throws Exception {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		saveHome(episode, nurse, 0).andExpect(status().is3xxRedirection());

		String summary = "/people/{p}/assessments/{e}/summary";
		mvc.perform(get(summary, person, episode).with(as(nurse)))
			.andExpect(content()
				.string(allOf(containsString("Doing housework"), not(containsString("Keeping my home clean")))));
		mvc.perform(get(summary, person, episode).with(as(socialWorker)))
			.andExpect(content().string(allOf(containsString("Housework"), not(containsString("Doing housework")))));
		mvc.perform(get(summary + "/plain", person, episode).with(as(socialWorker)))
			.andExpect(content()
				.string(allOf(containsString("Keeping my home clean"), not(containsString("Doing housework")))));
	}

	@Test
	void aWrongAnswerIsAFieldErrorAndNothingIsSaved() throws Exception {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);

		mvc.perform(post(section(episode, "clinical-background"), person, episode).with(as(nurse))
			.param("version", "0")
			.param("source", "person")
			.param("q.falls-count", "lots")
			.param("q.medicines-count", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("Enter a whole number, like 3"), containsString("value=\"lots\""))));

		assertThat(assessments.section(nurse.actor(), person, episode, "sap-overview", "clinical-background").answers())
			.isEmpty();
	}

	@Test
	void aSaveOverSomeoneElsesShowsTheirAnswersBesideYours() throws Exception {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		saveHome(episode, nurse, 0).andExpect(status().is3xxRedirection());

		saveHomeWith(episode, socialWorker, 0, "d630").andExpect(status().isConflict())
			.andExpect(content()
				.string(allOf(containsString("Someone else saved this section"), containsString("Meal preparation"))));

		assertThat(assessments.section(nurse.actor(), person, episode, "sap-overview", "home")
			.answers()
			.get("home-tasks")
			.value()).isEqualTo("d640");
	}

	@Test
	void aDisagreementNeedsTheirWords() throws Exception {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		assessments.saveSection(nurse.actor(), person, episode, "sap-overview", "home", 0, AnswerSource.OBSERVATION,
				java.util.Map.of("home-tasks", "d640"));
		var answer = assessments.section(nurse.actor(), person, episode, "sap-overview", "home")
			.answers()
			.get("home-tasks");
		String path = "/people/{p}/assessments/{e}/answers/{a}/disagreement";

		mvc.perform(post(path, person, episode, answer.id()).with(as(socialWorker)).param("statedBy", "person"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter what they said, in their own words")));
		mvc.perform(post(path, person, episode, answer.id()).with(as(socialWorker))
			.param("statedBy", "person")
			.param("words", "My daughter does my cleaning, I do not need help")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/people/{p}/assessments/{e}/summary", person, episode).with(as(nurse)))
			.andExpect(content().string(containsString("My daughter does my cleaning, I do not need help")));
	}

	@Test
	void theApiGivesCodesWithTheWordsOfTheAudienceAsked() throws Exception {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		saveHome(episode, nurse, 0).andExpect(status().is3xxRedirection());

		mvc.perform(get("/api/v1/people/{p}/assessments/{e}/findings", person, episode).with(as(socialWorker))
			.param("audience", "person"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.findings[0].value").value("d640"))
			.andExpect(jsonPath("$.findings[0].display").value("Keeping my home clean"))
			.andExpect(jsonPath("$.findings[0].source").value("observation"));
		mvc.perform(get("/api/v1/people/{p}/assessments", person).with(as(socialWorker)))
			.andExpect(jsonPath("$[0].stage").value("OVERVIEW"));
	}

	@Test
	void anEligibilityDecisionStartsFromTheOutcomesTheAssessmentFound() throws Exception {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		saveHome(episode, nurse, 0).andExpect(status().is3xxRedirection());
		assessments.signSection(nurse.actor(), person, episode, "sap-overview", "home", 1);
		care.seamless.assessment.AssessmentFixtures.readyToComplete(assessments, nurse.actor(), person, episode);
		assessments.complete(nurse.actor(), person, episode,
				assessments.episode(nurse.actor(), person, episode).episode().version(), true);

		mvc.perform(get("/people/{p}/assessments/{e}", person, episode).with(as(socialWorker)))
			.andExpect(content().string(containsString("Record a Care Act eligibility decision from this assessment")));
		String form = mvc
			.perform(get("/people/{p}/eligibility/new", person).with(as(socialWorker))
				.param("kind", "ADULT")
				.param("episode", episode.toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("name=\"assessmentEpisodeId\" value=\"" + episode + "\"")
			.containsPattern("id=\"outcome-habitable-home\"[^>]*checked")
			.doesNotContainPattern("id=\"outcome-nutrition\"[^>]*checked");
	}

	@Test
	void aCorrectionByThePersonIsShownBesideTheirOriginalWordsOnTheSectionPage() throws Exception {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		mvc.perform(post(section(episode, "users-perspective"), person, episode).with(as(nurse))
			.param("version", "0")
			.param("source", "person")
			.param("q.own-words", "I cope fine.")).andExpect(status().is3xxRedirection());
		java.util.UUID answer = assessments.section(nurse.actor(), person, episode, "sap-overview", "users-perspective")
			.answers()
			.get("own-words")
			.id();

		mvc.perform(post("/people/{p}/assessments/{e}/answers/{a}/corrections", person, episode, answer)
			.with(as(socialWorker))
			.param("statedBy", "person")
			.param("words", "")
			.param("reason", "")).andExpect(status().isBadRequest());
		mvc.perform(post("/people/{p}/assessments/{e}/answers/{a}/corrections", person, episode, answer)
			.with(as(socialWorker))
			.param("statedBy", "person")
			.param("words", "I cope, except at night.")
			.param("reason", "Forgot to mention nights")).andExpect(status().is3xxRedirection());

		mvc.perform(get(section(episode, "users-perspective"), person, episode).with(as(nurse)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("I cope fine."),
					containsString("I cope, except at night."), containsString("Forgot to mention nights"))));
	}

	@Test
	void onlyTheAuthorIsOfferedTheSignButton() throws Exception {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		saveHome(episode, nurse, 0).andExpect(status().is3xxRedirection());

		mvc.perform(get("/people/{p}/assessments/{e}", person, episode).with(as(nurse)))
			.andExpect(content().string(allOf(containsString("id=\"sign-home\""), containsString(
					"Only: Care manager, Housing officer, Social worker, Support worker, Welfare rights officer"))));
		mvc.perform(get("/people/{p}/assessments/{e}", person, episode).with(as(socialWorker)))
			.andExpect(content()
				.string(allOf(not(containsString("id=\"sign-home\"")), containsString("Waiting for Test "))));
	}

	private org.springframework.test.web.servlet.ResultActions saveHome(EpisodeId episode, Fixtures.Staff who,
			long version) throws Exception {
		return saveHomeWith(episode, who, version, "d640");
	}

	private org.springframework.test.web.servlet.ResultActions saveHomeWith(EpisodeId episode, Fixtures.Staff who,
			long version, String task) throws Exception {
		return mvc.perform(post(section(episode, "home"), person, episode).with(as(who))
			.param("version", Long.toString(version))
			.param("source", "observation")
			.param("q.home-tasks", task));
	}

	private static String section(EpisodeId episode, String section) {
		return "/people/{p}/assessments/{e}/sections/sap-overview/" + section;
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor as(Fixtures.Staff staff) {
		return (request) -> csrf()
			.postProcessRequest(httpBasic(staff.username(), Fixtures.PASSWORD).postProcessRequest(request));
	}

}
