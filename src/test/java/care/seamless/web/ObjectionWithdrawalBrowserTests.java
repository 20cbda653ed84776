package care.seamless.web;

import java.time.LocalDate;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.person.People;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, hole 1 as it was found: a housing officer in the person's care team opened
 * the sharing page and withdrew, with one click, the person's objection to sharing with
 * housing, and then read what it withheld. Now the officer is refused, with a clear
 * reason, and the note stays withheld.
 */
@SeamlessTest
class ObjectionWithdrawalBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	Choices choices;

	@Test
	void theHousingOfficerCannotWithdrawTheObjectionAgainstHousing() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId housing = fixtures.organisation(OrganisationKind.HOUSING);
		fixtures.agreement(Set.of(council, housing), DataCategory.GENERAL);
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var housingOfficer = fixtures.practitioner(housing, Profession.HOUSING_OFFICER);
		PersonId person = fixtures.person(Fixtures.unique("Withheld"), socialWorker);
		fixtures.addToCareTeam(person, housingOfficer);
		people.addEntry(socialWorker.actor(), person, DataCategory.GENERAL, "Council review note",
				"Worried about the rent arrears and her brother.");
		java.util.UUID objection = choices.record(socialWorker.actor(), person,
				new NewChoice(ChoiceKind.OBJECTION, housing, null, HowGiven.VERBAL, LocalDate.now(), null, null));

		try (Browser browser = new Browser(port)) {
			browser.signIn(housingOfficer.username(), Fixtures.PASSWORD);
			browser.open("/people/" + person);
			assertThat(browser.text(By.id("entries-block"))).contains("Information withheld at the person's request")
				.doesNotContain("Council review note");

			// Not offered to the organisation it is held against, and saying why...
			browser.open("/people/" + person + "/sharing");
			assertThat(browser.driver().findElements(By.cssSelector("#choices a.withdraw-choice"))).isEmpty();
			assertThat(browser.text(By.id("choices"))).contains("your organisation cannot withdraw it");
			// ...and still refused when the form is reached by its address.
			browser.open("/people/" + person + "/choices/" + objection + "/withdraw");
			browser.waitFor(By.cssSelector("label[for=requestedBy]")).click();
			new Select(browser.driver().findElement(By.id("howAsked"))).selectByValue("IN_PERSON");
			browser.type("reason", "She said at the visit that she does not mind any more");
			browser.clickThrough(By.id("withdraw-choice-button"));

			assertThat(browser.text(By.id("withdraw-refused"))).contains("You cannot withdraw this")
				.contains("against your organisation");

			browser.open("/people/" + person + "/sharing");
			assertThat(browser.text(By.id("choices"))).contains("Objects to sharing")
				.contains("In force")
				.doesNotContain("Withdrawn");
			browser.open("/people/" + person);
			assertThat(browser.text(By.id("entries-block"))).contains("Information withheld at the person's request")
				.doesNotContain("Council review note")
				.doesNotContain("rent arrears");
		}
	}

	@Test
	void withdrawingWithoutAReasonShowsAFieldMessage() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId housing = fixtures.organisation(OrganisationKind.HOUSING);
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("NoReason"), socialWorker);
		choices.record(socialWorker.actor(), person,
				new NewChoice(ChoiceKind.OBJECTION, housing, null, HowGiven.VERBAL, LocalDate.now(), null, null));

		try (Browser browser = new Browser(port)) {
			browser.signIn(socialWorker.username(), Fixtures.PASSWORD);
			browser.open("/people/" + person + "/sharing");
			browser.clickThrough(By.cssSelector("#choices a.withdraw-choice"));
			browser.waitFor(By.cssSelector("label[for=requestedBy]")).click();
			new Select(browser.driver().findElement(By.id("howAsked"))).selectByValue("IN_WRITING");
			browser.clickThrough(By.id("withdraw-choice-button"));

			assertThat(browser.text(By.cssSelector(".govuk-error-summary"))).contains("Give the reason for the change");

			browser.type("reason", "Her letter says housing may now see her care notes");
			browser.clickThrough(By.id("withdraw-choice-button"));
			assertThat(browser.text(By.id("choices"))).contains("Withdrawn");
		}
	}

}
