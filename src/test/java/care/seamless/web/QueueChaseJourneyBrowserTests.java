package care.seamless.web;

import java.time.LocalDate;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.ActionKind;
import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.PlanActions;
import care.seamless.notification.Notifications;
import care.seamless.shared.DataCategory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A team manager opens their queue, chases an overdue action of their team, and the owner
 * sees the notice counted in the navigation, reads who chased, and follows its link to
 * the action itself.
 */
@SeamlessTest
class QueueChaseJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	Fixtures baseFixtures;

	@Autowired
	PlanActions actions;

	@Autowired
	ActionQueues queues;

	@Autowired
	Notifications notifications;

	@Autowired
	care.seamless.team.Directory directory;

	@Test
	void aManagerChasesAnOverdueActionAndTheOwnerFollowsTheNoticeToIt() throws Exception {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID action = actions.add(p.socialWorker().actor(), p.person(), new NewAction(null, ActionKind.ACTION,
				"Order a perching stool", DataCategory.GENERAL, p.socialWorker().practitionerId(), LocalDate.now()));
		fixtures.makeOverdue(action, 3);
		queues.escalateOverdue();
		// The social worker made every change so far, so the chase is their only notice.

		try (Browser browser = new Browser(port)) {
			browser.signIn(p.councilManager().username(), Fixtures.PASSWORD);
			browser.clickThrough(By.id("nav-queue"));
			String row = browser.text(By.id("escalated-" + action));
			// The manager is not in the person's care team: the row says so, not who.
			assertThat(row).contains("A person in your team's care")
				.doesNotContain(p.familyName())
				.doesNotContain("perching stool");
			browser.clickThrough(By.id("chase-" + action));
			assertThat(browser.text(By.cssSelector(".govuk-notification-banner")))
				.contains("The owner has been sent a reminder");
		}

		await().until(() -> notifications.unread(p.socialWorker().actor()) == 1);
		try (Browser browser = new Browser(port)) {
			browser.signIn(p.socialWorker().username(), Fixtures.PASSWORD);
			// The words are for screen readers: visually hidden, so read as text content.
			assertThat(browser.driver().findElement(By.id("unread-count")).getAttribute("textContent").strip())
				.isEqualTo("1 unread notices");
			browser.clickThrough(By.id("nav-inbox"));
			String notice = browser.text(By.id("notices"));
			assertThat(notice).contains("Your team manager asked about an overdue action you own")
				.contains(p.familyName())
				.contains(directory.practitioner(p.councilManager().practitionerId()).displayName())
				.containsPattern("\\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} (GMT|BST)");
			browser.clickThrough(By.cssSelector("button.open-notice"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("/care-plan#action-" + action);
			assertThat(browser.text(By.id("action-" + action))).contains("Order a perching stool");
			assertThat(browser.driver().findElements(By.id("unread-count"))).isEmpty();
		}
	}

}
