package care.seamless.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.instrument.Stage;
import care.seamless.careplan.ActionKind;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.PlanDiscussions;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions every page keeps (docs/pages.md), in the real browser: phone widths
 * without sideways scrolling, a navigation bar on one line, a styled "Page not found",
 * focus on the error summary, and a form used with the keyboard alone.
 */
@SeamlessTest
class PageConventionsBrowserTests {

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
	PlanDiscussions discussions;

	@Autowired
	Assessments assessments;

	/**
	 * The practitioner's everyday pages at a phone's width and a laptop's: none scrolls
	 * sideways, and each meets WCAG 2.2 AA as laid out at that width (stacked tables, the
	 * navigation stacked or on one line).
	 */
	@Test
	void theMainPagesFitAPhoneAndALaptopScreenAndMeetWcag() throws Exception {
		CarePlanFixtures.Partnership p = planFixtures.partnership();
		UUID[] objectives = planFixtures.planWithTwoObjectives(p);
		actions.add(p.socialWorker().actor(), p.person(),
				new NewAction(objectives[0], ActionKind.SERVICE, "Befriender for weekly trips to the shops",
						DataCategory.GENERAL, p.supportWorker().practitionerId(), LocalDate.now().plusDays(10)));
		discussions.addRisk(p.socialWorker().actor(), p.person(), "Walks to the shop alone after dark",
				"I will keep my evening walk", "A neighbour walks with her on Thursdays", DataCategory.GENERAL);
		EpisodeId episode = assessments.open(p.socialWorker().actor(), p.person(), Stage.OVERVIEW);
		String record = "/people/" + p.person();
		List<String> pages = List.of("/", "/people?q=a", record, record + "/sharing",
				record + "/assessments/" + episode + "/sections/sap-overview/home", record + "/care-plan",
				record + "/care-plan/actions/new");

		List<String> problems = new ArrayList<>();
		try (Browser browser = new Browser(port)) {
			browser.signIn(p.socialWorker().username(), Fixtures.PASSWORD);
			for (Dimension screen : List.of(new Dimension(375, 812), new Dimension(1366, 768))) {
				browser.driver().manage().window().setSize(screen);
				for (String page : pages) {
					browser.open(page);
					browser.waitFor(By.id("main-content"));
					long viewport = number(browser, "return window.innerWidth");
					assertThat(viewport).as("the window's width").isBetween(screen.width - 20L, (long) screen.width);
					long width = number(browser, "return document.documentElement.scrollWidth");
					if (width > viewport) {
						problems.add(page + " is " + width + " px wide in a " + viewport + " px window; widest: "
								+ ((JavascriptExecutor) browser.driver()).executeScript(
										"""
												return [...document.querySelectorAll('main *')]
													.filter((e) => e.getBoundingClientRect().right > window.innerWidth)
													.slice(-3).map((e) => e.tagName + '#' + e.id + '.' + e.className).join(', ')"""));
					}
					problems.addAll(Axe.check(browser, page + " at " + screen.width + " px"));
				}
			}
		}
		assertThat(problems).as("pages wider than the screen, and accessibility violations").isEmpty();
	}

	@Test
	void theNavigationFitsOnOneLineAt1366AndReachesEveryAdministrationPage() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff everything = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR,
				Role.CALDICOTT_GUARDIAN, Role.TEAM_MANAGER);
		try (Browser browser = new Browser(port)) {
			browser.signIn(everything.username(), Fixtures.PASSWORD);
			browser.driver().manage().window().setSize(new Dimension(1366, 768));
			browser.open("/");
			browser.waitFor(By.id("nav-admin"));
			long lines = number(browser, """
					return new Set([...document.querySelectorAll('.govuk-service-navigation__item')]
						.map((item) => Math.round(item.getBoundingClientRect().top))).size""");
			assertThat(lines).as("lines the navigation takes").isEqualTo(1);

			browser.driver().findElement(By.cssSelector("#nav-admin > summary")).click();
			List<String> admin = browser.driver()
				.findElements(By.cssSelector("#nav-admin a"))
				.stream()
				.filter(WebElement::isDisplayed)
				.map((link) -> link.getDomAttribute("href"))
				.toList();
			assertThat(admin).contains("/admin", "/admin/accounts", "/people/import", "/matching",
					"/terminology/import", "/instruments/import", "/caldicott/audit");
			browser.clickThrough(By.cssSelector("#nav-admin a[href='/people/import']"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("/people/import");
		}
	}

	@Test
	void anUnknownAddressShowsTheStyledPageNotFoundWithTheHeaderAndSignOut() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		try (Browser browser = new Browser(port)) {
			browser.signIn(worker.username(), Fixtures.PASSWORD);
			browser.open("/no-such-page/at-all");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Page not found");
			assertThat(browser.driver().getTitle()).isEqualTo("Page not found");
			assertThat(browser.driver().findElements(By.cssSelector("link[href*='govuk-frontend']"))).isNotEmpty();
			assertThat(browser.text(By.cssSelector(".seamless-user button"))).isEqualTo("Sign out");
			assertThat(browser.driver().findElements(By.cssSelector(".govuk-service-navigation"))).isNotEmpty();
			browser.clickThrough(By.cssSelector(".seamless-user button"));
			assertThat(browser.driver().getCurrentUrl()).contains("/login");
		}
	}

	@Test
	void aFailedSignInMovesFocusToTheErrorSummary() throws Exception {
		try (Browser browser = new Browser(port)) {
			browser.open("/login");
			browser.type("username", "nobody-" + UUID.randomUUID());
			browser.type("password", "wrong");
			browser.clickThrough(By.cssSelector("button[type=submit].govuk-button"));
			browser.waitFor(By.cssSelector(".govuk-error-summary"));
			assertThat(focusedWhenSettled(browser.driver(), ".govuk-error-summary")).isTrue();
		}
	}

	/**
	 * Tab and Enter only: the form is sent with most of it empty, focus lands on the
	 * error summary, and following an error's link puts the focus in that field.
	 */
	@Test
	void anObjectiveFormWithErrorsCanBeUsedWithTheKeyboardAlone() throws Exception {
		CarePlanFixtures.Partnership p = planFixtures.partnership();
		carePlans.start(p.socialWorker().actor(), p.person(), null);
		try (Browser browser = new Browser(port)) {
			browser.signIn(p.socialWorker().username(), Fixtures.PASSWORD);
			browser.open("/people/" + p.person() + "/care-plan/objectives/new");
			browser.waitFor(By.id("save-objective"));
			tabTo(browser, "description").sendKeys("Cook a hot meal again");
			tabTo(browser, "save-objective");
			WebElement page = browser.driver().findElement(By.tagName("html"));
			new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));

			browser.waitFor(By.cssSelector(".govuk-error-summary"));
			assertThat(focusedWhenSettled(browser.driver(), ".govuk-error-summary")).as("summary focused").isTrue();
			assertThat(browser.driver().findElement(By.id("description")).getDomProperty("value"))
				.isEqualTo("Cook a hot meal again");
			List<WebElement> links = browser.driver().findElements(By.cssSelector(".govuk-error-summary__list a"));
			assertThat(links).hasSizeGreaterThanOrEqualTo(5);

			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
			WebElement link = browser.driver().switchTo().activeElement();
			assertThat(link.getDomAttribute("href")).isEqualTo(links.get(0).getDomAttribute("href"));
			String field = link.getDomAttribute("href").substring(1);
			new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
				.until((driver) -> field.equals(driver.switchTo().activeElement().getDomAttribute("id")));

			// A link to a group of choices puts the focus on its first choice.
			WebElement needs = browser.driver()
				.findElement(By.cssSelector(".govuk-error-summary__list a[href='#needCodes']"));
			assertThat(needs).isNotNull();
			tabBackTo(browser, needs);
			new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
				.until((driver) -> "checkbox".equals(driver.switchTo().activeElement().getDomAttribute("type")));
		}
	}

	private static WebElement tabTo(Browser browser, String id) {
		for (int i = 0; i < 600; i++) {
			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
			WebElement active = browser.driver().switchTo().activeElement();
			if (id.equals(active.getDomAttribute("id"))) {
				return active;
			}
		}
		throw new AssertionError("Tab never reached #" + id);
	}

	private static void tabBackTo(Browser browser, WebElement target) {
		for (int i = 0; i < 600; i++) {
			new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
			if (browser.driver().switchTo().activeElement().equals(target)) {
				return;
			}
		}
		throw new AssertionError("Shift+Tab never reached the link");
	}

	/**
	 * GOV.UK Frontend moves focus once its script has run; poll for it with a deadline.
	 */
	private static boolean focusedWhenSettled(WebDriver driver, String selector) {
		try {
			return new WebDriverWait(driver, Duration.ofSeconds(5)).until((d) -> (Boolean) ((JavascriptExecutor) d)
				.executeScript("return document.activeElement.matches(arguments[0])", selector));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			return false;
		}
	}

	private static long number(Browser browser, String script) {
		return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(script)).longValue();
	}

}
