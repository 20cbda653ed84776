package care.seamless.eligibility.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

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
record EligibilityForm(@Nullable String kind, @Nullable String needsArise, @Nullable List<String> outcomes,
		@Nullable Map<String, String> senses, @Nullable String healthAtRisk, @Nullable String significantImpact,
		@Nullable List<String> wellbeing, @Nullable String band, @Nullable String threshold,
		@Nullable String decidedDay, @Nullable String decidedMonth, @Nullable String decidedYear,
		@Nullable String rationale, @Nullable String personView, @Nullable String assessmentEpisodeId,
		@Nullable String supersedes, @Nullable String supersedesVersion) {

	/**
	 * Where a problem with a value the page never shows (a hidden field only a tampered
	 * or stale form can change) is put: the form itself.
	 */
	static final String WHOLE_FORM = "eligibility-form";

	static EligibilityForm empty(DeterminationKind kind, @Nullable UUID supersedes, @Nullable Long version) {
		return new EligibilityForm(kind.name(), null, List.of(), Map.of(), null, null, List.of(), null, null, null,
				null, null, null, null, null, supersedes == null ? null : supersedes.toString(),
				version == null ? null : version.toString());
	}

	/**
	 * The kind sent, or the adult's decision when it cannot be read (the form says so).
	 */
	DeterminationKind kindOrAdult() {
		DeterminationKind read = read(kind, DeterminationKind::valueOf);
		return read == null ? DeterminationKind.ADULT : read;
	}

	@Nullable UUID episodeId() {
		return read(assessmentEpisodeId, UUID::fromString);
	}

	/**
	 * The empty form for a decision that follows an assessment, with the outcomes its
	 * needs bear on already ticked for the practitioner to confirm (each still needs its
	 * sense of "unable").
	 */
	EligibilityForm following(UUID episode, List<String> suggested) {
		return new EligibilityForm(kind, needsArise, suggested, senses, healthAtRisk, significantImpact, wellbeing,
				band, threshold, decidedDay, decidedMonth, decidedYear, rationale, personView, episode.toString(),
				supersedes, supersedesVersion);
	}

	public boolean ticked(String outcome) {
		return outcomes != null && outcomes.contains(outcome);
	}

	public @Nullable String sense(String outcome) {
		return senses == null ? null : senses.get(outcome);
	}

	public boolean affects(WellbeingArea area) {
		return wellbeing != null && wellbeing.contains(area.name());
	}

	NewDetermination toCommand() {
		Long version = read(supersedesVersion, Long::valueOf);
		return new NewDetermination(facts(), rationale == null ? "" : rationale, personView, episodeId(),
				read(supersedes, UUID::fromString), version == null ? -1 : version);
	}

	/**
	 * Problems only the form can see: a date that is not a real date, and a value that is
	 * not one of those offered. An unreadable answer to a question counts as no answer,
	 * which the rules name; a choice among several that cannot be read is named here, so
	 * that it is never quietly dropped.
	 */
	List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		boolean dateTyped = !CalendarDates.blank(decidedDay, decidedMonth, decidedYear);
		if (kindOrAdult() == DeterminationKind.FACS && dateTyped && decidedOn() == null) {
			problems.add(new Problem("historicDecisionDate",
					"The date the band was decided must be a real date, for example 12 3 2012"));
		}
		if (wellbeing != null && wellbeing.stream().anyMatch((area) -> read(area, WellbeingArea::valueOf) == null)) {
			problems.add(new Problem("wellbeing", "Choose the areas of wellbeing from the list"));
		}
		if (read(kind, DeterminationKind::valueOf) == null || unreadable(assessmentEpisodeId, UUID::fromString)
				|| unreadable(supersedes, UUID::fromString) || unreadable(supersedesVersion, Long::valueOf)) {
			problems.add(new Problem(WHOLE_FORM,
					"This form was changed or is out of date. Open the decision again from the record and start again"));
		}
		return problems;
	}

	private Facts facts() {
		return switch (kindOrAdult()) {
			case ADULT -> Facts.adult(yesNo(needsArise), unable(), yesNo(significantImpact), areas());
			case CARER ->
				Facts.carer(yesNo(needsArise), yesNo(healthAtRisk), unable(), yesNo(significantImpact), areas());
			case FACS -> Facts.facs(read(band, FacsBand::valueOf), read(threshold, FacsBand::valueOf), decidedOn());
		};
	}

	private static @Nullable Boolean yesNo(@Nullable String answer) {
		return switch (answer == null ? "" : answer.strip()) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static <T> @Nullable T read(@Nullable String text, Function<String, T> parser) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return parser.apply(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean unreadable(@Nullable String text, Function<String, ?> parser) {
		return text != null && !text.isBlank() && read(text, parser) == null;
	}

	private List<Unable> unable() {
		if (outcomes == null) {
			return List.of();
		}
		return outcomes.stream().map(o -> new Unable(o, parseSense(sense(o)))).toList();
	}

	private EnumSet<WellbeingArea> areas() {
		EnumSet<WellbeingArea> areas = EnumSet.noneOf(WellbeingArea.class);
		if (wellbeing != null) {
			wellbeing.stream()
				.map((area) -> read(area, WellbeingArea::valueOf))
				.filter(Objects::nonNull)
				.forEach(areas::add);
		}
		return areas;
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
