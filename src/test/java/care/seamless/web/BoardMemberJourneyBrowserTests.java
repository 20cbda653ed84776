package care.seamless.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.partnership.NewPartnership;
import care.seamless.partnership.PartnershipDirection;
import care.seamless.partnership.PartnershipKind;
import care.seamless.partnership.PartnershipStatus;
import care.seamless.partnership.Partnerships;
import care.seamless.partnership.PooledFunds;
import care.seamless.partnership.RiskShare;
import care.seamless.partnership.WorkingTogether;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import care.seamless.training.Training;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partnership board member's evening (the demo's ben.osei): signs in, opens the
 * partnership, its pooled fund statement, the assessment tool's results over time and the
 * joint-training coverage, then rates statements in the open round, each page checked
 * with axe-core; a person's record stays closed to them.
 */
@SeamlessTest
class BoardMemberJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Partnerships partnerships;

	@Autowired
	PooledFunds funds;

	@Autowired
	WorkingTogether workingTogether;

	@Autowired
	Training training;

	@Test
	void aBoardMemberReadsThePartnershipAndRatesItButNeverAPersonsRecord() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		Staff commissioner = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.COMMISSIONER);
		Staff board = fixtures.practitioner(trust, Profession.ADMINISTRATOR, Role.BOARD_MEMBER);
		Staff social = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Staff manager = fixtures.practitioner(council, Profession.CARE_MANAGER, Role.PRACTITIONER, Role.TEAM_MANAGER);
		String name = Fixtures.unique("Board journey fund ");
		UUID id = partnerships.create(commissioner.actor(),
				new NewPartnership(name, PartnershipKind.POOLED_FUND, PartnershipDirection.VERTICAL, "Fewer admissions",
						"Reablement", "", "Monthly board", council, "Head of integrated care",
						LocalDate.now().minusMonths(2), null, LocalDate.now().plusMonths(10), "Six months' notice",
						PartnershipStatus.ACTIVE, List.of(new NewPartnership.Partner(council, "Social care budget", ""),
								new NewPartnership.Partner(trust, "NHS contribution", "")),
						Set.of()));
		int year = funds.currentFinancialYear();
		funds.setTerms(commissioner.actor(), id, year, RiskShare.Rule.PRO_RATA, -1, Map.of());
		funds.contribute(commissioner.actor(), id, year, council, new BigDecimal("600000.00"), false, "");
		funds.contribute(commissioner.actor(), id, year, trust, new BigDecimal("400000.00"), false, "");
		UUID spring = workingTogether.openRound(board.actor(), id, "Spring");
		workingTogether.rate(social.actor(), spring, Map.of("TRUST.1", "2", "LEARN.1", "3"));
		workingTogether.closeRound(board.actor(), spring, 0);
		UUID autumn = workingTogether.openRound(board.actor(), id, "Autumn");
		workingTogether.rate(social.actor(), autumn, Map.of("TRUST.1", "3"));
		UUID course = training.addCourse(manager.actor(), "SAFEGUARDING", Fixtures.unique("Journey course "), "12");
		UUID session = training.recordSession(manager.actor(), course.toString(),
				LocalDate.now().minusDays(2).toString(), "Hall", "Trainer");
		training.recordAttendance(manager.actor(), session, 0,
				Map.of(social.practitionerId().id().toString(), "COMPLETED"));
		PersonId person = fixtures.person(Fixtures.unique("Boardunseen"), social);

		List<String> problems = new ArrayList<>();
		try (Browser browser = new Browser(port)) {
			browser.signIn(board.username(), Fixtures.PASSWORD);
			browser.open("/partnerships");
			browser.clickThrough(browser.waitFor(By.linkText(name)));
			problems.addAll(Axe.check(browser, "partnership"));
			browser.clickThrough(browser.waitFor(By.id("fund-link")));
			assertThat(browser.text(By.id("fund-totals"))).contains("1,000,000.00");
			problems.addAll(Axe.check(browser, "fund statement"));

			browser.open("/partnerships/" + id);
			browser.clickThrough(browser.waitFor(By.id("results-over-time")));
			assertThat(browser.text(By.id("overall-table"))).contains("Spring")
				.contains("Autumn")
				.contains("2.00")
				.contains("3.00");
			assertThat(browser.driver().findElements(By.cssSelector("canvas#overall-chart"))).hasSize(1);
			problems.addAll(Axe.check(browser, "results over time"));

			browser.open("/partnerships/" + id);
			browser.clickThrough(browser.waitFor(By.id("training-coverage")));
			assertThat(browser.text(By.id("coverage-organisations"))).contains("Test organisation");
			assertThat(browser.driver().findElements(By.id("record-session"))).isEmpty();
			problems.addAll(Axe.check(browser, "training coverage"));

			browser.open("/partnerships/rounds/" + autumn);
			browser.driver().findElement(By.id("s-TRUST.1-4")).click();
			browser.driver().findElement(By.id("s-LEARN.2-3")).click();
			browser.clickThrough(browser.driver().findElement(By.cssSelector("#rate button[type=submit]")));
			assertThat(browser.text(By.cssSelector(".govuk-notification-banner"))).isNotBlank();
			assertThat(workingTogether.myRatings(board.actor(), autumn)).containsEntry("TRUST.1", 4)
				.containsEntry("LEARN.2", 3);

			browser.open("/people/" + person.id());
			assertThat(browser.driver().getPageSource()).doesNotContain("Boardunseen");
		}
		assertThat(problems).isEmpty();
	}

}
