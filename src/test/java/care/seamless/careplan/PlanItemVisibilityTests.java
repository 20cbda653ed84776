package care.seamless.careplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.consent.WithheldReason;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.team.Directory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contingency section, review notes and attainment scores follow the item-level
 * policy, decided in the query like objectives and actions.
 */
@SeamlessTest
class PlanItemVisibilityTests {

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanReviews reviews;

	@Autowired
	PlanDiscussions discussions;

	@Autowired
	Choices choices;

	@Autowired
	PlanActions actions;

	@Autowired
	ActionQueues queues;

	@Autowired
	Directory directory;

	@Test
	void attainmentScoresFollowTheVisibilityOfTheirObjective() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);
		// The trust's mental health objective is not shared with the council.
		UUID mood = carePlans.addObjective(p.nurse().actor(), p.person(),
				new NewObjective(null, Section.HEALTH, "Feel less low", "Enjoys a day out each week",
						"The person's own rating", LocalDate.now().plusMonths(3), List.of("d450"), Set.of(p.trust()),
						DataCategory.MENTAL_HEALTH));
		reviews.record(p.nurse().actor(), p.person(), Review.Kind.SCHEDULED, LocalDate.now(), null,
				Map.of(ids[0], 1, mood, -1), Map.of(ids[1], 0, mood, -2));

		Review seenByNurse = plan(p, p.nurse()).reviews().get(0);
		assertThat(seenByNurse.scores()).extracting(Review.Score::objectiveId).contains(mood);

		CarePlanView seenBySocialWorker = plan(p, p.socialWorker());
		assertThat(seenBySocialWorker.objectives()).extracting(Objective::id).doesNotContain(mood);
		Review review = seenBySocialWorker.reviews().get(0);
		assertThat(review.scores()).extracting(Review.Score::objectiveId)
			.containsExactlyInAnyOrder(ids[0], ids[1])
			.doesNotContain(mood);
	}

	@Test
	void reviewNotesAreWithheldWhereThePolicySaysAndTheNoticeSaysWhoHoldsThem() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		reviews.record(p.nurse().actor(), p.person(), Review.Kind.AD_HOC, LocalDate.now(), "Low after her fall",
				Map.of(), Map.of());
		assertThat(plan(p, p.socialWorker()).reviews().get(0).notes()).isEqualTo("Low after her fall");

		objectsToTrustSharingWithCouncil(p);

		CarePlanView view = plan(p, p.socialWorker());
		assertThat(view.reviews()).singleElement().satisfies((r) -> {
			assertThat(r.notes()).isNull();
			assertThat(r.heldOn()).isEqualTo(LocalDate.now());
		});
		assertThat(view.withheld()).extracting(WithheldPart::reason).contains(WithheldReason.OBJECTION);
		assertThat(plan(p, p.nurse()).reviews().get(0).notes()).isEqualTo("Low after her fall");
	}

	@Test
	void theContingencySectionIsWithheldAndCannotBeOverwrittenBySomeoneWhoCannotSeeIt() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		discussions.saveContingency(p.nurse().actor(), p.person(), null, "Call the crisis team first",
				"Crisis line 0300 000 0000");
		objectsToTrustSharingWithCouncil(p);

		CarePlanView view = plan(p, p.socialWorker());
		assertThat(view.contingency()).isNull();
		assertThat(view.withheld()).extracting(WithheldPart::reason).contains(WithheldReason.OBJECTION);

		// As far as the social worker can tell there is no section yet; saving one does
		// not replace the trust's.
		assertThatThrownBy(() -> discussions.saveContingency(p.socialWorker().actor(), p.person(), null,
				"Call her daughter", "Out of hours social care"))
			.isInstanceOf(ConcurrentEditException.class);
		assertThatThrownBy(() -> discussions.saveContingency(p.socialWorker().actor(), p.person(), 0L,
				"Call her daughter", "Out of hours social care"))
			.isInstanceOf(ConcurrentEditException.class);
		assertThat(plan(p, p.nurse()).contingency().inACrisis()).isEqualTo("Call the crisis team first");
	}

	@Test
	void aQueueReturnsOnlyTheActionsTheViewerMaySeeAndNamesWhoHoldsTheRest() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID general = actions.add(p.nurse().actor(), p.person(), new NewAction(null, ActionKind.ACTION,
				"Check the dressing supplies", DataCategory.GENERAL, p.nurse().practitionerId(), LocalDate.now()));
		UUID mental = actions.add(p.nurse().actor(), p.person(), new NewAction(null, ActionKind.ACTION,
				"Follow up the low mood", DataCategory.MENTAL_HEALTH, p.nurse().practitionerId(), LocalDate.now()));
		for (Action action : plan(p, p.nurse()).actions()) {
			actions.offer(p.nurse().actor(), p.person(), action.id(), action.version(), p.council());
		}

		WorkQueues council = queues.queues(p.socialWorker().actor());
		assertThat(council.offeredIn()).extracting(QueueItem::actionId).containsExactly(general);
		assertThat(council.offeredIn()).allSatisfy((i) -> assertThat(i.description()).isNotBlank());
		assertThat(council.withheld()).singleElement().satisfies((w) -> {
			assertThat(w.reason()).isEqualTo(WithheldReason.NO_AGREEMENT);
			assertThat(w.organisationName()).isEqualTo(directory.organisation(p.trust()).name());
		});
		assertThat(queues.queues(p.nurse().actor()).overdue()).extracting(QueueItem::actionId).doesNotContain(mental);
	}

	private void objectsToTrustSharingWithCouncil(Partnership p) {
		choices.record(p.socialWorker().actor(), p.person(), new NewChoice(ChoiceKind.OBJECTION, p.council(),
				DataCategory.GENERAL, HowGiven.VERBAL, LocalDate.now(), null, null));
	}

	private CarePlanView plan(Partnership p, care.seamless.Fixtures.Staff viewer) {
		return carePlans.plan(viewer.actor(), p.person()).orElseThrow();
	}

}
