package care.seamless.web;

import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.AssessmentFixtures;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district nurse and a social worker of different organisations complete one
 * assessment: the social worker is offered what the nurse already found out, cannot
 * change the person's own words, and the summary keeps the person's disagreement beside
 * the social worker's finding.
 */
@SeamlessTest
class SharedAssessmentJourneyBrowserTests {

	private static final String OWN_WORDS = "I want to stay at home with my cat and manage on my own.";

	private static final String DISAGREEMENT = "I can wash myself, I just need a rail by the bath.";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Directory directory;

	@Autowired
	Assessments assessments;

	@Test
	void aNurseAndASocialWorkerCompleteOneAssessment() throws Exception {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		fixtures.agreement(Set.of(trust, council), DataCategory.GENERAL, DataCategory.SAFEGUARDING);
		Fixtures.Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		Fixtures.Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Sapford"), nurse);
		fixtures.addToCareTeam(person, socialWorker);
		String trustName = directory.organisation(trust).name();

		try (Browser browser = new Browser(port)) {
			browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/people/" + person);
			click(browser, By.id("assessments-link"));
			click(browser, By.cssSelector("label[for=stage]"));
			click(browser, By.id("start-assessment"));
			waitForText(browser, By.id("episode-heading"), "Contact assessment");

			completeSection(browser, "sap-contact", "screen-personal-care", "person", "q-washing-2");
			sign(browser, "sap-contact", "screen-personal-care");
			click(browser, By.id("to-overview"));
			waitForText(browser, By.id("episode-heading"), "Overview assessment");

			open(browser, "sap-overview", "users-perspective");
			click(browser, By.cssSelector("label[for=source]"));
			browser.type("q-own-words", OWN_WORDS);
			click(browser, By.id("save-section"));
			assertThat(browser.text(By.id("saved"))).contains("Section saved");
			click(browser, By.linkText("Back to the assessment"));
			sign(browser, "sap-overview", "users-perspective");
		}

		try (Browser browser = new Browser(port)) {
			browser.signIn(socialWorker.username(), Fixtures.PASSWORD).open("/people/" + person);
			click(browser, By.id("assessments-link"));
			click(browser, By.cssSelector("#episodes tbody a"));

			// The person's own words are shown, not offered for editing.
			open(browser, "sap-overview", "users-perspective");
			assertThat(browser.text(By.id("own-words-own-words"))).contains(OWN_WORDS);
			assertThat(browser.driver().findElements(By.id("q-own-words"))).isEmpty();
			click(browser, By.linkText("Back to the assessment"));

			// What the nurse found out is offered, with where it came from.
			open(browser, "sap-overview", "personal-care");
			assertThat(browser.text(By.id("known-washing"))).contains("Already known").contains(trustName);
			assertThat(browser.driver().findElement(By.id("q-washing-2")).isSelected()).isTrue();
			click(browser, By.cssSelector("label[for=source-observation]"));
			click(browser, By.cssSelector("label[for=q-washing-3]"));
			click(browser, By.cssSelector("label[for=q-dressing-1]"));
			click(browser, By.id("save-section"));
			assertThat(browser.text(By.id("saved"))).contains("Section saved");
			click(browser, By.linkText("Back to the assessment"));
			sign(browser, "sap-overview", "personal-care");
			// The other domains are covered behind the scenes; completing asks for
			// confirmation.
			String episodePath = new java.net.URI(browser.driver().getCurrentUrl()).getPath();
			EpisodeId episode = new EpisodeId(
					java.util.UUID.fromString(episodePath.substring(episodePath.lastIndexOf('/') + 1)));
			AssessmentFixtures.readyToComplete(assessments, socialWorker.actor(), person, episode);
			browser.open(episodePath);
			click(browser, By.cssSelector("label[for=confirmed]"));
			click(browser, By.id("complete"));
			waitForText(browser, By.id("episode-status"), "Completed");

			click(browser, By.id("summary-link"));
			click(browser, By.id("disagree-washing"));
			click(browser, By.cssSelector("label[for=statedBy]"));
			browser.type("words", DISAGREEMENT);
			click(browser, By.id("save-disagreement"));

			String summary = waitForText(browser, By.id("main-content"), "Where views differ");
			assertThat(summary).contains("Where views differ").contains(DISAGREEMENT).contains(OWN_WORDS);
			assertThat(browser.text(By.id("differ-selfcare.washing"))).contains("The person")
				.contains("Practitioner's observation");

			click(browser, By.id("plain-link"));
			String plain = waitForText(browser, By.id("main-content"), "What we found out together");
			assertThat(plain).contains("You told us").contains("What we saw").contains(OWN_WORDS);
		}
	}

	private static void completeSection(Browser browser, String instrument, String section, String source,
			String option) {
		open(browser, instrument, section);
		click(browser, By.xpath("//input[@name='source' and @value='" + source + "']/following-sibling::label"));
		click(browser, By.cssSelector("label[for=" + option + "]"));
		click(browser, By.id("save-section"));
		assertThat(browser.text(By.id("saved"))).contains("Section saved");
		click(browser, By.linkText("Back to the assessment"));
	}

	private static void open(Browser browser, String instrument, String section) {
		click(browser, By.cssSelector("#section-" + instrument + "-" + section + " a"));
		browser.waitFor(By.id("section-heading"));
	}

	/** Signs a section and waits for the episode page to say so before going on. */
	private static void sign(Browser browser, String instrument, String section) {
		click(browser, By.id("sign-" + section));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.id("section-" + instrument + "-" + section), "Signed"));
	}

	/**
	 * Waits for the next page to show the text (the old page may still be there) and
	 * returns it all.
	 */
	private static String waitForText(Browser browser, By locator, String expected) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(locator, expected));
		return browser.text(locator);
	}

	private static void click(Browser browser, By locator) {
		browser.waitFor(locator).click();
	}

}
