package care.seamless.assessment.instrument;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking one answer: the typed value to store, or a message to show
 * beside the field.
 */
public sealed interface AnswerResult {

	/**
	 * @param value {@code String} (text, coded), {@code Boolean}, {@code Integer},
	 * {@code LocalDate}, {@code List<String>} (coded-multiple) or {@code IcfQualifier};
	 * null when an optional question is left blank
	 */
	record Accepted(@Nullable Object value) implements AnswerResult {
	}

	record Rejected(String message) implements AnswerResult {
	}

	default boolean isAccepted() {
		return this instanceof Accepted;
	}

}
