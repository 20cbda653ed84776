package care.seamless.careplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static care.seamless.careplan.CarePlansTests.assertRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SeamlessTest
class PlanReviewsAndDiscussionsTests {

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanReviews reviews;

	@Autowired
	PlanDiscussions discussions;

	@Test
	void reviewsKeepEveryScoreFromBothSidesAsHistory() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);

		reviews.record(p.socialWorker().actor(), p.person(), Review.Kind.SCHEDULED, LocalDate.now().minusMonths(1),
				null, Map.of(ids[0], -2), Map.of(ids[0], -1));
		reviews.record(p.nurse().actor(), p.person(), Review.Kind.AD_HOC, LocalDate.now(), "Going well",
				Map.of(ids[0], 1, ids[1], 0), Map.of(ids[0], 2));

		List<Review> history = plan(p).reviews();
		assertThat(history).extracting(Review::kind).containsExactly(Review.Kind.SCHEDULED, Review.Kind.AD_HOC);
		assertThat(history.get(0).score(ids[0], Review.Scorer.PERSON)).isEqualTo(-2);
		assertThat(history.get(1).score(ids[0], Review.Scorer.PERSON)).isEqualTo(1);
		assertThat(history.get(1).score(ids[0], Review.Scorer.PRACTITIONER)).isEqualTo(2);
		assertThat(history.get(1).score(ids[1], Review.Scorer.PRACTITIONER)).isNull();
	}

	@Test
	void aScoreOutOfRangeOrAFutureReviewSavesNothing() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);

		assertRule(() -> reviews.record(p.socialWorker().actor(), p.person(), Review.Kind.SCHEDULED, LocalDate.now(),
				null, Map.of(ids[0], 1), Map.of(ids[1], 3)), "practitionerScores[" + ids[1] + "]");
		assertRule(() -> reviews.record(p.socialWorker().actor(), p.person(), Review.Kind.SCHEDULED,
				LocalDate.now().plusDays(1), null, Map.of(), Map.of()), "heldOn");
		assertRule(() -> reviews.record(p.socialWorker().actor(), p.person(), Review.Kind.SCHEDULED, LocalDate.now(),
				null, Map.of(UUID.randomUUID(), 0), Map.of()), "personScores");

		assertThat(plan(p).reviews()).isEmpty();
	}

	@Test
	void optionsGoToThePersonWithEveryProfessionalsViewAndTheyChoose() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID id = discussions.addDecision(p.socialWorker().actor(), p.person(), "How should washing be supported?",
				List.of("Carers each morning", "Adaptations so she can shower alone", " "),
				List.of("Safer while the ulcer heals", "Keeps her independent"), DataCategory.GENERAL);
		Decision decision = plan(p).decisions().get(0);
		UUID adaptations = decision.options().get(1).id();
		// The nurse disagrees with the social worker; nothing waits for them to agree.
		discussions.addView(p.nurse().actor(), p.person(), adaptations, "Not until the ulcer has healed");

		discussions.recordChoice(p.socialWorker().actor(), p.person(), id, decision.version(), adaptations,
				"I want to manage on my own");

		Decision chosen = plan(p).decisions().get(0);
		assertThat(chosen.options()).hasSize(2);
		assertThat(chosen.options().get(1).views()).extracting(Decision.ProfessionalView::view)
			.containsExactly("Keeps her independent", "Not until the ulcer has healed");
		assertThat(chosen.chosenOptionId()).isEqualTo(adaptations);
		assertThat(chosen.choiceInOwnWords()).isEqualTo("I want to manage on my own");
		assertRule(() -> discussions.addDecision(p.socialWorker().actor(), p.person(), "Only one?",
				List.of("One option"), List.of(), DataCategory.GENERAL), "options");
	}

	@Test
	void theContingencySectionIsLockedOnItsOwn() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		discussions.saveContingency(p.socialWorker().actor(), p.person(), null, "Call her daughter",
				"Out-of-hours team 01632 960999");
		long read = plan(p).contingency().version();
		discussions.saveContingency(p.nurse().actor(), p.person(), read, "Call her daughter, then the GP",
				"Out-of-hours team 01632 960999");

		assertThatThrownBy(
				() -> discussions.saveContingency(p.socialWorker().actor(), p.person(), read, "Call 999", "111"))
			.isInstanceOf(ConcurrentEditException.class);
		assertThat(plan(p).contingency().inACrisis()).isEqualTo("Call her daughter, then the GP");
		assertRule(() -> discussions.addRisk(p.socialWorker().actor(), p.person(), "Goes out alone", " ", "Pendant",
				DataCategory.GENERAL), "personsChoice");
	}

	private CarePlanView plan(Partnership p) {
		return carePlans.plan(p.socialWorker().actor(), p.person()).orElseThrow();
	}

}
