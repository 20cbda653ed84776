package care.seamless.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;

import care.seamless.shared.Violations;
import org.jspecify.annotations.Nullable;

/**
 * The checks every amount of money passes, typed on a form or sent in JSON: present when
 * needed, not negative, whole pence, and small enough for {@code numeric(12,2)}. Each
 * problem is named on its field; nothing is rounded silently.
 */
public final class Amounts {

	/** numeric(12,2) holds up to 9,999,999,999.99. */
	static final BigDecimal MAXIMUM = new BigDecimal("9999999999.99");

	private Amounts() {
	}

	/** Adds what is wrong with the amount to {@code problems}; true when it is fine. */
	static boolean check(Violations problems, String field, @Nullable BigDecimal amount, boolean required,
			String missing) {
		if (amount == null) {
			if (required) {
				problems.add(field, missing);
			}
			return !required;
		}
		return check(amount, field, problems) != null;
	}

	/**
	 * The same checks for an amount already read; the amount at scale 2, or null when
	 * wrong.
	 */
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
		if (amount.compareTo(MAXIMUM) > 0) {
			problems.add(field, "The amount is too large");
			return null;
		}
		return pounds(amount);
	}

	/**
	 * A typed amount such as "123.45" or "£1,250"; null when blank or wrong (then named).
	 */
	public static @Nullable BigDecimal parse(@Nullable String text, String field, Violations problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		BigDecimal amount = number(text);
		if (amount == null) {
			problems.add(field, "Enter an amount in pounds and pence, like 125.50");
			return null;
		}
		return check(amount, field, problems);
	}

	/**
	 * Reads an amount typed in a form ("1,250.50" or "£12"); null when blank, and a field
	 * problem when it is not a number. The rules on the amount are the caller's.
	 */
	public static @Nullable BigDecimal parse(@Nullable String text, String field,
			java.util.Map<String, String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		BigDecimal amount = number(text);
		if (amount == null) {
			problems.putIfAbsent(field, "Enter an amount in pounds, like 12.50");
		}
		return amount;
	}

	private static @Nullable BigDecimal number(String text) {
		String plain = text.strip().replace(",", "").replace("£", "");
		return plain.matches("-?[0-9]{1,15}(\\.[0-9]{1,10})?") ? new BigDecimal(plain) : null;
	}

	/** Scale 2, exact: only for amounts known to have no more than two decimals. */
	public static BigDecimal pounds(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	public static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

}
