package care.seamless.web;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.AnswerSource;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.SectionState;
import care.seamless.assessment.SectionStatus;
import care.seamless.assessment.instrument.Stage;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Findings that flow: an overview with a domain left out cannot be completed and the page
 * names it; marked not relevant and confirmed, it completes; eligibility opens with the
 * outcomes its severe findings bear on ticked, each with its source; the plan is offered
 * the needs found.
 */
@SeamlessTest
class FindingsFlowJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessments assessments;

	@Test
	void anOverviewFlowsIntoEligibilityAndThePlan() throws Exception {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		fixtures.agreement(Set.of(trust, council), DataCategory.GENERAL, DataCategory.SAFEGUARDING);
		Fixtures.Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		Fixtures.Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Flowley"), nurse);
		fixtures.addToCareTeam(person, socialWorker);
		EpisodeId episode = everythingButSenses(nurse.actor(), person);

		try (Browser browser = new Browser(port)) {
			browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/people/" + person + "/assessments/" + episode);
			assertThat(browser.text(By.id("missing-senses"))).contains("Senses");
			assertThat(browser.driver().findElements(By.id("confirmed"))).isEmpty();
			// Trying anyway is refused, naming what is missing.
			click(browser, By.id("complete"));
			assertThat(waitForText(browser, By.id("problem"), "Senses")).contains("assess it or mark it not relevant");

			click(browser, By.cssSelector("#missing-senses a"));
			waitForText(browser, By.id("section-heading"), "Senses");
			browser.type("reason", "No sight, hearing or communication difficulties raised or seen");
			click(browser, By.id("mark-not-relevant"));
			waitForText(browser, By.id("section-sap-overview-senses"), "Not relevant");
			assertThat(browser.driver().findElements(By.id("missing"))).isEmpty();

			click(browser, By.cssSelector("label[for=confirmed]"));
			click(browser, By.id("complete"));
			waitForText(browser, By.id("episode-status"), "Completed");

			click(browser, By.id("eligibility-from-assessment"));
			browser.waitFor(By.id("eligibility-form"));
			assertThat(browser.driver().findElement(By.id("outcome-hygiene")).isSelected()).isTrue();
			assertThat(browser.driver().findElement(By.id("outcome-clothing")).isSelected()).isFalse();
			assertThat(browser.text(By.id("finding-hygiene"))).contains("Washing oneself (d510)")
				.contains("Severe difficulty")
				.contains("Personal care");

			browser.open("/people/" + person + "/care-plan");
			assertThat(waitForText(browser, By.id("needs-found"), "Washing")).contains("Washing");
			click(browser, By.id("start-plan"));
			browser.waitFor(By.id("main-content"));
		}
	}

	/** An overview with washing found severe, and every domain covered except senses. */
	private EpisodeId everythingButSenses(Actor nurse, PersonId person) {
		EpisodeId episode = assessments.open(nurse, person, Stage.OVERVIEW);
		save(nurse, person, episode, "personal-care", Map.of("washing", "3", "dressing", "1"));
		save(nurse, person, episode, "safety", Map.of("safeguarding-concern", "false"));
		save(nurse, person, episode, "mental-health", Map.of("memory-concern", "false"));
		for (SectionState section : assessments.episode(nurse, person, episode).sections()) {
			if (section.status() == SectionStatus.IN_PROGRESS) {
				assessments.signSection(nurse, person, episode, "sap-overview", section.section().id(),
						section.version());
			}
			else if (!section.section().id().equals("senses")) {
				assessments.markNotRelevant(nurse, person, episode, "sap-overview", section.section().id(),
						section.version(), "Nothing raised");
			}
		}
		return episode;
	}

	private void save(Actor actor, PersonId person, EpisodeId episode, String section, Map<String, String> answers) {
		long version = assessments.section(actor, person, episode, "sap-overview", section).state().version();
		assessments.saveSection(actor, person, episode, "sap-overview", section, version, AnswerSource.OBSERVATION,
				answers);
	}

	static String waitForText(Browser browser, By locator, String expected) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(locator, expected));
		return browser.text(locator);
	}

	static void click(Browser browser, By locator) {
		browser.waitFor(locator).click();
	}

}
