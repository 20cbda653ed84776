package care.seamless.web;

import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GP refers a patient to adult social care from the record; a social worker finds it
 * on the team's worklist and accepts it, naming a colleague as owner; the person appears
 * in the owner's caseload; the GP sees the referral accepted, with its owner.
 */
@SeamlessTest
class ReferralJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Directory directory;

	@Test
	void theGpRefersToAdultSocialCareAndSeesTheTeamAccept() throws Exception {
		OrganisationId practice = fixtures.organisation(OrganisationKind.GP_PRACTICE);
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		fixtures.agreement(Set.of(practice, council), DataCategory.GENERAL);
		Fixtures.Staff gp = fixtures.practitioner(practice, Profession.GP);
		TeamId team = directory.createTeam(fixtures.admin, council, Fixtures.unique("Adult social care "));
		Fixtures.Staff socialWorker = fixtures.practitionerIn(council, team, Profession.SOCIAL_WORKER, true,
				Role.PRACTITIONER, Role.TEAM_MANAGER);
		Fixtures.Staff owner = fixtures.practitionerIn(council, team, Profession.SOCIAL_WORKER, false);
		String family = Fixtures.unique("Referred");
		PersonId person = fixtures.person(family, gp);

		try (Browser browser = new Browser(port)) {
			signIn(browser, gp);
			browser.open("/people/" + person);
			browser.clickThrough(By.id("refer-link"));
			new Select(browser.driver().findElement(By.id("toTeam"))).selectByValue(team.toString());
			new Select(browser.driver().findElement(By.id("reasonCode"))).selectByIndex(1);
			browser.type("reasonText", "Not managing meals since her fall");
			browser.driver().findElement(By.cssSelector("label[for='urgency']")).click();
			browser.driver().findElement(By.cssSelector("label[for='personInformed']")).click();
			browser.type("personView", "Knows and agrees to a social care assessment");
			browser.driver().findElement(By.cssSelector("label[for='basis']")).click();
			browser.clickThrough(By.id("referral-send"));
			assertThat(browser.text(By.id("referral-status"))).isEqualTo("Sent");
			String referral = browser.driver().getCurrentUrl();

			signIn(browser, socialWorker);
			browser.open("/worklist");
			browser.clickThrough(
					By.cssSelector("#worklist a[href$='" + referral.substring(referral.indexOf("/referrals/")) + "']"));
			new Select(browser.driver().findElement(By.id("owner"))).selectByValue(owner.practitionerId().toString());
			browser.clickThrough(By.id("referral-accept"));
			String id = referral.substring(referral.indexOf("/referrals/") + "/referrals/".length());
			assertThat(browser.text(By.id("incoming-" + id))).contains("Accepted");

			signIn(browser, owner);
			browser.open("/");
			assertThat(browser.driver().getPageSource()).contains(family);

			signIn(browser, gp);
			browser.open(referral.substring(referral.indexOf("/referrals/")));
			assertThat(browser.text(By.id("referral-status"))).isEqualTo("Accepted");
			assertThat(browser.text(By.id("referral-owner")))
				.contains(directory.practitioner(owner.practitionerId()).familyName());
		}
	}

	private void signIn(Browser browser, Fixtures.Staff staff) {
		browser.driver().manage().deleteAllCookies();
		browser.signIn(staff.username(), Fixtures.PASSWORD);
	}

}
