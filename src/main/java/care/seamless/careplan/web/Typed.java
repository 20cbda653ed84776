package care.seamless.careplan.web;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A value exactly as a form sent it. Ids, choices and versions are bound as text so that
 * a value that is not one of the choices offered (a tampered or stale form) is named on
 * its field instead of failing the whole request, and what was typed can be shown again.
 */
final class Typed {

	private Typed() {
	}

	/** The value read, or null when blank or unreadable. */
	static <T> @Nullable T read(@Nullable String text, Function<String, T> parser) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return parser.apply(text.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** True when something was sent that is not a value of the kind expected. */
	static boolean unreadable(@Nullable String text, Function<String, ?> parser) {
		return text != null && !text.isBlank() && read(text, parser) == null;
	}

	static boolean anyUnreadable(@Nullable List<String> texts, Function<String, ?> parser) {
		return texts != null && texts.stream().anyMatch((text) -> unreadable(text, parser));
	}

}
