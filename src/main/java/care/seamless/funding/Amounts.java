package care.seamless.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;

import care.seamless.shared.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Amounts of money as typed on a form or sent in JSON: pounds and pence, never negative,
 * never more than two decimal places, never more than the columns hold. Each problem is
 * named on its field; nothing is rounded silently.
 */
public final class Amounts {

	/** numeric(12,2) holds up to 9,999,999,999.99. */
	static final BigDecimal LIMIT = new BigDecimal("9999999999.99");

	private Amounts() {
	}

	/** A typed amount such as "123.45" or "£1,250"; null when blank or wrong. */
	public static @Nullable BigDecimal parse(@Nullable String text, String field, Violations problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String plain = text.strip().replace(",", "");
		if (plain.startsWith("£")) {
			plain = plain.substring(1).strip();
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(plain);
		}
		catch (NumberFormatException ex) {
			problems.add(field, "Enter an amount in pounds and pence, like 125.50");
			return null;
		}
		return check(amount, field, problems);
	}

	/** The same checks for an amount already read as a number (from JSON). */
	public static @Nullable BigDecimal check(@Nullable BigDecimal amount, String field, Violations problems) {
		if (amount == null) {
			return null;
		}
		if (amount.signum() < 0) {
			problems.add(field, "The amount cannot be negative");
			return null;
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			problems.add(field, "Enter the amount to the nearest penny: no more than 2 decimal places");
			return null;
		}
		if (amount.compareTo(LIMIT) > 0) {
			problems.add(field, "The amount is too large");
			return null;
		}
		return pounds(amount);
	}

	/** Scale 2, exact: only for amounts known to have no more than two decimals. */
	public static BigDecimal pounds(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	public static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

}
