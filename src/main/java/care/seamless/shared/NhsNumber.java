package care.seamless.shared;

/**
 * A validated NHS number: ten digits whose last is a modulus-11 check digit. Spaces and
 * hyphens people type are accepted and dropped.
 */
public record NhsNumber(String value) {

	public NhsNumber {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a valid NHS number");
		}
	}

	public static NhsNumber parse(String text) {
		return new NhsNumber(normalise(text));
	}

	// By hand rather than by a regular expression: a bulk import checks every number
	// twice, and compiling the pattern each time was a tenth of its Java time (ADR 62).
	public static String normalise(String text) {
		int length = text.length();
		StringBuilder kept = null;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			// What [\s-] matched: a hyphen and ASCII white space.
			boolean dropped = c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
			if (dropped && kept == null) {
				kept = new StringBuilder(length).append(text, 0, i);
			}
			else if (!dropped && kept != null) {
				kept.append(c);
			}
		}
		return kept == null ? text : kept.toString();
	}

	public static boolean isValid(String text) {
		String digits = normalise(text);
		if (digits.length() != 10) {
			return false;
		}
		for (int i = 0; i < 10; i++) {
			char c = digits.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (digits.charAt(i) - '0') * (10 - i);
		}
		int check = 11 - (sum % 11);
		if (check == 11) {
			check = 0;
		}
		// A remainder giving 10 means no valid number can be formed from those nine
		// digits.
		return check != 10 && check == digits.charAt(9) - '0';
	}

	/**
	 * The valid NHS number made of these nine digits and their check digit, or null when
	 * none exists (a remainder that would need check digit 10).
	 */
	public static String withCheckDigit(String nineDigits) {
		for (int check = 0; check <= 9; check++) {
			if (isValid(nineDigits + check)) {
				return nineDigits + check;
			}
		}
		return null;
	}

	/** The spaced form people read: 943 476 5919. */
	public String formatted() {
		return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
	}

	@Override
	public String toString() {
		return value;
	}

}
