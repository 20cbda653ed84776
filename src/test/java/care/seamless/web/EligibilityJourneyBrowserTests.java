package care.seamless.web;

import java.util.List;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A social worker records an adult's eligibility from the person's record: ticking an
 * outcome reveals its "in what way?" question; a missing answer is named at the top and
 * on the field; the saved decision explains each condition and has a letter.
 */
@SeamlessTest
class EligibilityJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void recordAnAdultsEligibilityAndOpenTheLetter() throws Exception {
		var worker = fixtures.practitioner(fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE),
				Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Journey"), worker);

		try (Browser browser = new Browser(port)) {
			WebDriver driver = browser.driver();
			browser.signIn(worker.username(), Fixtures.PASSWORD).open("/people/" + person);
			browser.clickThrough(driver.findElement(By.id("eligibility-link")));
			assertThat(browser.text(By.id("no-current"))).contains("No Care Act eligibility decision");
			browser.clickThrough(driver.findElement(By.id("record-adult")));

			WebElement senses = driver.findElement(By.id("conditional-outcome-nutrition"));
			assertThat(senses.isDisplayed()).as("hidden until the outcome is ticked").isFalse();
			label(driver, "outcome-nutrition").click();
			assertThat(browser.waitFor(By.id("conditional-outcome-nutrition")).isDisplayed()).isTrue();
			label(driver, "sense-nutrition").click();
			label(driver, "outcome-hygiene").click();
			label(driver, "needsArise").click();
			label(driver, "significantImpact").click();
			label(driver, "wellbeing").click();
			browser.type("rationale", "Cannot cook or wash safely since the stroke");
			browser.clickThrough(driver.findElement(By.id("save-determination")));

			List<String> problems = driver.findElements(By.cssSelector("#error-summary li"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(problems)
				.containsExactly("Say in what way they are unable to achieve: Maintaining personal hygiene");
			assertThat(browser.waitFor(By.id("conditional-outcome-hygiene")).isDisplayed()).isTrue();
			label(driver, "sense-hygiene-c").click();
			browser.clickThrough(driver.findElement(By.id("save-determination")));

			assertThat(browser.text(By.id("decision"))).isEqualTo("Eligible");
			assertThat(browser.text(By.id("condition-2"))).contains("Met")
				.contains("unable to achieve 2 of the specified outcomes");
			browser.clickThrough(driver.findElement(By.id("letter-link")));
			assertThat(browser.text(By.id("letter")))
				.contains("You are eligible for care and support from the council.")
				.contains("Eating and drinking well")
				.contains("Keeping clean");
		}
	}

	private static WebElement label(WebDriver driver, String inputId) {
		return driver.findElement(By.cssSelector("label[for='" + inputId + "']"));
	}

}
