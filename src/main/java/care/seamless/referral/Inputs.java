package care.seamless.referral;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The one reading of free text in a referral: trimmed, at most {@link Referrals#MAX_TEXT}
 * characters, and no control characters (a NUL byte cannot be stored and nothing a person
 * types needs one).
 */
final class Inputs {

	private Inputs() {
	}

	static @Nullable String text(@Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.length() > max || hasControl(trimmed) ? null : trimmed;
	}

	static @Nullable String required(@Nullable String value, String field, String missing,
			List<ReferralRefused.Problem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new ReferralRefused.Problem(field, missing));
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > Referrals.MAX_TEXT) {
			problems.add(new ReferralRefused.Problem(field,
					"Write at most " + Referrals.MAX_TEXT + " characters (you wrote " + trimmed.length() + ")"));
			return null;
		}
		if (hasControl(trimmed)) {
			problems.add(new ReferralRefused.Problem(field, "Remove the control characters from this text"));
			return null;
		}
		return trimmed;
	}

	static String clip(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max);
	}

	private static boolean hasControl(String value) {
		return value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
	}

}
