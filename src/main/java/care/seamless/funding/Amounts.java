package care.seamless.funding;

import java.math.BigDecimal;

import care.seamless.shared.Violations;
import org.jspecify.annotations.Nullable;

/**
 * The checks every amount of money passes: present when needed, not negative, whole
 * pence, and small enough for {@code numeric(12,2)}.
 */
public final class Amounts {

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
		if (amount.signum() < 0) {
			problems.add(field, "The amount cannot be negative");
			return false;
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			problems.add(field, "Enter the amount in pounds and pence, with no more than 2 decimal places");
			return false;
		}
		if (amount.compareTo(MAXIMUM) > 0) {
			problems.add(field, "The amount is too large");
			return false;
		}
		return true;
	}

	/**
	 * Reads an amount typed in a form ("1,250.50" or "£12"); null when blank, and a field
	 * problem when it is not a number.
	 */
	public static @Nullable BigDecimal parse(@Nullable String text, String field,
			java.util.Map<String, String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String plain = text.strip().replace(",", "").replace("£", "");
		if (!plain.matches("-?[0-9]{1,15}(\\.[0-9]{1,10})?")) {
			problems.putIfAbsent(field, "Enter an amount in pounds, like 12.50");
			return null;
		}
		return new BigDecimal(plain);
	}

}
