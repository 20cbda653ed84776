package care.seamless.careplan;

import java.time.LocalDate;
import java.util.UUID;

import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.consent.WithheldReason;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeamRule;
import care.seamless.team.CareTeams;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

import org.springframework.beans.factory.annotation.Autowired;

import static care.seamless.careplan.CarePlansTests.assertRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SeamlessTest
class PlanActionsTests {

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanActions actions;

	@Autowired
	ActionQueues queues;

	@Autowired
	CareTeams careTeams;

	@Autowired
	ActionRepository repository;

	@Autowired
	care.seamless.Fixtures baseFixtures;

	@Test
	void anActionCannotBeSavedWithoutAnOwnerInTheCareTeam() {
		Partnership p = fixtures.partnership();
		Partnership elsewhere = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);

		assertRule(() -> actions.add(p.socialWorker().actor(), p.person(), action(null, 7)), "owner");
		assertRule(
				() -> actions.add(p.socialWorker().actor(), p.person(), action(elsewhere.nurse().practitionerId(), 7)),
				"owner");
		assertRule(
				() -> actions.add(p.socialWorker().actor(), p.person(), new NewAction(null, ActionKind.ACTION,
						"Order a perching stool", DataCategory.GENERAL, p.socialWorker().practitionerId(), null)),
				"dueOn");

		assertThat(plan(p).actions()).isEmpty();
	}

	@Test
	void anOfferLeavesTheOwnerAccountableUntilTheOtherSideAccepts() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID id = actions.add(p.socialWorker().actor(), p.person(), action(p.socialWorker().practitionerId(), 7));
		Action added = plan(p).actions().get(0);

		actions.offer(p.socialWorker().actor(), p.person(), id, added.version(), p.charity());
		Action offered = plan(p).actions().get(0);
		assertThat(offered.ownerId()).isEqualTo(p.socialWorker().practitionerId());
		assertThat(offered.offeredToId()).isEqualTo(p.charity());
		assertThat(queues.queues(p.supportWorker().actor()).offeredIn()).extracting(QueueItem::actionId).contains(id);
		// The nurse's trust was not offered it, so cannot take it.
		assertRule(() -> actions.accept(p.nurse().actor(), p.person(), id, offered.version()), "owner");

		actions.accept(p.supportWorker().actor(), p.person(), id, offered.version());

		Action accepted = plan(p).actions().get(0);
		assertThat(accepted.ownerId()).isEqualTo(p.supportWorker().practitionerId());
		assertThat(accepted.ownerOrganisationId()).isEqualTo(p.charity());
		assertThat(accepted.offeredToId()).isNull();
		assertThat(repository.historyEvents(id)).containsExactly("created", "offered", "accepted");
		assertThatThrownBy(() -> actions.changeStatus(p.supportWorker().actor(), p.person(), id, offered.version(),
				ActionStatus.DONE))
			.isInstanceOf(ConcurrentEditException.class);
	}

	@Test
	void anOverdueActionEscalatesToTheOwnersTeamManagerAndTheOrganisationsQueue() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID overdue = actions.add(p.socialWorker().actor(), p.person(), action(p.socialWorker().practitionerId(), 0));
		fixtures.makeOverdue(overdue, 3);
		UUID notYet = actions.add(p.socialWorker().actor(), p.person(), action(p.socialWorker().practitionerId(), 3));

		// Through the scheduler's own entry on the object itself, as the scheduler calls
		// it (past the proxy): it must open its own transaction.
		ActionQueues target = AopTestUtils.getTargetObject(queues);
		ReflectionTestUtils.invokeMethod(target, "escalateOnSchedule");

		// The manager is not in the person's care team: the action is listed for them to
		// chase or reassign, but neither the person nor what the action says is shown.
		WorkQueues outside = queues.queues(p.councilManager().actor());
		assertThat(outside.escalated()).extracting(QueueItem::actionId).contains(overdue).doesNotContain(notYet);
		assertThat(outside.escalated()).filteredOn(i -> i.actionId().equals(overdue)).singleElement().satisfies(i -> {
			assertThat(i.personName()).isNull();
			assertThat(i.description()).isNull();
			assertThat(i.openable()).isFalse();
		});
		assertThat(outside.withheld()).extracting(WithheldPart::reason).contains(WithheldReason.NO_RELATIONSHIP);
		baseFixtures.addToCareTeam(p.person(), p.councilManager());
		WorkQueues manager = queues.queues(p.councilManager().actor());
		assertThat(manager.escalated()).extracting(QueueItem::actionId).contains(overdue).doesNotContain(notYet);
		assertThat(manager.escalated()).filteredOn(i -> i.actionId().equals(overdue)).singleElement().satisfies(i -> {
			assertThat(i.personName()).endsWith(p.familyName());
			assertThat(i.description()).isNotBlank();
			assertThat(i.openable()).isTrue();
		});
		assertThat(queues.queues(p.socialWorker().actor()).overdue()).extracting(QueueItem::actionId)
			.contains(overdue)
			.doesNotContain(notYet);
		assertThat(plan(p).actions()).filteredOn(a -> a.id().equals(overdue))
			.singleElement()
			.satisfies(a -> assertThat(a.escalatedAt()).isNotNull());
	}

	@Test
	void anActionCannotBeCreatedAlreadyOverdue() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);

		assertRule(
				() -> actions.add(p.socialWorker().actor(), p.person(), action(p.socialWorker().practitionerId(), -1)),
				"dueOn");

		assertThat(plan(p).actions()).isEmpty();
		actions.add(p.socialWorker().actor(), p.person(), action(p.socialWorker().practitionerId(), 0));
		assertThat(plan(p).actions()).hasSize(1);
	}

	@Test
	void anActionForAnotherOrganisationIsAnOfferUntilItAccepts() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);

		UUID id = actions.add(p.socialWorker().actor(), p.person(), action(p.supportWorker().practitionerId(), 7));

		Action added = plan(p).actions().get(0);
		assertThat(added.ownerId()).isEqualTo(p.socialWorker().practitionerId());
		assertThat(added.offeredToId()).isEqualTo(p.charity());
		actions.accept(p.supportWorker().actor(), p.person(), id, added.version());
		assertThat(plan(p).actions().get(0).ownerId()).isEqualTo(p.supportWorker().practitionerId());
		assertThat(repository.historyEvents(id)).containsExactly("created", "offered", "accepted");
	}

	@Test
	void reassigningToAnotherOrganisationIsAnOfferOnEveryPath() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID fromPlan = actions.add(p.socialWorker().actor(), p.person(), action(p.socialWorker().practitionerId(), 0));
		UUID fromQueue = actions.add(p.socialWorker().actor(), p.person(),
				action(p.socialWorker().practitionerId(), 0));
		fixtures.makeOverdue(fromQueue, 2);

		assertThat(actions.reassign(p.socialWorker().actor(), p.person(), fromPlan, version(p, fromPlan),
				p.nurse().practitionerId()))
			.isTrue();
		assertThat(queues.reassign(p.councilManager().actor(), fromQueue, version(p, fromQueue),
				p.nurse().practitionerId()))
			.isTrue();

		for (UUID id : new UUID[] { fromPlan, fromQueue }) {
			Action offered = action(p, id);
			assertThat(offered.ownerId()).as("the owner stays accountable")
				.isEqualTo(p.socialWorker().practitionerId());
			assertThat(offered.offeredToId()).isEqualTo(p.trust());
		}
		actions.accept(p.nurse().actor(), p.person(), fromQueue, version(p, fromQueue));
		assertThat(action(p, fromQueue).ownerId()).isEqualTo(p.nurse().practitionerId());
	}

	@Test
	void aManagerReassignsWithinTheirOrganisationAndOnlyManagersOfTheOwnersTeamMayChaseOrReassign() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID id = actions.add(p.socialWorker().actor(), p.person(), action(p.socialWorker().practitionerId(), 0));
		fixtures.makeOverdue(id, 2);
		baseFixtures.addToCareTeam(p.person(), p.councilManager());

		assertRule(() -> queues.chase(p.charityManager().actor(), id), "action");
		Partnership elsewhere = fixtures.partnership();
		assertThatThrownBy(() -> queues.chase(elsewhere.councilManager().actor(), id))
			.isInstanceOf(care.seamless.consent.AccessDenied.class);
		assertRule(() -> queues.reassign(p.charityManager().actor(), id, version(p, id),
				p.supportWorker().practitionerId()), "action");
		assertThat(queues.reassign(p.councilManager().actor(), id, version(p, id), p.councilManager().practitionerId()))
			.isFalse();

		assertThat(action(p, id).ownerId()).isEqualTo(p.councilManager().practitionerId());
		assertThat(repository.historyEvents(id)).containsExactly("created", "reassigned");
	}

	private long version(Partnership p, UUID id) {
		return action(p, id).version();
	}

	private Action action(Partnership p, UUID id) {
		return plan(p).actions().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void nobodyLeavesTheCareTeamWhileOwningOpenActions() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID id = actions.add(p.socialWorker().actor(), p.person(), action(p.supportWorker().practitionerId(), 7));
		actions.accept(p.supportWorker().actor(), p.person(), id, version(p, id));
		CareTeamMember member = member(p, p.supportWorker().practitionerId());

		assertThatThrownBy(() -> careTeams.endMembership(p.socialWorker().actor(), member.id(), member.version()))
			.isInstanceOf(CareTeamRule.class)
			.hasMessageContaining("new owner");
		assertThat(careTeams.isCurrentMember(p.person(), p.supportWorker().practitionerId())).isTrue();

		// A new owner must be in the care team too.
		Action action = plan(p).actions().get(0);
		assertRule(() -> actions.reassign(p.supportWorker().actor(), p.person(), id, action.version(),
				p.charityManager().practitionerId()), "owner");
		baseFixtures.addToCareTeam(p.person(), p.charityManager());
		actions.reassign(p.supportWorker().actor(), p.person(), id, action.version(),
				p.charityManager().practitionerId());
		careTeams.endMembership(p.socialWorker().actor(), member.id(), member.version());
		assertThat(careTeams.isCurrentMember(p.person(), p.supportWorker().practitionerId())).isFalse();
	}

	private CareTeamMember member(Partnership p, care.seamless.shared.PractitionerId practitioner) {
		return careTeams.members(p.person())
			.stream()
			.filter(m -> m.practitionerId().equals(practitioner) && m.periodEnd() == null)
			.findFirst()
			.orElseThrow();
	}

	private CarePlanView plan(Partnership p) {
		return carePlans.plan(p.socialWorker().actor(), p.person()).orElseThrow();
	}

	static NewAction action(care.seamless.shared.PractitionerId owner, int dueInDays) {
		return new NewAction(null, ActionKind.ACTION, "Arrange a walking partner for shop trips", DataCategory.GENERAL,
				owner, LocalDate.now().plusDays(dueInDays));
	}

}
