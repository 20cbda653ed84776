package care.seamless.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.AnswerSource;
import care.seamless.assessment.AssessmentSummaries;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.instrument.Stage;
import care.seamless.careplan.PlanFromAssessment;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.EligibilityFixtures;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page people use in an assessment, an eligibility decision and a plan, checked in
 * the real browser against the axe-core WCAG 2.2 A and AA rules, including a form showing
 * its errors.
 */
@SeamlessTest
class AccessibilityBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessments assessments;

	@Autowired
	AssessmentSummaries summaries;

	@Autowired
	Eligibility eligibility;

	@Autowired
	PlanFromAssessment plans;

	@Test
	void theAssessmentEligibilityAndPlanPagesMeetWcag22AA() throws Exception {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		fixtures.agreement(Set.of(trust, council), DataCategory.GENERAL);
		Fixtures.Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		Fixtures.Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Axe"), nurse);
		fixtures.addToCareTeam(person, socialWorker);
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		assessments.saveSection(nurse.actor(), person, episode, "sap-overview", "users-perspective", 0,
				AnswerSource.PERSON, Map.of("own-words", "I want to stay at home.", "what-matters", "My garden"));
		assessments.saveSection(nurse.actor(), person, episode, "sap-overview", "home", 0, AnswerSource.OBSERVATION,
				Map.of("home-tasks", "d640"));
		UUID finding = assessments.section(nurse.actor(), person, episode, "sap-overview", "home")
			.answers()
			.get("home-tasks")
			.id();
		summaries.recordDisagreement(socialWorker.actor(), person, episode, finding, AnswerSource.PERSON, null,
				"My son does the cleaning.");
		UUID decision = EligibilityFixtures.record(eligibility, socialWorker.actor(), person,
				EligibilityFixtures.eligibleAdult());
		plans.start(socialWorker.actor(), person);
		String record = "/people/" + person;
		String assessment = record + "/assessments/" + episode;

		List<String> problems = new ArrayList<>();
		try (Browser browser = new Browser(port)) {
			browser.signIn(socialWorker.username(), Fixtures.PASSWORD);
			// The caseload, the record and the plan as this social worker sees them are
			// PageConventionsBrowserTests' at a laptop's width and a phone's.
			for (String page : List.of(record + "/assessments", assessment,
					assessment + "/sections/sap-overview/personal-care",
					assessment + "/sections/sap-overview/users-perspective", assessment + "/summary",
					assessment + "/summary/plain", assessment + "/answers/" + finding + "/disagreement",
					record + "/eligibility", record + "/eligibility/new?kind=ADULT",
					record + "/eligibility/" + decision, record + "/eligibility/" + decision + "/letter",
					record + "/care-plan/objectives/new", record + "/care-plan/persons-copy", "/care-plans/queue",
					"/notifications", "/terminology?q=washing", "/terminology/d510", "/instruments",
					"/instruments/sap-overview/1")) {
				browser.open(page);
				problems.addAll(check(browser, page));
			}
			// A form showing its errors.
			browser.open(assessment + "/sections/sap-overview/safety");
			browser.waitFor(By.id("save-section")).click();
			browser.waitFor(By.cssSelector(".govuk-error-summary"));
			problems.addAll(check(browser, "safety section with errors"));
			// The objective form with every error at once, and its needs filtered.
			browser.open(record + "/care-plan/objectives/new");
			browser.clickThrough(By.id("save-objective"));
			browser.waitFor(By.cssSelector(".govuk-error-summary"));
			browser.type("needCodes-filter", "wash");
			problems.addAll(check(browser, "objective form with errors"));
			// An unknown address, and the navigation's menu open.
			browser.open("/no-such-page");
			browser.waitFor(By.cssSelector("#nav-more > summary")).click();
			problems.addAll(check(browser, "page not found with the More menu open"));
		}
		assertThat(problems).as("accessibility violations").isEmpty();
	}

	@Test
	void theRecordGovernanceAndAdministrationPagesMeetWcag22AA() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff guardian = fixtures.practitioner(council, Profession.ADMINISTRATOR,
				care.seamless.shared.Role.CALDICOTT_GUARDIAN, care.seamless.shared.Role.ADMINISTRATOR,
				care.seamless.shared.Role.TEAM_MANAGER);
		PersonId person = fixtures.person(Fixtures.unique("Axe"), socialWorker);
		fixtures.addToCareTeam(person, guardian);
		String record = "/people/" + person;

		List<String> problems = new ArrayList<>();
		try (Browser browser = new Browser(port)) {
			browser.open("/login");
			problems.addAll(check(browser, "/login"));
			browser.type("username", "nobody");
			browser.type("password", "wrong");
			browser.clickThrough(By.cssSelector("button[type=submit].govuk-button"));
			browser.waitFor(By.cssSelector(".govuk-error-summary"));
			problems.addAll(check(browser, "/login after a failed sign-in"));
			browser.signIn(guardian.username(), Fixtures.PASSWORD);
			browser.waitFor(By.cssSelector("#nav-admin > summary")).click();
			problems.addAll(check(browser, "home with the Administration menu open"));
			// The search results are PageConventionsBrowserTests', and the page not found
			// the first test's; the Administration menu, closed, is on every page here.
			for (String page : List.of("/people/new", record + "/edit", record + "/sharing", record + "/access-history",
					record + "/entries", record + "/entries/new", record + "/override", "/agreements", "/caldicott",
					"/matching", "/people/import", "/terminology/import", "/instruments/import", "/admin",
					"/admin/accounts", "/caldicott/audit")) {
				browser.open(page);
				problems.addAll(check(browser, page));
			}
		}
		assertThat(problems).as("accessibility violations").isEmpty();
	}

	private static List<String> check(Browser browser, String page) {
		return Axe.check(browser, page);
	}

}
