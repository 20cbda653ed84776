package care.seamless.web;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.discharge.DischargeFixtures;
import care.seamless.discharge.DischargeFixtures.Partnership;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ward records an admission from June 2022 and gives the Schedule 3 notices; it
 * attributes a delayed day to social care; the council's social worker disputes it; the
 * council's manager sees the dispute with both views in the month's report.
 */
@SeamlessTest
class DischargeJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	DischargeFixtures fixtures;

	@Test
	void aWardGivesTheNoticesAndADelayIsAttributedDisputedAndReported() throws Exception {
		Partnership p = fixtures.partnership();
		String admission;
		try (Browser browser = new Browser(port)) {
			WebDriver driver = browser.driver();
			browser.signIn(p.nurse().username(), Fixtures.PASSWORD).open("/admissions/new");
			browser.type("nhsNumber", p.nhsNumber());
			new Select(driver.findElement(By.id("wardTeamId"))).selectByValue(p.ward().id().toString());
			browser.type("hospital", "Riverside General");
			browser.type("ward", "Elm ward");
			browser.type("admittedAt", "20/06/2022");
			browser.clickThrough(By.id("save-admission"));
			assertThat(browser.text(By.id("rule-set"))).isEqualTo("Care Act 2014 Schedule 3 (England)");
			admission = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf("/admissions/"));

			label(driver, "kind").click();
			browser.type("givenOn", "20/06/2022");
			browser.clickThrough(By.id("give-notice"));
			label(driver, "kind-DISCHARGE").click();
			browser.type("givenOn", "21/06/2022");
			browser.type("proposedDischarge", "23/06/2022");
			browser.clickThrough(By.id("give-notice"));
			assertThat(browser.text(By.id("notice-table"))).contains("Assessment notice", "Discharge notice");
			assertThat(browser.text(By.id("relevant-day"))).contains("23 June 2022");

			browser.type("day", "24/06/2022");
			new Select(driver.findElement(By.id("reason"))).selectByValue("AWAITING_HOME_CARE");
			new Select(driver.findElement(By.id("attribution"))).selectByValue("SOCIAL_CARE");
			browser.clickThrough(By.id("record-delay"));
			assertThat(browser.text(By.id("status-2022-06-24"))).isEqualTo("Waiting for the other partner");
		}
		try (Browser browser = new Browser(port)) {
			WebDriver driver = browser.driver();
			browser.signIn(p.socialWorker().username(), Fixtures.PASSWORD).open(admission);
			new Select(driver.findElement(By.cssSelector("#answer-form-2022-06-24 select"))).selectByValue("NHS");
			browser.clickThrough(By.id("dispute-2022-06-24"));
			assertThat(browser.text(By.id("status-2022-06-24"))).isEqualTo("Disputed");
			assertThat(browser.text(By.id("nhs-view-2022-06-24"))).isEqualTo("Social care");
			assertThat(browser.text(By.id("social-care-view-2022-06-24"))).isEqualTo("The NHS");
		}
		try (Browser browser = new Browser(port)) {
			browser.signIn(p.councilManager().username(), Fixtures.PASSWORD).open("/discharges/report?month=2022-06");
			assertThat(browser.text(By.id("report-summary"))).contains("1 delayed day this month: 1 disputed");
			assertThat(browser.text(By.id("disputed-2022-06-24"))).contains("Waiting for care at home", "Social care",
					"The NHS");
			assertThat(browser.text(By.id("attribution-DISPUTED"))).contains("1");
		}
	}

	private static org.openqa.selenium.WebElement label(WebDriver driver, String inputId) {
		return driver.findElement(By.cssSelector("label[for='" + inputId + "']"));
	}

}
