package care.seamless.web;

import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.person.People;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person's objection hides one agency's information from another, visibly; and
 * break-glass access reaches the Caldicott guardian, who reviews it.
 */
@SeamlessTest
class InformationGovernanceJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Test
	void anObjectionRecordedByTheSocialWorkerIsShownAsARedactionToTheNurse() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL, DataCategory.THIRD_PARTY);
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		String familyName = Fixtures.unique("Objector");
		PersonId person = fixtures.person(familyName, socialWorker);
		fixtures.addToCareTeam(person, nurse);
		people.addEntry(socialWorker.actor(), person, DataCategory.GENERAL, "Council visit note",
				"Talked about moving closer to family.");

		try (Browser browser = new Browser(port)) {
			browser.signIn(nurse.username(), Fixtures.PASSWORD);
			browser.open("/people/" + person);
			assertThat(browser.text(By.id("entries"))).contains("Council visit note");
		}

		try (Browser browser = new Browser(port)) {
			browser.signIn(socialWorker.username(), Fixtures.PASSWORD);
			browser.open("/people/" + person);
			browser.driver().findElement(By.linkText("Sharing choices and consent")).click();
			new Select(browser.waitFor(By.id("kind"))).selectByValue("OBJECTION");
			new Select(browser.driver().findElement(By.id("organisationId"))).selectByValue(trust.toString());
			new Select(browser.driver().findElement(By.id("howGiven"))).selectByValue("VERBAL");
			browser.driver().findElement(By.id("record-choice")).click();
			assertThat(browser.text(By.id("choices"))).contains("Objects to sharing").contains("In force");
		}

		try (Browser browser = new Browser(port)) {
			browser.signIn(nurse.username(), Fixtures.PASSWORD);
			browser.open("/people/" + person);
			WebElement block = browser.waitFor(By.id("entries-block"));
			assertThat(block.getText()).contains("Information withheld at the person's request")
				.doesNotContain("Council visit note")
				.doesNotContain("moving closer to family");
			// The person's core details belong to the whole partnership, so the care team
			// still sees them.
			assertThat(browser.driver().findElements(By.id("details-withheld"))).isEmpty();
			assertThat(browser.text(By.id("person-name"))).endsWith(familyName);
		}
	}

	@Test
	void breakGlassAlertsTheCaldicottGuardianWhoReviewsIt() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId hospital = fixtures.organisation(OrganisationKind.NHS_ACUTE_TRUST);
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var doctor = fixtures.practitioner(hospital, Profession.HOSPITAL_DOCTOR);
		var guardian = fixtures.practitioner(hospital, Profession.ADMINISTRATOR, Role.CALDICOTT_GUARDIAN);
		PersonId person = fixtures.person(Fixtures.unique("Emergency"), socialWorker);
		String reason = "Brought in unconscious after a fall; need carer contact and safeguarding history "
				+ Fixtures.unique("#");

		try (Browser browser = new Browser(port)) {
			browser.signIn(doctor.username(), Fixtures.PASSWORD);
			browser.open("/people/" + person);
			assertThat(browser.text(By.id("denied-reason"))).isEqualTo("You are not in this person's care team");
			browser.driver().findElement(By.id("break-glass")).click();
			browser.waitFor(By.cssSelector("label[for=reason-EMERGENCY_CARE]")).click();
			browser.type("reasonText", reason);
			browser.driver().findElement(By.cssSelector("form button.govuk-button--warning")).click();
			assertThat(browser.text(By.id("override-banner"))).contains("emergency access");
			assertThat(browser.text(By.id("care-team"))).contains("Social worker");
		}

		try (Browser browser = new Browser(port)) {
			browser.signIn(guardian.username(), Fixtures.PASSWORD);
			browser.open("/caldicott");
			WebElement card = browser.driver()
				.findElements(By.cssSelector(".govuk-summary-card"))
				.stream()
				.filter(c -> c.getText().contains(reason))
				.findFirst()
				.orElseThrow();
			assertThat(card.getText()).contains(doctor.username()).contains("Emergency care");
			card.findElement(By.tagName("textarea")).sendKeys("Checked with the ward: genuine emergency.");
			card.findElement(By.cssSelector("button[value=true]")).click();
			assertThat(browser.text(By.id("reviewed"))).contains(doctor.username())
				.contains("Appropriate")
				.contains("genuine emergency");
		}
	}

}
