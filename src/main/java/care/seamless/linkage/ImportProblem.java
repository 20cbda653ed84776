package care.seamless.linkage;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * Why one line of an import cannot be registered.
 *
 * @param line the line in the source, 1 being the header of a CSV file
 * @param field the field at fault (a column role such as {@code date_of_birth}, or the
 * registration field), null for a problem with the whole file
 * @param messageKey the message explaining the problem; it takes the line as argument {0}
 */
public record ImportProblem(int line, @Nullable String field, String messageKey) {

	/**
	 * The problem in words, for the command line and the FHIR API, which have no page to
	 * resolve the message on: "Line 3: enter a family name". An unknown key is shown as
	 * it is rather than hidden, so a missing message is noticed.
	 */
	public String describe(MessageSource messages) {
		return messages.getMessage(messageKey, new Object[] { line }, messageKey, Locale.UK);
	}

	/**
	 * {@link #describe} without its "Line N: " opening, for a caller that points at the
	 * element in its own terms.
	 */
	public String reason(MessageSource messages) {
		return describe(messages).replaceFirst("^Line \\d+: ", "");
	}

}
