package care.seamless.notification;

import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.careplan.ActionKind;
import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.PlanActions;
import care.seamless.shared.DataCategory;
import care.seamless.team.Directory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A chased owner hears who asked and about which action; a notice names the person only
 * where the reader may open the record when reading; the navigation counts what is
 * unread.
 */
@SeamlessTest
class ChaseAndUnreadNoticesTests {

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
	AuditLog auditLog;

	@Autowired
	Directory directory;

	@Autowired
	MockMvc mvc;

	@Test
	void aChasedOwnerIsToldWhoChasedWhichActionAndTheChaseIsAudited() throws Exception {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID action = overdueAction(p);

		mvc.perform(post("/care-plans/queue/" + action + "/chase")
			.with(httpBasic(p.councilManager().username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(redirectedUrl("/care-plans/queue#escalated-heading"));

		String link = "/people/" + p.person() + "/care-plan#action-" + action;
		await().untilAsserted(() -> assertThat(notifications.inbox(p.socialWorker().actor()))
			.filteredOn(n -> n.kind().equals("careplan.action_chased"))
			.singleElement()
			.satisfies(n -> {
				assertThat(n.link()).isEqualTo(link);
				assertThat(n.personName()).endsWith(p.familyName());
				assertThat(n.byName())
					.isEqualTo(directory.practitioner(p.councilManager().practitionerId()).displayName());
			}));
		assertThat(auditLog.historyOf(p.person(), 50)).extracting(AuditEntry::action, AuditEntry::outcome)
			.contains(org.assertj.core.groups.Tuple.tuple("chase-action", "PERMITTED"));

		// A manager of another team in the care team is refused by the plan's rule; a
		// manager with no part in the person's care by the access policy, audited.
		mvc.perform(post("/care-plans/queue/" + action + "/chase")
			.with(httpBasic(p.charityManager().username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(redirectedUrl("/care-plans/queue#escalated-heading"));
		Partnership elsewhere = fixtures.partnership();
		mvc.perform(post("/care-plans/queue/" + action + "/chase")
			.with(httpBasic(elsewhere.councilManager().username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(auditLog.historyOf(p.person(), 50)).extracting(AuditEntry::account, AuditEntry::outcome)
			.contains(org.assertj.core.groups.Tuple.tuple(elsewhere.councilManager().username(), "DENIED"));
		assertThat(notifications.inbox(p.socialWorker().actor()))
			.filteredOn(n -> n.kind().equals("careplan.action_chased"))
			.hasSize(1);
	}

	@Test
	void aNoticeNamesThePersonOnlyWhileTheReaderMayOpenTheRecord() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		overdueAction(p);
		queues.escalateOverdue();

		// The manager is not in the care team: the escalation says someone in the team's
		// care, not who.
		await().until(() -> notifications.inbox(p.councilManager().actor())
			.stream()
			.anyMatch(n -> n.kind().equals("careplan.action_escalated")));
		assertThat(escalation(p).personName()).isNull();
		assertThat(escalation(p).toString()).doesNotContain(p.familyName());

		baseFixtures.addToCareTeam(p.person(), p.councilManager());
		assertThat(escalation(p).personName()).endsWith(p.familyName());
	}

	@Test
	void theNavigationCountsUnreadNoticesInWordsAScreenReaderSays() throws Exception {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		await().until(() -> notifications.unread(p.nurse().actor()) > 0);
		long unread = notifications.unread(p.nurse().actor());

		mvc.perform(get("/").with(httpBasic(p.nurse().username(), Fixtures.PASSWORD)))
			.andExpect(content().string(containsString(
					"<span>" + unread + "</span> <span class=\"govuk-visually-hidden\">unread notices</span>")));

		for (Notice notice : notifications.inbox(p.nurse().actor())) {
			notifications.open(p.nurse().actor(), notice.id());
		}
		assertThat(notifications.unread(p.nurse().actor())).isZero();
		mvc.perform(get("/").with(httpBasic(p.nurse().username(), Fixtures.PASSWORD)))
			.andExpect(content().string(not(containsString("unread notices"))));
	}

	private Notice escalation(Partnership p) {
		return notifications.inbox(p.councilManager().actor())
			.stream()
			.filter(n -> n.kind().equals("careplan.action_escalated"))
			.findFirst()
			.orElseThrow();
	}

	private UUID overdueAction(Partnership p) {
		UUID action = actions.add(p.socialWorker().actor(), p.person(),
				new NewAction(null, ActionKind.ACTION, "Order a perching stool", DataCategory.GENERAL,
						p.socialWorker().practitionerId(), java.time.LocalDate.now()));
		fixtures.makeOverdue(action, 2);
		return action;
	}

}
