package care.seamless.web;

import java.util.List;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.consent.Choices;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Each form, sent with everything wrong at once, names every wrong field in the error
 * summary on the first submit (each a link to its field) and saves nothing. The plan's
 * forms are in {@code careplan.web.AllErrorsAtOnceTests}.
 */
@SeamlessTest
class AllFormsErrorsAtOnceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Choices choices;

	@Autowired
	Directory directory;

	Fixtures.Staff worker;

	PersonId person;

	@BeforeEach
	void person() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		person = fixtures.person(Fixtures.unique("Errors"), worker);
	}

	@Test
	void theCapacityTestNamesEachUnansweredOrUnreadableQuestionAndKeepsTheAnswersGiven() throws Exception {
		int before = choices.capacityAssessments(worker.actor(), person).size();
		String page = page(post("/people/" + person + "/capacity").param("impairment", "true")
			.param("canUnderstand", "maybe")
			.param("notes", "Seen at home"), worker.username());
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#canUnderstand", "#canRetain", "#canWeigh",
				"#canCommunicate");
		assertThat(page).contains("id=\"impairment\" value=\"true\" checked").contains(">Seen at home</textarea>");
		assertThat(choices.capacityAssessments(worker.actor(), person)).hasSize(before);
	}

	@Test
	void aBestInterestsDecisionNamesTheAssessmentTheDecisionAndWhoWasConsultedTogether() throws Exception {
		UUID hasCapacity = choices.assessCapacity(worker.actor(), person, false, true, true, true, true, null);
		String page = page(
				post("/people/" + person + "/best-interests").param("capacityAssessmentId", hasCapacity.toString())
					.param("outcome", "CONSENT")
					.param("decision", "")
					.param("peopleConsulted", "")
					.param("advocate", "Sam Advocate"),
				worker.username());
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#capacityAssessmentId", "#decision",
				"#peopleConsulted");
		assertThat(page).contains("value=\"Sam Advocate\"");
		assertThat(choices.bestInterestsDecisions(worker.actor(), person)).isEmpty();
	}

	@Test
	void anAccountNamesATakenUsernameAndAWeakPasswordWithTheMissingDetails() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff admin = fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.ADMINISTRATOR);
		int before = directory.accounts().size();
		String page = page(post("/admin/accounts").param("organisationId", council.toString())
			.param("givenName", "")
			.param("familyName", "Okafor")
			.param("username", worker.username())
			.param("password", "password")
			.param("roles", "PRACTITIONER"), admin.username());
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#givenName", "#profession", "#username", "#password");
		assertThat(page).contains("value=\"Okafor\"");
		assertThat(directory.accounts()).hasSize(before);
	}

	private String page(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.with(csrf()).with(httpBasic(username, Fixtures.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The links in the GOV.UK error summary, in order. */
	static List<String> summaryLinks(String page) {
		int start = page.indexOf("govuk-error-summary__list");
		assertThat(start).as("an error summary").isPositive();
		String list = page.substring(start, page.indexOf("</ul>", start));
		return java.util.regex.Pattern.compile("href=\"(#[^\"]*)\"")
			.matcher(list)
			.results()
			.map((match) -> match.group(1))
			.toList();
	}

}
