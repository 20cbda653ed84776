package care.seamless.door;

import org.jspecify.annotations.Nullable;

import care.seamless.shared.Violations;

/**
 * Checks free text typed at the door or in reply to it: line breaks and tabs are kept,
 * any other control character (a NUL byte, say) is refused, as is text over the limit.
 */
final class Words {

	private Words() {
	}

	/** The text stripped, or empty; a problem goes into {@code problems}. */
	static String checked(@Nullable String text, int limit, boolean required, String field, String keyPrefix,
			Violations problems) {
		String stripped = text == null ? "" : text.strip();
		if (stripped.isEmpty()) {
			if (required) {
				problems.add(field, keyPrefix + ".missing");
			}
			return "";
		}
		if (stripped.length() > limit) {
			problems.add(field, keyPrefix + ".tooLong");
		}
		else if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			problems.add(field, keyPrefix + ".invalid");
		}
		return stripped;
	}

}
