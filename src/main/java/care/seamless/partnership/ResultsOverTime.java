package care.seamless.partnership;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The Partnership Assessment Tool's results round by round, oldest first: each
 * principle's mean over every rating, and each partner's mean per principle. A missing
 * figure (nobody rated that principle in a round) is null, never zero.
 */
public record ResultsOverTime(List<String> rounds, List<Series> overall, List<Partner> partners) {

	public ResultsOverTime {
		rounds = List.copyOf(rounds);
		overall = List.copyOf(overall);
		partners = List.copyOf(partners);
	}

	/** One principle's means, one per round in the order of {@link #rounds()}. */
	public record Series(Principle principle, List<@Nullable BigDecimal> means) {

		/** The mean in the given round, or null when nobody rated this principle then. */
		public @Nullable BigDecimal in(int round) {
			return means.get(round);
		}

	}

	/** One partner organisation's means per principle over the rounds. */
	public record Partner(String organisationName, List<Series> principles) {
	}

	public boolean isEmpty() {
		return rounds.isEmpty();
	}

	static ResultsOverTime of(List<String> rounds, Map<Principle, List<@Nullable BigDecimal>> overall,
			Map<String, Map<Principle, List<@Nullable BigDecimal>>> byPartner) {
		return new ResultsOverTime(rounds, series(overall),
				byPartner.entrySet().stream().map((e) -> new Partner(e.getKey(), series(e.getValue()))).toList());
	}

	private static List<Series> series(Map<Principle, List<@Nullable BigDecimal>> means) {
		return means.entrySet().stream().map((e) -> new Series(e.getKey(), e.getValue())).toList();
	}

}
