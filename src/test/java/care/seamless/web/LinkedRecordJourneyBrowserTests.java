package care.seamless.web;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.linkage.Matching;
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.person.Sex;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, hole 2, as it was found: after a review-queue link, a practitioner of an
 * organisation the person had objected to, in the care team of the linked duplicate,
 * could open the original record. Now the link carries no relationship past the
 * objection, and the manager who linked the records gains none either.
 */
@SeamlessTest
class LinkedRecordJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	Choices choices;

	@Autowired
	Matching matching;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPractitionerTheOriginalObjectedToCannotOpenItThroughALinkedDuplicate() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		fixtures.agreement(Set.of(council, trust), DataCategory.values());
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		// Managers decide pairs in which they answer for one record (ADR 16): this one
		// manages the social worker who leads the council's record.
		var manager = fixtures.practitionerIn(council, socialWorker.teamId(), Profession.SOCIAL_WORKER, true,
				Role.TEAM_MANAGER);
		var nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		String family = Fixtures.unique("Objectwood");
		LocalDate born = LocalDate.of(1936, 2, 2).plusDays(family.hashCode() % 300);
		// The council's record, and the person's objection to the trust on it.
		PersonId original = people.register(socialWorker.actor(), details("Winifred", family, born));
		people.addEntry(socialWorker.actor(), original, DataCategory.GENERAL, "Council finance review",
				"Rent arrears discussed.");
		choices.record(socialWorker.actor(), original, new NewChoice(ChoiceKind.OBJECTION, trust, null, HowGiven.VERBAL,
				LocalDate.now().minusDays(1), null, null));
		// The trust's duplicate, spelt differently, with the nurse as its lead.
		PersonId duplicate = people.register(nurse.actor(), details("Winnifred", family, born));
		matching.match(fixtures.admin, duplicate, false);
		UUID candidate = jdbc.sql("""
				select id from linkage.match_candidate
				where (left_person = :a and right_person = :b) or (left_person = :b and right_person = :a)""")
			.param("a", original.id())
			.param("b", duplicate.id())
			.query(UUID.class)
			.single();

		try (Browser browser = new Browser(port)) {
			browser.signIn(manager.username(), Fixtures.PASSWORD);
			browser.open("/matching/" + candidate);
			browser.clickThrough(By.cssSelector("button[name=decision][value=LINKED]"));
			assertThat(browser.text(By.id("decided"))).isNotEmpty();
			// Deciding is not a relationship: the manager cannot open either record.
			browser.open("/people/" + original);
			assertThat(browser.text(By.id("denied-reason"))).isEqualTo("You are not in this person's care team");
		}

		try (Browser browser = new Browser(port)) {
			browser.signIn(nurse.username(), Fixtures.PASSWORD);
			browser.open("/people/" + duplicate);
			assertThat(browser.text(By.id("linked-banner"))).isNotEmpty();
			assertThat(browser.driver().getPageSource()).doesNotContain("Council finance review")
				.doesNotContain("Rent arrears")
				.doesNotContain("Winifred");
			// The banner's way to the original is refused.
			browser.clickThrough(By.cssSelector("#linked-banner a.govuk-link"));
			assertThat(browser.text(By.id("denied-reason"))).isEqualTo("You are not in this person's care team");
			assertThat(browser.driver().getPageSource()).doesNotContain("Rent arrears").doesNotContain("Winifred");
			// Her caseload shows the person once, as her own record, marked as linked.
			browser.open("/");
			assertThat(browser.driver().findElements(By.cssSelector("#caseload tbody tr"))).singleElement()
				.satisfies(row -> assertThat(row.getText()).contains("Winnifred").contains("Linked records"));
		}

		try (Browser browser = new Browser(port)) {
			browser.signIn(socialWorker.username(), Fixtures.PASSWORD);
			browser.open("/people/" + original);
			assertThat(browser.text(By.id("entries"))).contains("Council finance review");
		}
	}

	private static PersonDetails details(String given, String family, LocalDate born) {
		return new PersonDetails(null, null, given, family, null, null, born, Sex.FEMALE, null, "7 Canal Walk", null,
				"Riverside", "ZW9 4LK", null, null, null, false, null);
	}

}
