package care.seamless.web;

import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

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
			click(browser, By.cssSelector("label[for=stage-contact]"));
			click(browser, By.id("start-assessment"));
			assertThat(browser.text(By.id("episode-heading"))).isEqualTo("Contact assessment");

			completeSection(browser, "sap-contact", "screen-personal-care", "person", "q-washing-2");
			click(browser, By.id("sign-screen-personal-care"));
			click(browser, By.id("to-overview"));
			assertThat(browser.text(By.id("episode-heading"))).isEqualTo("Overview assessment");

			open(browser, "sap-overview", "users-perspective");
			click(browser, By.cssSelector("label[for=source-person]"));
			browser.type("q-own-words", OWN_WORDS);
			click(browser, By.id("save-section"));
			assertThat(browser.text(By.id("saved"))).contains("Section saved");
			click(browser, By.linkText("Back to the assessment"));
			click(browser, By.id("sign-users-perspective"));
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
			click(browser, By.id("sign-personal-care"));
			click(browser, By.id("complete"));
			assertThat(browser.text(By.id("episode-status"))).startsWith("Completed");

			click(browser, By.id("summary-link"));
			click(browser, By.id("disagree-washing"));
			click(browser, By.cssSelector("label[for=statedBy-person]"));
			browser.type("words", DISAGREEMENT);
			click(browser, By.id("save-disagreement"));

			String summary = browser.text(By.id("main-content"));
			assertThat(summary).contains("Where views differ").contains(DISAGREEMENT).contains(OWN_WORDS);
			assertThat(browser.text(By.id("differ-selfcare.washing"))).contains("The person")
				.contains("Practitioner's observation");

			click(browser, By.id("plain-link"));
			String plain = browser.text(By.id("main-content"));
			assertThat(plain).contains("You told us").contains("What we saw").contains(OWN_WORDS);
		}
	}

	private static void completeSection(Browser browser, String instrument, String section, String source,
			String option) {
		open(browser, instrument, section);
		click(browser, By.cssSelector("label[for=source-" + source + "]"));
		click(browser, By.cssSelector("label[for=" + option + "]"));
		click(browser, By.id("save-section"));
		assertThat(browser.text(By.id("saved"))).contains("Section saved");
		click(browser, By.linkText("Back to the assessment"));
	}

	private static void open(Browser browser, String instrument, String section) {
		click(browser, By.cssSelector("#section-" + instrument + "-" + section + " a"));
		browser.waitFor(By.id("section-heading"));
	}

	private static void click(Browser browser, By locator) {
		browser.waitFor(locator).click();
	}

}
