package care.seamless.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * One published figure with small-number suppression: a count under 5, and a percentage
 * or rate whose numerator or denominator is under 5, is never shown or exported, only
 * "fewer than 5". The suppressed parts are {@code null} here, so no page or file can
 * print them by mistake.
 */
public record Figure(Measure.Kind kind, @Nullable Long numerator, @Nullable Long denominator,
		@Nullable BigDecimal value) {

	/** Below this a count is suppressed. */
	public static final int THRESHOLD = 5;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal HUNDRED_THOUSAND = BigDecimal.valueOf(100_000);

	/** The figure from the true counts; {@code denominator} is null for a count. */
	public static Figure of(Measure.Kind kind, long numerator, @Nullable Long denominator) {
		Long shownNumerator = numerator >= THRESHOLD ? numerator : null;
		Long shownDenominator = (denominator != null && denominator >= THRESHOLD) ? denominator : null;
		BigDecimal value = switch (kind) {
			case COUNT -> shownNumerator == null ? null : BigDecimal.valueOf(numerator);
			case PERCENTAGE -> (shownNumerator == null || shownDenominator == null) ? null
					: BigDecimal.valueOf(numerator)
						.multiply(HUNDRED)
						.divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
			case RATE_PER_100000 -> (shownNumerator == null || shownDenominator == null) ? null
					: BigDecimal.valueOf(numerator)
						.multiply(HUNDRED_THOUSAND)
						.divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
		};
		return new Figure(kind, shownNumerator, shownDenominator, value);
	}

	public boolean suppressed() {
		return value == null;
	}

	/** The value as published text: the number, or {@code suppressedText}. */
	public String text(String suppressedText) {
		return value == null ? suppressedText : value.toPlainString();
	}

	public static String text(@Nullable Long count, String suppressedText) {
		return count == null ? suppressedText : count.toString();
	}

}
