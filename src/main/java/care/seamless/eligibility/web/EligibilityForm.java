package care.seamless.eligibility.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.eligibility.DeterminationKind;
import care.seamless.eligibility.Facts;
import care.seamless.eligibility.FacsBand;
import care.seamless.eligibility.NewDetermination;
import care.seamless.eligibility.Problem;
import care.seamless.eligibility.Unable;
import care.seamless.eligibility.UnableSense;
import care.seamless.eligibility.WellbeingArea;
import care.seamless.shared.CalendarDates;
import org.jspecify.annotations.Nullable;

/**
 * The determination form as typed. Each ticked outcome has its own radio group for the
 * sense of "unable", posted as {@code senses[code]}; the historic decision date comes as
 * three boxes (the GOV.UK date pattern).
 */
record EligibilityForm(@Nullable DeterminationKind kind, @Nullable Boolean needsArise, @Nullable List<String> outcomes,
		@Nullable Map<String, String> senses, @Nullable Boolean healthAtRisk, @Nullable Boolean significantImpact,
		@Nullable List<WellbeingArea> wellbeing, @Nullable FacsBand band, @Nullable FacsBand threshold,
		@Nullable String decidedDay, @Nullable String decidedMonth, @Nullable String decidedYear,
		@Nullable String rationale, @Nullable String personView, @Nullable UUID assessmentEpisodeId,
		@Nullable UUID supersedes, @Nullable Long supersedesVersion) {

	static EligibilityForm empty(DeterminationKind kind, @Nullable UUID supersedes, @Nullable Long version) {
		return new EligibilityForm(kind, null, List.of(), Map.of(), null, null, List.of(), null, null, null, null, null,
				null, null, null, supersedes, version);
	}

	/**
	 * The empty form for a decision that follows an assessment, with the outcomes its
	 * needs bear on already ticked for the practitioner to confirm (each still needs its
	 * sense of "unable").
	 */
	EligibilityForm following(UUID episode, List<String> suggested) {
		return new EligibilityForm(kind, needsArise, suggested, senses, healthAtRisk, significantImpact, wellbeing,
				band, threshold, decidedDay, decidedMonth, decidedYear, rationale, personView, episode, supersedes,
				supersedesVersion);
	}

	public boolean ticked(String outcome) {
		return outcomes != null && outcomes.contains(outcome);
	}

	public @Nullable String sense(String outcome) {
		return senses == null ? null : senses.get(outcome);
	}

	public boolean affects(WellbeingArea area) {
		return wellbeing != null && wellbeing.contains(area);
	}

	NewDetermination toCommand() {
		return new NewDetermination(facts(), rationale == null ? "" : rationale, personView, assessmentEpisodeId,
				supersedes, supersedesVersion == null ? -1 : supersedesVersion);
	}

	/** Problems only the form can see: a date that is not a real date. */
	List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		boolean dateTyped = !CalendarDates.blank(decidedDay, decidedMonth, decidedYear);
		if (kind == DeterminationKind.FACS && dateTyped && decidedOn() == null) {
			problems.add(new Problem("historicDecisionDate",
					"The date the band was decided must be a real date, for example 12 3 2012"));
		}
		return problems;
	}

	private Facts facts() {
		Facts facts = switch (kind == null ? DeterminationKind.ADULT : kind) {
			case ADULT -> Facts.adult(needsArise, unable(), significantImpact, areas());
			case CARER -> Facts.carer(needsArise, healthAtRisk, unable(), significantImpact, areas());
			case FACS -> Facts.facs(band, threshold, decidedOn());
		};
		return facts;
	}

	private List<Unable> unable() {
		if (outcomes == null) {
			return List.of();
		}
		return outcomes.stream().map(o -> new Unable(o, parseSense(sense(o)))).toList();
	}

	private EnumSet<WellbeingArea> areas() {
		return wellbeing == null || wellbeing.isEmpty() ? EnumSet.noneOf(WellbeingArea.class)
				: EnumSet.copyOf(wellbeing);
	}

	private static @Nullable UnableSense parseSense(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return UnableSense.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private @Nullable LocalDate decidedOn() {
		return CalendarDates.parse(decidedDay, decidedMonth, decidedYear).orElse(null);
	}

}
