package care.seamless.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.Section;
import care.seamless.consent.ActingKind;
import care.seamless.door.Invitations;
import care.seamless.door.NewInvitation;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the person's door, on a phone 375 pixels wide: axe-core's WCAG 2.2 A and
 * AA rules find nothing, and no page is wider than the screen. The journey is the
 * person's own: the code from their care team, their account, then their pages; About me
 * is reached, filled in and saved with the keyboard alone, the focus visible at each
 * stop.
 */
@SeamlessTest
class PersonsDoorAccessibilityBrowserTests {

	private static final int PHONE = 375;

	private static final String PASSWORD = "apple-kettle-window";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Invitations invitations;

	@Autowired
	CarePlans carePlans;

	@Test
	void thePersonsPagesMeetWcag22AAOnAPhone() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Door"), lead);
		carePlans.start(lead.actor(), person, null);
		carePlans.addObjective(lead.actor(), person,
				CarePlanFixtures.objective("Get out to the shops", Section.SOCIAL_CARE, Set.of(council)));
		String code = invitations
			.invite(lead.actor(), person, new NewInvitation(ActingKind.SELF, "Ada Door", null, Set.of()))
			.code();
		String username = Fixtures.unique("ada");
		String me = "/me/people/" + person;

		List<String> problems = new ArrayList<>();
		try (Browser browser = new Browser(port)) {
			browser.driver().manage().window().setSize(new Dimension(PHONE, 800));
			browser.open("/me/sign-in");
			problems.addAll(check(browser, "sign-in"));
			browser.clickThrough(By.id("start-link"));
			browser.waitFor(By.id("code"));
			problems.addAll(check(browser, "code entry"));
			browser.clickThrough(By.id("start-submit"));
			browser.waitFor(By.id("start-error"));
			problems.addAll(check(browser, "code entry with an error"));
			browser.type("code", code);
			browser.type("username", username);
			browser.type("password", PASSWORD);
			browser.type("confirm", PASSWORD);
			browser.clickThrough(By.id("start-submit"));
			browser.waitFor(By.id("started"));
			problems.addAll(check(browser, "sign-in after setting a password"));
			browser.type("username", username);
			browser.type("password", PASSWORD);
			browser.clickThrough(By.cssSelector("button[type=submit].govuk-button"));
			browser.waitFor(By.id("main-content"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("/me");
			problems.addAll(check(browser, "home"));
			// Keyboard only: from the plan's menu to About me, then the form, then
			// saving, with Tab and Enter alone and the focus always visible.
			browser.open(me);
			browser.waitFor(By.id("link-about-me"));
			problems.addAll(tabTo(browser, "link-about-me"));
			browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
			browser.waitFor(By.id("about-me-form"));
			problems.addAll(tabTo(browser, "whatMatters"));
			browser.driver().switchTo().activeElement().sendKeys("My garden");
			problems.addAll(tabTo(browser, "save-about-me"));
			browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
			browser.waitFor(By.cssSelector(".govuk-notification-banner--success"));
			assertThat(browser.driver().findElement(By.id("whatMatters")).getAttribute("value")).isEqualTo("My garden");
			for (String page : List.of(me, me + "/looked", me + "/sharing", me + "/about-me", me + "/messages",
					me + "/feedback", me + "/copy")) {
				browser.open(page);
				browser.waitFor(By.id("main-content"));
				problems.addAll(check(browser, page.replace(person.toString(), "{person}")));
			}
			browser.open(me);
			browser.clickThrough(By.cssSelector("form[method=post] button[type=submit]"));
			browser.waitFor(By.cssSelector(".govuk-error-message"));
			problems.addAll(check(browser, "plan with an error"));
		}
		assertThat(problems).as("accessibility problems on a phone").isEmpty();
	}

	/**
	 * Presses Tab until the element with {@code id} has the focus (at most 60 times), and
	 * reports every stop whose focus cannot be seen (GOV.UK's focus is a yellow fill, an
	 * outline or a shadow).
	 */
	private static List<String> tabTo(Browser browser, String id) {
		List<String> problems = new ArrayList<>();
		JavascriptExecutor script = (JavascriptExecutor) browser.driver();
		for (int i = 0; i < 60; i++) {
			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
			Object shown = script.executeScript("""
					const e = document.activeElement, s = getComputedStyle(e);
					return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
					  || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)';""");
			String focused = browser.driver().switchTo().activeElement().getAttribute("id");
			if (!Boolean.TRUE.equals(shown)) {
				problems.add("focus not visible on " + focused + " on the way to " + id);
			}
			if (id.equals(focused)) {
				return problems;
			}
		}
		problems.add("the keyboard never reached " + id);
		return problems;
	}

	private static List<String> check(Browser browser, String page) {
		List<String> problems = new ArrayList<>(Axe.check(browser, page));
		JavascriptExecutor script = (JavascriptExecutor) browser.driver();
		long width = ((Number) script.executeScript("return window.innerWidth")).longValue();
		assertThat(width).as("the window is a phone's").isLessThanOrEqualTo(PHONE);
		long scrollWidth = ((Number) script.executeScript("return document.documentElement.scrollWidth")).longValue();
		if (scrollWidth > width) {
			problems.add(page + ": " + scrollWidth + " pixels wide on a screen of " + width);
		}
		return problems;
	}

}
