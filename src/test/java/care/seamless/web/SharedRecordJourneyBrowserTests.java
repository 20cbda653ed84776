package care.seamless.web;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A practitioner signs in, finds a person, opens the shared record and sees the
 * multi-agency care team.
 */
@SeamlessTest
class SharedRecordJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void signInFindAPersonOpenTheRecordAndSeeTheCareTeam() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		String familyName = Fixtures.unique("Journeyman");
		PersonId person = fixtures.person(familyName, socialWorker);
		fixtures.addToCareTeam(person, nurse);

		try (Browser browser = new Browser(port)) {
			browser.signIn(nurse.username(), Fixtures.PASSWORD);
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("My caseload");
			assertThat(browser.text(By.id("caseload"))).contains(familyName);

			browser.type("q", familyName);
			browser.driver().findElement(By.cssSelector("form[role=search] button")).click();
			assertThat(browser.text(By.id("result-count"))).isEqualTo("1 person found");
			assertThat(browser.text(By.id("results"))).contains("In your care team");

			browser.driver().findElement(By.partialLinkText(familyName)).click();
			assertThat(browser.text(By.id("person-name"))).endsWith(familyName);
			assertThat(browser.text(By.id("how-addressed"))).startsWith("Call me");
			WebElement careTeam = browser.waitFor(By.id("care-team"));
			assertThat(careTeam.findElements(By.cssSelector("tbody tr"))).hasSize(2);
			WebElement leadRow = careTeam.findElement(By.cssSelector(".lead-professional"))
				.findElement(By.xpath("../.."));
			assertThat(leadRow.getText()).contains("Social worker").contains("Lead professional");
			assertThat(careTeam.getText()).contains("District nurse");
		}
	}

	@Test
	void aPractitionerOutsideTheCareTeamSeesWhyTheyCannotOpenTheRecord() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var stranger = fixtures.practitioner(council, Profession.OCCUPATIONAL_THERAPIST);
		String familyName = Fixtures.unique("Private");
		fixtures.person(familyName, socialWorker);

		try (Browser browser = new Browser(port)) {
			browser.signIn(stranger.username(), Fixtures.PASSWORD);
			// Outside the care team, a name alone finds no one: the date of birth makes
			// the search identifying.
			browser.open("/people?q=" + familyName + "%2027/03/1940");
			assertThat(browser.text(By.id("results"))).contains("Not in your care team");
			browser.driver().findElement(By.cssSelector("#results tbody a")).click();
			assertThat(browser.text(By.id("denied-heading"))).isEqualTo("You cannot see this record");
			assertThat(browser.text(By.id("denied-reason"))).isEqualTo("You are not in this person's care team");
		}
	}

}
