package care.seamless.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the practitioner found, as recorded; the decision follows from these by
 * {@link EligibilityRules}. Unanswered questions are null so that they can be named as
 * problems rather than read as "no".
 *
 * @param needsArise adult: the needs arise from or relate to a physical or mental
 * impairment or illness; carer: they arise from providing necessary care for an adult
 * @param healthAtRisk carer only: their physical or mental health is, or is at risk of,
 * deteriorating
 * @param historicDecisionDate FACS only: when the band was decided
 */
public record Facts(DeterminationKind kind, @Nullable Boolean needsArise, List<Unable> unable,
		@Nullable Boolean healthAtRisk, @Nullable Boolean significantImpact, Set<WellbeingArea> wellbeing,
		@Nullable FacsBand band, @Nullable FacsBand threshold, @Nullable LocalDate historicDecisionDate) {

	public Facts {
		// One answer per outcome: a repeated outcome keeps its first answer.
		java.util.Map<String, Unable> byOutcome = new java.util.LinkedHashMap<>();
		unable.forEach(u -> byOutcome.putIfAbsent(u.outcome(), u));
		// In the regulation's order, so the same facts always read and compare the same.
		List<String> order = Outcome.forKind(kind).stream().map(Outcome::code).toList();
		unable = byOutcome.values()
			.stream()
			.sorted(java.util.Comparator
				.comparingInt(u -> order.contains(u.outcome()) ? order.indexOf(u.outcome()) : Integer.MAX_VALUE))
			.toList();
		wellbeing = Set.copyOf(wellbeing);
	}

	public static Facts adult(@Nullable Boolean needsArise, List<Unable> unable, @Nullable Boolean significantImpact,
			Set<WellbeingArea> wellbeing) {
		return new Facts(DeterminationKind.ADULT, needsArise, unable, null, significantImpact, wellbeing, null, null,
				null);
	}

	public static Facts carer(@Nullable Boolean needsArise, @Nullable Boolean healthAtRisk, List<Unable> unable,
			@Nullable Boolean significantImpact, Set<WellbeingArea> wellbeing) {
		return new Facts(DeterminationKind.CARER, needsArise, unable, healthAtRisk, significantImpact, wellbeing, null,
				null, null);
	}

	public static Facts facs(@Nullable FacsBand band, @Nullable FacsBand threshold,
			@Nullable LocalDate historicDecisionDate) {
		return new Facts(DeterminationKind.FACS, null, List.of(), null, null, Set.of(), band, threshold,
				historicDecisionDate);
	}

	/** The outcomes that count: ticked, with a sense that applies to this kind. */
	public List<Unable> counted() {
		return unable.stream()
			.filter(u -> u.sense() != null && u.sense().appliesTo(kind) && Outcome.of(kind, u.outcome()).isPresent())
			.toList();
	}

}
