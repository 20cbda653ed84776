package care.seamless.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.ActionKind;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.NewObjective;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.Section;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.EligibilityFixtures;
import care.seamless.funding.FinancialYear;
import care.seamless.funding.FundingRates;
import care.seamless.shared.DataCategory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's journey in the browser: a person with an eligible need and a plan action is
 * given a financial assessment, a personal budget costed from the plan, its statement,
 * approval by a manager from the approvals queue, and a direct payment agreed with its
 * first payment in the ledger; the review it falls due for is in the worker's worklist.
 * The money pages are checked with axe-core on the way.
 */
@SeamlessTest
class MoneyJourneyBrowserTests {

	private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CarePlanFixtures planFixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanActions actions;

	@Autowired
	Eligibility eligibility;

	@Autowired
	FundingRates rates;

	@Test
	void fromAnEligibleNeedToADirectPaymentWithItsFirstPayment() throws Exception {
		Partnership p = planFixtures.partnership();
		fixtures.addToCareTeam(p.person(), p.councilManager());
		EligibilityFixtures.record(eligibility, p.socialWorker().actor(), p.person(),
				EligibilityFixtures.eligibleAdult());
		carePlans.start(p.socialWorker().actor(), p.person(), null);
		UUID objective = carePlans.addObjective(p.socialWorker().actor(), p.person(),
				new NewObjective(null, Section.SOCIAL_CARE, "Eat well and keep clean at home", "Two meals a day",
						"Food diary", LocalDate.now().plusMonths(3), List.of("d550", "d510"), Set.of(p.council()),
						DataCategory.GENERAL));
		UUID homeCare = actions.add(p.socialWorker().actor(), p.person(),
				new NewAction(objective, ActionKind.SERVICE, "Home care, 2 visits a day", DataCategory.GENERAL,
						p.socialWorker().practitionerId(), LocalDate.now().plusWeeks(1)));
		rates.saveThreshold(fixtures.admin, p.socialWorker().teamId(), FinancialYear.of(LocalDate.now()),
				new BigDecimal("100.00"), null);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		LocalDate signed = today.minusMonths(7);
		List<String> inaccessible = new ArrayList<>();

		try (Browser browser = new Browser(port)) {
			WebDriver driver = browser.driver();
			browser.signIn(p.socialWorker().username(), Fixtures.PASSWORD).open("/people/" + p.person());

			// The financial assessment: pension 250.00 less the Minimum Income Guarantee
			// for a single person over Pension Credit age, 232.60, leaves 17.40 a week.
			browser.clickThrough(By.id("funding-link"));
			browser.clickThrough(By.linkText("Do a financial assessment"));
			inaccessible.addAll(Axe.check(browser, "financial assessment form"));
			driver.findElement(By.cssSelector("label[for='kind']")).click();
			driver.findElement(By.cssSelector("label[for='setting-NON_RESIDENTIAL']")).click();
			browser.type("assessedOn", today.format(TYPED)).type("weeklyCost", "210.00");
			new Select(driver.findElement(By.id("income0"))).selectByValue("STATE_PENSION");
			browser.type("incomeAmount0", "250.00");
			new Select(driver.findElement(By.id("guaranteeBand"))).selectByValue("PENSION_AGE_SINGLE");
			browser.clickThrough(By.id("save-assessment"));
			assertThat(browser.text(By.tagName("main"))).contains("£17.40");

			// The budget, costed from the plan, and its statement.
			browser.open("/people/" + p.person() + "/funding");
			browser.clickThrough(By.id("budget-link"));
			browser.clickThrough(By.id("start-budget"));
			browser.type("weeklyCost-" + homeCare, "210.00");
			new Select(driver.findElement(By.id("payer-" + homeCare))).selectByValue("COUNCIL");
			browser.clickThrough(driver.findElement(By.id("weeklyCost-" + homeCare))
				.findElement(By.xpath("ancestor::form//button")));
			assertThat(browser.text(By.id("statement-total"))).isEqualTo("£210.00 a week");
			assertThat(browser.text(By.id("statement-person"))).isEqualTo("£17.40 a week");
			assertThat(browser.text(By.id("statement-council"))).isEqualTo("£192.60 a week");
			assertThat(browser.text(By.id("statement-nhs"))).isEqualTo("£0.00 a week");
			browser.clickThrough(By.id("request-approval"));
			assertThat(browser.text(By.id("approval-state"))).contains("Waiting for approval");

			// A manager approves it from the queue.
			driver.manage().deleteAllCookies();
			browser.signIn(p.councilManager().username(), Fixtures.PASSWORD).open("/approvals");
			inaccessible.addAll(Axe.check(browser, "approvals queue"));
			browser.clickThrough(By.xpath("//div[contains(@class,'govuk-summary-card')][.//a[contains(., '"
					+ p.familyName() + "')]]//button[@value='APPROVED']"));

			// The worker requests direct payments, records the agreement and the first
			// payment: four weeks of the council's part.
			driver.manage().deleteAllCookies();
			browser.signIn(p.socialWorker().username(), Fixtures.PASSWORD).open("/people/" + p.person() + "/budget");
			assertThat(browser.text(By.id("approval-state"))).contains("Approved");
			new Select(driver.findElement(By.id("managerKind"))).selectByValue("PERSON");
			browser.clickThrough(By.id("request-direct-payment"));
			browser.type("signedOn", signed.format(TYPED)).type("firstPaymentOn", signed.format(TYPED));
			new Select(driver.findElement(By.id("everyWeeks"))).selectByValue("4");
			browser.clickThrough(By.id("record-agreement"));
			assertThat(browser.text(By.id("dp-schedule"))).contains("£770.40");
			new Select(driver.findElement(By.id("kind"))).selectByValue("PAYMENT");
			browser.type("entryOn", signed.format(TYPED)).type("amount", "770.40");
			browser.clickThrough(By.id("record-entry"));
			assertThat(browser.text(By.id("ledger"))).contains("£770.40");
			inaccessible.addAll(Axe.check(browser, "personal budget with a direct payment"));

			// The first review (six months after the agreement) is due, in the worklist.
			browser.open("/worklist");
			assertThat(browser.text(By.tagName("main"))).contains("Direct payment review due");
		}
		assertThat(inaccessible).isEmpty();
	}

}
