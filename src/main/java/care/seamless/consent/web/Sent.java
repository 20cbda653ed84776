package care.seamless.consent.web;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A value exactly as a form sent it. Choices and ids are bound as text so that one that
 * is not among those offered (a tampered or stale form) is named on its field, with the
 * form's other problems, instead of refusing the whole page.
 */
final class Sent {

	private Sent() {
	}

	/** The value read, or null when blank or unreadable. */
	static <T> @Nullable T read(@Nullable String text, Function<String, T> parser) {
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

	/** True when something was sent that is not a value of the kind expected. */
	static boolean unreadable(@Nullable String text, Function<String, ?> parser) {
		return text != null && !text.isBlank() && read(text, parser) == null;
	}

}
