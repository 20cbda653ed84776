package care.seamless.assessment.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.AnswerSource;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.instrument.Stage;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Assessment pages in plain words: what a section was saved as is still chosen when it is
 * opened again, the person reads each question once, assessments are named by what they
 * are, and ICF levels read as words with the code kept secondary.
 */
@SeamlessTest
class PlainPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessments assessments;

	Fixtures.Staff worker;

	PersonId person;

	@BeforeEach
	void person() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		person = fixtures.person(Fixtures.unique("Plain"), worker);
	}

	@Test
	void aSectionOpenedAgainKeepsWhoseAccountItWas() throws Exception {
		EpisodeId episode = assessments.open(worker.actor(), person, Stage.OVERVIEW);
		assessments.saveSection(worker.actor(), person, episode, "sap-overview", "users-perspective", 0,
				AnswerSource.CARER, Map.of("own-words", "She wants to stay at home."));

		String page = page("/people/{p}/assessments/{e}/sections/sap-overview/users-perspective", episode);
		assertThat(page).containsPattern("id=\"source-carer\" value=\"carer\" checked")
			.doesNotContainPattern("id=\"source\" value=\"person\" checked");
		assertThat(page).contains("The person&#39;s own view").doesNotContain("User&#39;s perspective");
	}

	@Test
	void theAssessmentsListNamesEachAssessmentByWhatItIs() throws Exception {
		assessments.open(worker.actor(), person, Stage.OVERVIEW);
		String today = LocalDate.now(ZoneId.of("Europe/London"))
			.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
		assertThat(page("/people/{p}/assessments", null)).contains("Overview assessment started " + today);
	}

	@Test
	void icfLevelsReadAsWordsWithTheCodeSecondary() throws Exception {
		EpisodeId episode = assessments.open(worker.actor(), person, Stage.OVERVIEW);
		String page = page("/people/{p}/assessments/{e}/sections/sap-overview/personal-care", episode);
		assertThat(page).contains("<span>Moderate difficulty</span>")
			.contains("<span class=\"seamless-code\">(ICF qualifier 2, 25-49%)</span>")
			.doesNotContain("2 – Moderate difficulty (25-49%)");
	}

	@Test
	void thePersonsCopyAsksEachQuestionOnceAcrossStages() throws Exception {
		EpisodeId episode = assessments.open(worker.actor(), person, Stage.CONTACT);
		assessments.saveSection(worker.actor(), person, episode, "sap-contact", "presenting-problem", 0,
				AnswerSource.PERSON,
				Map.of("presenting-problem", "The stairs are hard now", "what-matters", "My garden"));
		long version = assessments.episodes(worker.actor(), person).get(0).version();
		assessments.advance(worker.actor(), person, episode, version, Stage.OVERVIEW, null);
		assessments.saveSection(worker.actor(), person, episode, "sap-overview", "users-perspective", 0,
				AnswerSource.PERSON,
				Map.of("own-words", "The stairs are hard now", "what-matters", "My garden and my cat"));

		String copy = page("/people/{p}/assessments/{e}/summary/plain", episode);
		assertThat(copy.split("What matters most to you\\?", -1)).as("times the question is shown").hasSize(2);
		assertThat(copy).contains("My garden and my cat");
	}

	private String page(String path, EpisodeId episode) throws Exception {
		Object[] ids = episode == null ? new Object[] { person } : new Object[] { person, episode };
		return mvc.perform(get(path, ids).with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
