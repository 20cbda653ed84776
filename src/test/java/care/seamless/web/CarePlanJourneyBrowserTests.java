package care.seamless.web;

import care.seamless.document.Pdfs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.consent.Choices;
import care.seamless.person.People;
import care.seamless.person.Relationship;
import org.junit.jupiter.api.Test;
import care.seamless.assessment.AnswerSource;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.instrument.Stage;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A social worker drafts a plan; a district nurse signs up for the health objective; the
 * person's advocate disagrees with one objective; an action is offered to the voluntary
 * organisation, which accepts it; an overdue action reaches the manager's queue; and the
 * person's printable copy says it all in plain English.
 */
@SeamlessTest
class CarePlanJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	People people;

	@Autowired
	Choices choices;

	@Autowired
	ActionQueues queues;

	@Autowired
	Assessments assessments;

	@Autowired
	care.seamless.team.Directory directory;

	@Test
	void partnersAgreeAPlanHandOverAnActionAndThePersonGetsTheirCopy() throws Exception {
		Partnership p = fixtures.partnership();
		people.addRelatedPerson(p.socialWorker().actor(), p.person(), Relationship.CARE_ACT_ADVOCATE,
				"Riverside Advocacy Hub", null, null, true);
		choices.assessCapacity(p.socialWorker().actor(), p.person(), true, false, false, true, true, null);
		String plan = "/people/" + p.person() + "/care-plan";
		// The district nurse has assessed the person: the plan is drafted from that.
		EpisodeId episode = assessments.open(p.nurse().actor(), p.person(), Stage.OVERVIEW);
		assessments.saveSection(p.nurse().actor(), p.person(), episode, "sap-overview", "users-perspective", 0,
				AnswerSource.PERSON, Map.of("own-words", "Since my fall I stay in.", "what-matters",
						"I want to wash myself and get to the shops again"));

		try (Browser browser = new Browser(port)) {
			browser.signIn(p.socialWorker().username(), Fixtures.PASSWORD);
			browser.open("/people/" + p.person());
			browser.clickThrough(browser.driver().findElement(By.id("care-plan-link")));
			assertThat(browser.text(By.id("plan-basis"))).contains("overview assessment");
			browser.clickThrough(browser.waitFor(By.id("start-plan")));
			assertThat(browser.text(By.cssSelector("li.seamless-own-words")))
				.contains("I want to wash myself and get to the shops again");

			addObjective(browser, "SOCIAL_CARE", "Get out to the shops again", "Shops twice a week", "Diary", "d450",
					p.council().toString(), p.charity().toString());
			addObjective(browser, "HEALTH", "Wash without pain", "Showers three times a week",
					"Pain score after washing", "d510", p.trust().toString());
			assertThat(browser.text(By.id("outstanding"))).contains("has not signed up to")
				.contains("Wash without pain");

			// The person lacks capacity for this decision: their advocate gives their
			// view.
			WebElement social = objective(browser, "Get out to the shops again");
			browser.clickThrough(social.findElement(By.cssSelector("a.persons-view-link")));
			browser.waitFor(By.id("persons-view-form"));
			browser.driver().findElement(By.cssSelector("label[for=view-DISAGREES]")).click();
			browser.clickThrough(browser.driver().findElement(By.id("save-view")));
			assertThat(browser.text(By.cssSelector(".govuk-error-summary"))).contains("lacks capacity");
			browser.driver().findElement(By.xpath("//label[contains(., 'Riverside Advocacy Hub')]")).click();
			browser.driver().findElement(By.cssSelector("label[for=view-DISAGREES]")).click();
			browser.type("reason", "She would rather have her shopping delivered");
			browser.clickThrough(browser.driver().findElement(By.id("save-view")));
			WebElement view = objective(browser, "Get out to the shops again")
				.findElement(By.cssSelector(".persons-view"));
			assertThat(view.getText()).contains("Disagrees")
				.contains("Riverside Advocacy Hub")
				.contains("She would rather have her shopping delivered");

			addAction(browser, "Find a walking partner for shop trips", p.socialWorker().practitionerId().toString(),
					LocalDate.now().plusDays(14));
			WebElement row = actionRow(browser, "Find a walking partner");
			new Select(row.findElement(By.cssSelector("select[name=organisation]")))
				.selectByValue(p.charity().toString());
			browser.clickThrough(row.findElement(By.cssSelector("button[id^=offer-]")));
			assertThat(actionRow(browser, "Find a walking partner").findElement(By.cssSelector(".offered")).getText())
				.contains("not yet accepted");

			addAction(browser, "Order a perching stool", p.socialWorker().practitionerId().toString(), LocalDate.now());
			// An action cannot be created overdue: time passes in the database.
			fixtures.makeOverdue(java.util.UUID.fromString(
					actionRow(browser, "Order a perching stool").getAttribute("id").substring("action-".length())), 2);
		}

		try (Browser browser = new Browser(port)) {
			browser.signIn(p.nurse().username(), Fixtures.PASSWORD);
			browser.clickThrough(browser.driver().findElement(By.id("nav-inbox")));
			String inbox = browser.text(By.id("notices"));
			// The nurse may open the record, so the notice names the person.
			assertThat(inbox).contains("A new objective was added to a plan you contribute to")
				.contains(p.familyName());
			browser.clickThrough(browser.driver().findElement(By.cssSelector("button.open-notice")));
			WebElement health = objective(browser, "Wash without pain");
			assertThat(health.getText()).contains("Washing oneself");
			browser.clickThrough(health.findElement(By.cssSelector("button.sign-up")));
			assertThat(objective(browser, "Wash without pain").findElement(By.cssSelector(".partners")).getText())
				.contains("Signed up");
		}

		try (Browser browser = new Browser(port)) {
			browser.signIn(p.supportWorker().username(), Fixtures.PASSWORD);
			browser.clickThrough(browser.driver().findElement(By.id("nav-queue")));
			assertThat(browser.text(By.id("offeredIn"))).contains("Find a walking partner");
			browser.clickThrough(browser.driver().findElement(By.cssSelector("#offeredIn a")));
			browser.clickThrough(
					actionRow(browser, "Find a walking partner").findElement(By.cssSelector("button[id^=accept-]")));
			assertThat(actionRow(browser, "Find a walking partner").findElement(By.cssSelector(".owner")).getText())
				.isEqualTo(directory.practitioner(p.supportWorker().practitionerId()).displayName());
			assertThat(browser.text(By.cssSelector(".govuk-notification-banner"))).contains("You are now the owner");
		}

		queues.escalateOverdue();
		try (Browser browser = new Browser(port)) {
			browser.signIn(p.councilManager().username(), Fixtures.PASSWORD);
			browser.clickThrough(browser.driver().findElement(By.id("nav-queue")));
			// The manager is not in the person's care team: the action is not listed, but
			// the page says the council holds actions withheld from them.
			assertThat(browser.text(By.cssSelector(".govuk-inset-text")))
				.contains(directory.organisation(p.council()).name());
			assertThat(browser.text(By.tagName("body"))).doesNotContain("perching stool")
				.doesNotContain(p.familyName());
		}

		try (Browser browser = new Browser(port)) {
			browser.signIn(p.socialWorker().username(), Fixtures.PASSWORD);
			browser.open(plan);
			String pdfText = pdfText(browser, plan + "/persons-copy.pdf");
			assertThat(pdfText).contains("Your care and support plan")
				.contains("Get out to the shops again")
				.contains("Wash without pain")
				.contains("This is about: Washing myself")
				.contains("You said you do not agree with this.")
				.doesNotContain("Washing oneself");
		}
	}

	private static void addObjective(Browser browser, String section, String description, String target, String measure,
			String need, String... partners) {
		browser.clickThrough(browser.driver().findElement(By.id("add-objective")));
		browser.waitFor(By.id("objective-form"));
		browser.driver()
			.findElement(By.xpath("//input[@name='section' and @value='" + section + "']/following-sibling::label"))
			.click();
		browser.type("description", description);
		browser.type("target", target);
		browser.type("measure", measure);
		LocalDate date = LocalDate.now().plusMonths(3);
		browser.type("targetDay", Integer.toString(date.getDayOfMonth()));
		browser.type("targetMonth", Integer.toString(date.getMonthValue()));
		browser.type("targetYear", Integer.toString(date.getYear()));
		String needBox = browser.driver()
			.findElement(By.cssSelector("input[name=needCodes][value='" + need + "']"))
			.getAttribute("id");
		browser.driver().findElement(By.cssSelector("label[for='" + needBox + "']")).click();
		for (String partner : partners) {
			browser.driver().findElement(By.cssSelector("label[for='partner-" + partner + "']")).click();
		}
		browser.clickThrough(browser.driver().findElement(By.id("save-objective")));
		browser.waitFor(By.id("plan-status"));
	}

	private static void addAction(Browser browser, String description, String owner, LocalDate due) {
		browser.clickThrough(browser.driver().findElement(By.id("add-action")));
		browser.waitFor(By.id("action-form"));
		browser.type("description", description);
		new Select(browser.driver().findElement(By.id("owner"))).selectByValue(owner);
		browser.type("dueDay", Integer.toString(due.getDayOfMonth()));
		browser.type("dueMonth", Integer.toString(due.getMonthValue()));
		browser.type("dueYear", Integer.toString(due.getYear()));
		browser.clickThrough(browser.driver().findElement(By.id("save-action")));
		browser.waitFor(By.id("action-table"));
	}

	private static WebElement objective(Browser browser, String description) {
		return browser.waitFor(By
			.xpath("//div[contains(@class,'govuk-summary-card') and .//h4[normalize-space()='" + description + "']]"));
	}

	private static WebElement actionRow(Browser browser, String description) {
		return browser.waitFor(By.xpath("//tr[td[contains(., '" + description + "')]]"));
	}

	/** Fetches the PDF in the browser's signed-in session and extracts its text. */
	private String pdfText(Browser browser, String path) throws Exception {
		Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Cookie", "JSESSIONID=" + session.getValue())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> t.startsWith("application/pdf"));
		return Pdfs.words(response.body());
	}

}
