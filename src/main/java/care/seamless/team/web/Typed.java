package care.seamless.team.web;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A value exactly as a form sent it, read here so that one that is not among the choices
 * offered is named on its field instead of refusing the whole page.
 */
final class Typed {

	private Typed() {
	}

	/** The value read, or null when blank or unreadable. */
	static <T> @Nullable T read(@Nullable String text, Function<String, T> parser) {
		if (blank(text)) {
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
		return !blank(text) && read(text, parser) == null;
	}

	static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
