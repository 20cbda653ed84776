package care.seamless.web;

import java.time.LocalDate;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.person.People;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeams;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A care team built from empty, as a partnership starts one: a team manager allocates a
 * newly registered person to a social worker, who adds a district nurse and an
 * occupational therapist from two other organisations; each signs in and accepts; the
 * social worker hands the lead over to the nurse, who accepts; a housing officer refused
 * the record asks to join, and the new lead accepts.
 */
@SeamlessTest
class CareTeamJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	CareTeams careTeams;

	@Test
	void aCareTeamIsBuiltFromEmptyAcrossOrganisations() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId community = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId hospital = fixtures.organisation(OrganisationKind.NHS_ACUTE_TRUST);
		OrganisationId housing = fixtures.organisation(OrganisationKind.HOUSING);
		fixtures.agreement(Set.of(council, community, hospital, housing), DataCategory.GENERAL);
		Fixtures.Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff manager = fixtures.practitionerIn(council, socialWorker.teamId(), Profession.CARE_MANAGER, true,
				Role.PRACTITIONER, Role.TEAM_MANAGER);
		Fixtures.Staff nurse = fixtures.practitioner(community, Profession.DISTRICT_NURSE);
		Fixtures.Staff therapist = fixtures.practitioner(hospital, Profession.OCCUPATIONAL_THERAPIST);
		Fixtures.Staff housingOfficer = fixtures.practitioner(housing, Profession.HOUSING_OFFICER);
		PersonId person = people.registerImported(manager.actor(), Fixtures.details(Fixtures.unique("Edna"),
				Fixtures.unique("Empty"), LocalDate.of(1938, 6, 1), Fixtures.nextNhsNumber()));
		String careTeam = "/people/" + person + "/care-team";

		try (Browser browser = new Browser(port)) {
			// The manager allocates the new person to the social worker.
			signIn(browser, manager);
			browser.open("/care-teams/team");
			WebElement radio = browser.driver()
				.findElement(By.cssSelector("input[name=person][value='" + person + "']"));
			browser.driver().findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).click();
			new Select(browser.driver().findElement(By.id("practitioner")))
				.selectByValue(socialWorker.practitionerId().toString());
			browser.clickThrough(By.id("allocate-submit"));
			assertThat(
					browser.text(By.cssSelector("tr[data-practitioner='" + socialWorker.practitionerId() + "'] .led")))
				.isEqualTo("1");

			// The social worker, now lead, adds two practitioners of other organisations.
			signIn(browser, socialWorker);
			browser.open(careTeam + "/add");
			browser.clickThrough(By.id("add-submit"));
			assertThat(browser.text(By.id("practitioner-error"))).contains("Choose who to add");
			invite(browser, careTeam, nurse, "District nursing");
			invite(browser, careTeam, therapist, "Occupational therapy");
			assertThat(browser.text(By.id("pending-requests"))).contains("Invitation to join");
			assertThat(careTeams.members(person)).hasSize(1);

			// Each signs in and accepts.
			for (Fixtures.Staff invitee : new Fixtures.Staff[] { nurse, therapist }) {
				signIn(browser, invitee);
				browser.open("/care-teams/requests");
				browser.clickThrough(By.cssSelector("#waiting .accept-request"));
				assertThat(browser.text(By.id("nothing-waiting"))).isNotBlank();
			}
			assertThat(careTeams.members(person)).extracting(CareTeamMember::practitionerId)
				.containsExactlyInAnyOrder(socialWorker.practitionerId(), nurse.practitionerId(),
						therapist.practitionerId());

			// The lead hands over to the nurse, who accepts.
			signIn(browser, socialWorker);
			browser.open(careTeam + "/handover");
			new Select(browser.driver().findElement(By.id("practitioner")))
				.selectByValue(nurse.practitionerId().toString());
			browser.type("message", "Nursing needs lead her care now");
			browser.clickThrough(By.id("handover-submit"));
			signIn(browser, nurse);
			browser.open("/care-teams/requests");
			assertThat(browser.text(By.id("waiting"))).contains("Handover");
			browser.clickThrough(By.cssSelector("#waiting .accept-request"));
			browser.open(careTeam);
			browser
				.waitFor(By.cssSelector("tr[data-practitioner='" + nurse.practitionerId() + "'] .lead-professional"));
			assertThat(browser.driver().findElements(By.cssSelector(".lead-professional"))).hasSize(1);

			// A housing officer is refused the record, asks to join, and the new lead
			// accepts.
			signIn(browser, housingOfficer);
			browser.open("/people/" + person);
			assertThat(browser.text(By.id("denied-heading"))).isNotBlank();
			browser.clickThrough(By.id("ask-to-join"));
			browser.type("role", "Housing");
			browser.type("reason", "Her tenancy is at risk and she asked us to help");
			browser.clickThrough(By.id("join-submit"));
			assertThat(browser.text(By.id("mine"))).contains("Request to join");
			signIn(browser, nurse);
			browser.open("/care-teams/requests");
			assertThat(browser.text(By.id("waiting"))).contains("Her tenancy is at risk");
			browser.clickThrough(By.cssSelector("#waiting .accept-request"));
			signIn(browser, housingOfficer);
			browser.open("/people/" + person);
			assertThat(browser.driver().findElements(By.id("denied-heading"))).isEmpty();
			assertThat(browser.text(By.id("care-team"))).contains("Housing");
		}
	}

	static void signIn(Browser browser, Fixtures.Staff staff) {
		browser.driver().manage().deleteAllCookies();
		browser.signIn(staff.username(), Fixtures.PASSWORD);
	}

	static void invite(Browser browser, String careTeam, Fixtures.Staff invitee, String role) {
		browser.open(careTeam + "/add");
		new Select(browser.driver().findElement(By.id("practitioner")))
			.selectByValue(invitee.practitionerId().toString());
		browser.type("role", role);
		browser.clickThrough(By.id("add-submit"));
		browser.waitFor(By.id("care-team-heading"));
	}

}
