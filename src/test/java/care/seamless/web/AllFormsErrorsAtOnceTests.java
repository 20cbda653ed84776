package care.seamless.web;

import java.util.List;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.consent.Choices;
import care.seamless.eligibility.Eligibility;
import care.seamless.partnership.Agreements;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
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

	@Autowired
	Agreements agreements;

	@Autowired
	Eligibility eligibility;

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

	@Test
	void aSharingAgreementNamesUnreadableDatesChoicesAndStatusWithTheMissingDetails() throws Exception {
		Fixtures.Staff admin = administrator();
		int before = agreements.all().size();
		MockHttpServletResponse response = send(post("/agreements").param("title", "")
			.param("lawfulBasis", "Article 6(1)(e)")
			.param("parties", admin.organisationId().toString())
			.param("parties", "not-an-id")
			.param("purposes", "GOSSIP")
			.param("startDate", "31/02/2026")
			.param("reviewDate", "soon")
			.param("status", "FOREVER"), admin.username());
		String page = response.getContentAsString();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#title", "#parties", "#purposes", "#categories",
				"#startDate", "#reviewDate", "#status");
		assertThat(page).contains("value=\"Article 6(1)(e)\"")
			.contains("value=\"31/02/2026\"")
			.contains("value=\"soon\"")
			.contains("The start date must be a real date");
		assertThat(agreements.all()).hasSize(before);
	}

	@Test
	void theEligibilityFormNamesTamperedAnswersAndAreasWithTheUnansweredOnes() throws Exception {
		String page = send(post("/people/" + person + "/eligibility").param("kind", "ADULT")
			.param("needsArise", "perhaps")
			.param("wellbeing", "HAPPINESS")
			.param("supersedes", "not-an-id")
			.param("rationale", "Seen twice at home"), worker.username()).getContentAsString();
		assertThat(summaryLinks(page)).contains("#needsArise", "#significantImpact", "#wellbeing", "#eligibility-form");
		assertThat(page).contains(">Seen twice at home</textarea>");
		assertThat(eligibility.overview(worker.actor(), person).history()).isEmpty();
	}

	@Test
	void theAdministrationFormsNameAnOrganisationKindProfessionTeamOrRoleNotOffered() throws Exception {
		Fixtures.Staff admin = administrator();
		int organisations = directory.organisations().size();
		int teams = directory.teams().size();
		int accounts = directory.accounts().size();
		assertThat(summaryLinks(
				send(post("/admin/organisations").param("code", "x").param("name", "").param("kind", "CASTLE"),
						admin.username())
					.getContentAsString()))
			.containsExactlyInAnyOrder("#code", "#name", "#kind");
		String team = send(
				post("/admin/teams").param("organisationId", UUID.randomUUID().toString()).param("name", "Night team"),
				admin.username())
			.getContentAsString();
		assertThat(summaryLinks(team)).containsExactly("#organisationId");
		assertThat(team).contains("value=\"Night team\"");
		String account = send(post("/admin/accounts").param("organisationId", "nope")
			.param("givenName", "Ada")
			.param("familyName", "")
			.param("profession", "WIZARD")
			.param("teamId", "nope")
			.param("username", Fixtures.unique("ada").toLowerCase(java.util.Locale.ROOT))
			.param("password", "")
			.param("roles", "EMPEROR"), admin.username()).getContentAsString();
		assertThat(summaryLinks(account)).containsExactlyInAnyOrder("#organisationId", "#familyName", "#profession",
				"#teamId", "#password", "#roles");
		assertThat(account).contains("value=\"Ada\"");
		assertThat(directory.organisations()).hasSize(organisations);
		assertThat(directory.teams()).hasSize(teams);
		assertThat(directory.accounts()).hasSize(accounts);
	}

	@Test
	void aOneButtonActionWithATamperedValueGetsAPageNamingTheFieldAndKeepsTheHeader() throws Exception {
		Fixtures.Staff admin = administrator();
		UUID any = UUID.randomUUID();
		record Tampered(MockHttpServletRequestBuilder request, String field) {
		}
		for (Tampered tampered : List.of(
				new Tampered(post("/admin/accounts/" + any + "/enabled").param("enabled", "maybe"), "enabled"),
				new Tampered(post("/matching/unlink").param("person", "someone"), "person"),
				new Tampered(post("/matching/" + any).param("version", "0").param("decision", "WHATEVER"), "decision"),
				new Tampered(post("/agreements/" + any + "/status").param("version", "0").param("status", "FOREVER"),
						"status"),
				new Tampered(post("/agreements/" + any + "/status").param("status", "ACTIVE"), "version"))) {
			MockHttpServletResponse response = send(tampered.request(), admin.username());
			assertThat(response.getStatus()).as(tampered.field()).isEqualTo(400);
			assertThat(response.getContentAsString()).as(tampered.field())
				.contains("id=\"refused-field\"")
				.contains("‘" + tampered.field() + "’")
				.contains("Sign out");
		}
	}

	private Fixtures.Staff administrator() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		return fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.ADMINISTRATOR);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.with(csrf()).with(httpBasic(username, Fixtures.PASSWORD))).andReturn().getResponse();
	}

	private String page(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.with(csrf()).with(httpBasic(username, Fixtures.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The links in the GOV.UK error summary, in order, each of which must land on an
	 * element of the page.
	 */
	static List<String> summaryLinks(String page) {
		ErrorSummaryLinks.assertEveryLinkLands(page);
		return ErrorSummaryLinks.of(page);
	}

}
