package care.seamless.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.Accounts;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import care.seamless.team.TotpCodes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in and sessions as people meet them: a session that ends under a half-written case
 * note, the idle warning, a forced password change after a reset, and two-step sign-in.
 * Sessions are ended or shortened on the server (in the session table), never by waiting
 * for the real timeout.
 */
@SeamlessTest
class SignInAndSessionBrowserTests {

	private static final String NEW_PASSWORD = "willow-harbour-compass";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Directory directory;

	@Autowired
	Accounts accounts;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Test
	void aCaseNoteBeingTypedWhenTheSessionEndsIsOfferedBackAfterSigningInAgain() throws Exception {
		Fixtures.Staff nurse = nurse();
		PersonId person = fixtures.person(Fixtures.unique("Kept"), nurse);
		String note = "Visited at 10:00. Mrs Kept was in good spirits; dressing changed on the left leg.";
		try (Browser browser = new Browser(port)) {
			browser.signIn(nurse.username(), Fixtures.PASSWORD);
			browser.open("/people/" + person + "/entries/new");
			browser.type("title", "Home visit");
			browser.type("body", note);

			endSession(browser);
			browser.clickThrough(By.cssSelector("form[action$='/entries'] button[type=submit]"));

			assertThat(browser.text(By.id("session-ended-heading"))).isEqualTo("Your session has ended");
			assertThat(browser.driver().findElements(By.cssSelector("header.govuk-header"))).hasSize(1);
			browser.clickThrough(By.id("sign-in-again"));
			browser.type("username", nurse.username());
			browser.type("password", Fixtures.PASSWORD);
			browser.clickThrough(By.cssSelector("button[type=submit].govuk-button"));

			assertThat(browser.driver().getCurrentUrl()).contains("/people/" + person + "/entries/new");
			assertThat(browser.waitFor(By.id("draft-offer")).getText()).contains("We kept what you had typed");
			assertThat(browser.driver().findElement(By.id("body")).getAttribute("value")).isEmpty();
			browser.waitFor(By.id("draft-restore")).click();
			assertThat(browser.driver().findElement(By.id("body")).getAttribute("value")).isEqualTo(note);
			assertThat(browser.driver().findElement(By.id("title")).getAttribute("value")).isEqualTo("Home visit");
		}
	}

	@Test
	void theIdleWarningTakesFocusAndStaySignedInKeepsTheSession() throws Exception {
		Fixtures.Staff nurse = nurse();
		try (Browser browser = new Browser(port)) {
			browser.signIn(nurse.username(), Fixtures.PASSWORD);
			// A session of 10 seconds warns after 5 (never more than half of it). Its
			// last use is put two minutes ahead so that, however slow the machine, it
			// cannot end on the server before Stay signed in is pressed: the page's
			// own timers are what this test is about (SessionExpiryTests has the end).
			shortenSession(browser, Duration.ofSeconds(10), Instant.now().plus(Duration.ofMinutes(2)));
			browser.open("/");
			var dialog = new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
				.until(driver -> driver.findElement(By.id("session-warning")).isDisplayed()
						? driver.findElement(By.id("session-warning")) : null);
			assertThat(dialog.getText()).contains("You will be signed out soon");
			assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
				.isEqualTo("session-warning-heading");
			// By keyboard: Tab to the first button, Enter.
			browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
			assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("session-stay");
			browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(driver -> !driver.findElement(By.id("session-warning")).isDisplayed());
			browser.open("/");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("My caseload");
		}
	}

	@Test
	void afterAResetThePersonMustChooseANewPasswordBeforeAnythingElse() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff admin = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		Fixtures.Staff nurse = nurse();
		try (Browser browser = new Browser(port)) {
			browser.signIn(admin.username(), Fixtures.PASSWORD);
			browser.open("/admin/accounts/" + directory.accountForSignIn(nurse.username()).orElseThrow().id());
			browser.clickThrough(By.id("reset-password"));
			String code = browser.text(By.id("reset-code"));
			browser.clickThrough(By.cssSelector("form[action$='/logout'] button"));

			browser.signIn(nurse.username(), code);
			assertThat(browser.text(By.id("password-heading"))).isEqualTo("Choose a new password");
			browser.open("/people");
			assertThat(browser.text(By.id("password-heading"))).isEqualTo("Choose a new password");
			browser.type("newPassword", "password12345");
			browser.type("confirmPassword", "password12345");
			browser.clickThrough(By.id("save-password"));
			assertThat(browser.text(By.cssSelector(".govuk-error-summary"))).contains("too easy to guess");
			browser.type("newPassword", NEW_PASSWORD);
			browser.type("confirmPassword", NEW_PASSWORD);
			browser.clickThrough(By.id("save-password"));
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("My caseload");
		}
	}

	@Test
	void twoStepSignInIsSetUpWithTheKeyShownAndThenAskedForAtSignIn() throws Exception {
		Fixtures.Staff nurse = nurse();
		try (Browser browser = new Browser(port)) {
			browser.signIn(nurse.username(), Fixtures.PASSWORD);
			browser.open("/account");
			browser.clickThrough(By.id("start-two-factor"));
			String key = browser.text(By.id("secret")).replace(" ", "");
			// A code from the step before, so the one used at sign-in is still unused.
			browser.type("code", TotpCodes.code(key, TotpCodes.stepNow() - 1));
			browser.clickThrough(By.id("confirm-two-factor"));
			assertThat(browser.text(By.id("two-factor-status"))).contains("is on");
			browser.clickThrough(By.cssSelector("form[action$='/logout'] button"));

			browser.signIn(nurse.username(), Fixtures.PASSWORD);
			assertThat(browser.text(By.id("code-heading"))).contains("authenticator app");
			browser.type("code", TotpCodes.code(key, TotpCodes.stepNow() + 1));
			browser.clickThrough(By.id("send-code"));
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("My caseload");
		}
	}

	private void endSession(Browser browser) {
		sessions.deleteById(sessionId(browser));
	}

	private void shortenSession(Browser browser, Duration timeout) {
		shorten(sessions, sessionId(browser), timeout);
	}

	private void shortenSession(Browser browser, Duration timeout, Instant lastUse) {
		shorten(sessions, sessionId(browser), timeout, lastUse);
	}

	private static <S extends Session> void shorten(SessionRepository<S> repository, String id, Duration timeout) {
		S session = repository.findById(id);
		session.setMaxInactiveInterval(timeout);
		repository.save(session);
	}

	private static <S extends Session> void shorten(SessionRepository<S> repository, String id, Duration timeout,
			Instant lastUse) {
		S session = repository.findById(id);
		session.setMaxInactiveInterval(timeout);
		session.setLastAccessedTime(lastUse);
		repository.save(session);
	}

	// The session is in the database (ADR 47); its cookie holds the id base64-encoded.
	private static String sessionId(Browser browser) {
		Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

	private Fixtures.Staff nurse() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		return fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
	}

}
