package care.seamless.careplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.consent.AccessDenied;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.terminology.Audience;
import care.seamless.terminology.Terminology;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SeamlessTest
class CarePlansTests {

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	CarePlanRepository repository;

	@Autowired
	Terminology terminology;

	@Test
	void onePlanPerPersonWithHealthAndSocialCareObjectivesInIt() {
		Partnership p = fixtures.partnership();
		UUID first = carePlans.start(p.socialWorker().actor(), p.person(), null);
		assertThat(carePlans.start(p.nurse().actor(), p.person(), UUID.randomUUID())).isEqualTo(first);
		UUID outcome = carePlans.addOutcome(p.socialWorker().actor(), p.person(),
				"I want to get to the shops on my own again");
		NewObjective objective = CarePlanFixtures.objective("Get out to the shops", Section.SOCIAL_CARE,
				Set.of(p.council()));
		carePlans.addObjective(p.socialWorker().actor(), p.person(),
				new NewObjective(outcome, objective.section(), objective.description(), objective.target(),
						objective.measure(), objective.targetDate(), objective.needCodes(), objective.partners(),
						objective.category()));
		carePlans.addObjective(p.nurse().actor(), p.person(),
				CarePlanFixtures.objective("Leg ulcer healed", Section.HEALTH, Set.of(p.trust())));

		CarePlanView plan = carePlans.plan(p.nurse().actor(), p.person()).orElseThrow();
		assertThat(plan.id()).isEqualTo(first);
		assertThat(plan.outcomes()).extracting(Outcome::words)
			.containsExactly("I want to get to the shops on my own again");
		assertThat(plan.section(Section.HEALTH)).extracting(Objective::description).containsExactly("Leg ulcer healed");
		assertThat(plan.section(Section.SOCIAL_CARE)).singleElement()
			.satisfies(o -> assertThat(o.outcomeId()).isEqualTo(outcome));
	}

	@Test
	void showsNeedsInTheViewersOwnWords() {
		Partnership p = fixtures.partnership();
		carePlans.start(p.socialWorker().actor(), p.person(), null);
		carePlans.addObjective(p.socialWorker().actor(), p.person(),
				new NewObjective(null, Section.SOCIAL_CARE, "Washing", "Showers twice a week", "Diary",
						LocalDate.now().plusMonths(1), List.of("d510"), Set.of(p.council()), DataCategory.GENERAL));

		Need asNurseSees = carePlans.plan(p.nurse().actor(), p.person())
			.orElseThrow()
			.objectives()
			.get(0)
			.needs()
			.get(0);
		Need asSocialWorkerSees = carePlans.plan(p.socialWorker().actor(), p.person())
			.orElseThrow()
			.objectives()
			.get(0)
			.needs()
			.get(0);
		Need asPersonSees = carePlans.personsCopy(p.socialWorker().actor(), p.person())
			.plan()
			.objectives()
			.get(0)
			.needs()
			.get(0);

		assertThat(asNurseSees.display()).isEqualTo(terminology.display("d510", Audience.HEALTH))
			.isEqualTo("Washing oneself");
		assertThat(asSocialWorkerSees.display()).isEqualTo("Help with washing and bathing");
		assertThat(asPersonSees.display()).isEqualTo("Washing myself");
	}

	@Test
	void refusesAnObjectiveThatIsNotSpecificAndMeasurable() {
		Partnership p = fixtures.partnership();
		carePlans.start(p.socialWorker().actor(), p.person(), null);
		NewObjective good = CarePlanFixtures.objective("Shops", Section.SOCIAL_CARE, Set.of(p.council()));

		assertRule(() -> carePlans.addObjective(p.socialWorker().actor(), p.person(), withMeasure(good, " ")),
				"measure");
		assertRule(() -> carePlans.addObjective(p.socialWorker().actor(), p.person(), withDate(good, null)),
				"targetDate");
		assertRule(() -> carePlans.addObjective(p.socialWorker().actor(), p.person(),
				withDate(good, LocalDate.now().minusDays(1))), "targetDate");
		assertRule(() -> carePlans.addObjective(p.socialWorker().actor(), p.person(),
				new NewObjective(null, good.section(), good.description(), good.target(), good.measure(),
						good.targetDate(), List.of(), good.partners(), good.category())),
				"needCodes");
		assertRule(
				() -> carePlans.addObjective(p.socialWorker().actor(), p.person(),
						new NewObjective(null, good.section(), good.description(), good.target(), good.measure(),
								good.targetDate(), List.of("not-a-code"), good.partners(), good.category())),
				"needCodes");
		// A partner with nobody in the care team cannot sign up, so it cannot be named.
		assertRule(() -> carePlans.addObjective(p.socialWorker().actor(), p.person(),
				new NewObjective(null, good.section(), good.description(), good.target(), good.measure(),
						good.targetDate(), good.needCodes(), Set.of(care.seamless.shared.OrganisationId.random()),
						good.category())),
				"partners");

		assertThat(carePlans.plan(p.socialWorker().actor(), p.person()).orElseThrow().objectives()).isEmpty();
	}

	@Test
	void twoPartnersEditingTheSameObjectiveCannotLoseAnUpdate() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);
		Objective read = carePlans.plan(p.socialWorker().actor(), p.person()).orElseThrow().objective(ids[0]);

		carePlans.changeObjective(p.socialWorker().actor(), p.person(), ids[0], read.version(),
				withMeasure(CarePlanFixtures.objective("Shops", Section.SOCIAL_CARE, Set.of(p.council())), "Diary"));

		assertThatThrownBy(() -> carePlans.changeObjective(p.nurse().actor(), p.person(), ids[0], read.version(),
				withMeasure(CarePlanFixtures.objective("Shops", Section.SOCIAL_CARE, Set.of(p.council())), "Steps")))
			.isInstanceOf(ConcurrentEditException.class);
		Objective now = carePlans.plan(p.socialWorker().actor(), p.person()).orElseThrow().objective(ids[0]);
		assertThat(now.measure()).isEqualTo("Diary");
		// Another section (the other objective) is still free to change on its old
		// version.
		Objective health = carePlans.plan(p.nurse().actor(), p.person()).orElseThrow().objective(ids[1]);
		carePlans.changeObjective(p.nurse().actor(), p.person(), ids[1], health.version(),
				CarePlanFixtures.objective("Leg ulcer healed by spring", Section.HEALTH, Set.of(p.trust())));
	}

	@Test
	void someoneOutsideTheCareTeamCanNeitherReadNorChangeThePlan() {
		Partnership p = fixtures.partnership();
		Partnership other = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);

		assertThatThrownBy(() -> carePlans.plan(other.nurse().actor(), p.person())).isInstanceOf(AccessDenied.class);
		assertThatThrownBy(() -> carePlans.addOutcome(other.nurse().actor(), p.person(), "words"))
			.isInstanceOf(AccessDenied.class);
	}

	static void assertRule(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
		assertThatThrownBy(call).isInstanceOfSatisfying(CarePlanRule.class,
				r -> assertThat(r.field()).isEqualTo(field));
	}

	private static NewObjective withMeasure(NewObjective o, String measure) {
		return new NewObjective(o.outcomeId(), o.section(), o.description(), o.target(), measure, o.targetDate(),
				o.needCodes(), o.partners(), o.category());
	}

	private static NewObjective withDate(NewObjective o, LocalDate date) {
		return new NewObjective(o.outcomeId(), o.section(), o.description(), o.target(), o.measure(), date,
				o.needCodes(), o.partners(), o.category());
	}

}
