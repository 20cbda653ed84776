package care.seamless.notification;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.ActionKind;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.Section;
import care.seamless.shared.DataCategory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SeamlessTest
class NotificationsTests {

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanActions actions;

	@Autowired
	ActionQueues queues;

	@Autowired
	Notifications notifications;

	@Autowired
	MockMvc mvc;

	@Test
	void onlyTheConcernedPartnersHearOfAnObjectiveAndNeverTheAuthor() {
		Partnership p = fixtures.partnership();
		carePlans.start(p.socialWorker().actor(), p.person(), null);

		carePlans.addObjective(p.socialWorker().actor(), p.person(),
				CarePlanFixtures.objective("Leg ulcer healed", Section.HEALTH, Set.of(p.trust())));

		await().untilAsserted(() -> assertThat(notifications.inbox(p.nurse().actor())).extracting(Notice::kind)
			.containsExactly("careplan.objective_added"));
		assertThat(notifications.inbox(p.supportWorker().actor())).isEmpty();
		assertThat(notifications.inbox(p.socialWorker().actor())).isEmpty();
		Notice notice = notifications.inbox(p.nurse().actor()).get(0);
		assertThat(notice.link()).isEqualTo("/people/" + p.person() + "/care-plan");
		// The nurse may open the record, so the notice names the person; it never says
		// what changed.
		assertThat(notice.personName()).endsWith(p.familyName());
		assertThat(notice.byName()).isNotBlank();
		assertThat(notice.toString()).doesNotContain("Leg ulcer");
	}

	@Test
	void anEscalationReachesTheOwnersManagerWithALinkToTheirQueue() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID action = actions.add(p.socialWorker().actor(), p.person(), new NewAction(null, ActionKind.ACTION,
				"Overdue thing", DataCategory.GENERAL, p.socialWorker().practitionerId(), java.time.LocalDate.now()));
		fixtures.makeOverdue(action, 1);

		queues.escalateOverdue();

		await().untilAsserted(
				() -> assertThat(notifications.inbox(p.councilManager().actor())).extracting(Notice::kind, Notice::link)
					.contains(org.assertj.core.groups.Tuple.tuple("careplan.action_escalated",
							"/care-plans/queue#escalated-" + action)));
	}

	@Test
	void openingANoticeMarksItReadAndNobodyOpensAnothersNotice() throws Exception {
		Partnership p = fixtures.partnership();
		carePlans.start(p.socialWorker().actor(), p.person(), null);
		carePlans.addObjective(p.socialWorker().actor(), p.person(),
				CarePlanFixtures.objective("Leg ulcer healed", Section.HEALTH, Set.of(p.trust())));
		await().until(() -> !notifications.inbox(p.nurse().actor()).isEmpty());
		UUID id = notifications.inbox(p.nurse().actor()).get(0).id();

		mvc.perform(
				post("/notifications/" + id + "/open").with(httpBasic(p.supportWorker().username(), Fixtures.PASSWORD))
					.with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/notifications/" + id + "/open").with(httpBasic(p.nurse().username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(redirectedUrl("/people/" + p.person() + "/care-plan"));

		List<Notice> inbox = notifications.inbox(p.nurse().actor());
		assertThat(inbox.get(0).unread()).isFalse();
		assertThat(notifications.unread(p.nurse().actor())).isZero();
	}

}
