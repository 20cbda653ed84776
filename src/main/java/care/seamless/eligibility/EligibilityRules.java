package care.seamless.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The eligibility tests of the Care and Support (Eligibility Criteria) Regulations 2015,
 * and the FACS band test they replaced, as plain functions of the recorded facts. Each
 * condition says whether it is met and why, so the practitioner, the person and the audit
 * trail see the same reasoning.
 */
public final class EligibilityRules {

	/** The day the Care Act criteria replaced FACS. */
	public static final LocalDate CARE_ACT_IN_FORCE = LocalDate.of(2015, 4, 1);

	private EligibilityRules() {
	}

	public static EligibilityResult decide(Facts facts) {
		List<Problem> problems = new ArrayList<>();
		List<ConditionResult> conditions = switch (facts.kind()) {
			case ADULT -> adult(facts, problems);
			case CARER -> carer(facts, problems);
			case FACS -> facs(facts, problems);
		};
		boolean eligible = conditions.stream().allMatch(ConditionResult::met);
		return new EligibilityResult(eligible, conditions, problems);
	}

	private static List<ConditionResult> adult(Facts facts, List<Problem> problems) {
		checkAnswered(facts.needsArise(), "needsArise",
				"Say whether the needs arise from or relate to a physical or mental impairment or illness", problems);
		checkOutcomes(facts, problems);
		checkWellbeing(facts, problems);
		List<Unable> counted = facts.counted();
		ConditionResult needs = yesNo(1, "Needs arise from or relate to a physical or mental impairment or illness",
				facts.needsArise(), "The needs arise from or relate to a physical or mental impairment or illness.",
				"The needs do not arise from or relate to a physical or mental impairment or illness.");
		boolean twoOrMore = counted.size() >= 2;
		String outcomesReason = counted.isEmpty()
				? "The person is not unable to achieve any of the specified outcomes; two or more are needed."
				: "The person is unable to achieve " + counted.size() + " of the specified outcomes"
						+ (twoOrMore ? "" : "; two or more are needed") + ": " + describe(facts.kind(), counted) + ".";
		ConditionResult outcomes = new ConditionResult(2,
				"As a result, unable to achieve two or more of the specified outcomes", twoOrMore, outcomesReason);
		return List.of(needs, outcomes, wellbeing(facts));
	}

	private static List<ConditionResult> carer(Facts facts, List<Problem> problems) {
		checkAnswered(facts.needsArise(), "needsArise",
				"Say whether the needs arise as a consequence of providing necessary care for an adult", problems);
		checkAnswered(facts.healthAtRisk(), "healthAtRisk",
				"Say whether the carer's physical or mental health is, or is at risk of, deteriorating", problems);
		checkOutcomes(facts, problems);
		checkWellbeing(facts, problems);
		List<Unable> counted = facts.counted();
		ConditionResult needs = yesNo(1, "Needs arise as a consequence of providing necessary care for an adult",
				facts.needsArise(), "The needs arise as a consequence of providing necessary care for an adult.",
				"The needs do not arise as a consequence of providing necessary care for an adult.");
		boolean health = Boolean.TRUE.equals(facts.healthAtRisk());
		List<String> reasons = new ArrayList<>();
		reasons.add(health ? "The carer's physical or mental health is, or is at risk of, deteriorating."
				: "The carer's health is not found to be deteriorating or at risk.");
		reasons.add(counted.isEmpty() ? "The carer is not unable to achieve any of the carer's outcomes."
				: "The carer is unable to achieve " + counted.size() + " of the carer's outcomes (one is enough): "
						+ describe(facts.kind(), counted) + ".");
		ConditionResult effect = new ConditionResult(2,
				"As a result, health is or is at risk of deteriorating, or unable to achieve any of the carer's outcomes",
				health || !counted.isEmpty(), String.join(" ", reasons));
		return List.of(needs, effect, wellbeing(facts));
	}

	private static List<ConditionResult> facs(Facts facts, List<Problem> problems) {
		if (facts.band() == null) {
			problems.add(new Problem("band", "Choose the FACS band that was decided"));
		}
		if (facts.threshold() == null) {
			problems.add(new Problem("threshold", "Choose the council's eligibility threshold at the time"));
		}
		LocalDate decided = facts.historicDecisionDate();
		if (decided == null) {
			problems.add(new Problem("historicDecisionDate", "Enter the date the band was decided"));
		}
		else if (!decided.isBefore(CARE_ACT_IN_FORCE)) {
			problems.add(new Problem("historicDecisionDate",
					"FACS was replaced by the Care Act on 1 April 2015: record later decisions under the Care Act"));
		}
		if (facts.band() == null || facts.threshold() == null) {
			return List.of(new ConditionResult(1, "Band meets the council's threshold", false,
					"The band or the threshold is not recorded."));
		}
		boolean meets = facts.band().meets(facts.threshold());
		return List.of(new ConditionResult(1, "Band meets the council's threshold", meets,
				"The needs were banded " + name(facts.band()) + (meets ? ", which meets" : ", which is below")
						+ " the council's threshold of " + name(facts.threshold()) + "."));
	}

	private static ConditionResult wellbeing(Facts facts) {
		String reason;
		if (Boolean.TRUE.equals(facts.significantImpact())) {
			reason = "There is, or is likely to be, a significant impact on wellbeing"
					+ (facts.wellbeing().isEmpty() ? "." : ": " + areas(facts) + ".");
		}
		else {
			reason = facts.significantImpact() == null ? "Not answered."
					: "There is not, and is not likely to be, a significant impact on wellbeing.";
		}
		return new ConditionResult(3, "As a consequence, a significant impact on wellbeing",
				Boolean.TRUE.equals(facts.significantImpact()), reason);
	}

	private static void checkOutcomes(Facts facts, List<Problem> problems) {
		for (Unable unable : facts.unable()) {
			Outcome outcome = Outcome.of(facts.kind(), unable.outcome()).orElse(null);
			if (outcome == null) {
				problems.add(new Problem("outcomes", "Choose outcomes from the list"));
			}
			else if (unable.sense() == null) {
				problems.add(new Problem("sense-" + unable.outcome(),
						"Say in what way they are unable to achieve: " + outcome.regulationWording()));
			}
			else if (!unable.sense().appliesTo(facts.kind())) {
				problems.add(new Problem("sense-" + unable.outcome(),
						"For a carer, choose (a), (b) or (c) for: " + outcome.regulationWording()));
			}
		}
	}

	private static void checkWellbeing(Facts facts, List<Problem> problems) {
		checkAnswered(facts.significantImpact(), "significantImpact",
				"Say whether there is, or is likely to be, a significant impact on wellbeing", problems);
		if (Boolean.TRUE.equals(facts.significantImpact()) && facts.wellbeing().isEmpty()) {
			problems.add(new Problem("wellbeing", "Choose the areas of wellbeing that are affected"));
		}
	}

	private static void checkAnswered(@Nullable Boolean answer, String field, String message, List<Problem> problems) {
		if (answer == null) {
			problems.add(new Problem(field, message));
		}
	}

	private static ConditionResult yesNo(int number, String title, @Nullable Boolean answer, String yes, String no) {
		return new ConditionResult(number, title, Boolean.TRUE.equals(answer),
				answer == null ? "Not answered." : answer ? yes : no);
	}

	private static String describe(DeterminationKind kind, List<Unable> counted) {
		return counted.stream()
			.map(u -> Outcome.of(kind, u.outcome()).map(Outcome::regulationWording).orElse(u.outcome()) + " ("
					+ u.sense().letter() + ": " + u.sense().regulationWording() + ")")
			.collect(Collectors.joining("; "));
	}

	private static String areas(Facts facts) {
		return facts.wellbeing()
			.stream()
			.sorted()
			.map(WellbeingArea::actWording)
			.map(s -> s.substring(0, 1).toLowerCase(Locale.UK) + s.substring(1))
			.collect(Collectors.joining("; "));
	}

	private static String name(FacsBand band) {
		return band.name().toLowerCase(Locale.UK);
	}

}
