package care.seamless.assessment.instrument;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import care.seamless.terminology.IcfQualifier;
import org.jspecify.annotations.Nullable;

/**
 * Turns a submitted form value into the typed answer for a question, or a message in the
 * GOV.UK style that tells the person what to do. Coded answers must be one of the
 * question's own options, not just any known concept.
 */
public final class AnswerValidator {

	static final int MAX_TEXT_LENGTH = 10_000;

	private AnswerValidator() {
	}

	/**
	 * @param rawValue the submitted value; several codes for a coded-multiple question
	 * are separated by commas
	 */
	public static AnswerResult validate(Question question, @Nullable String rawValue) {
		String value = (rawValue != null) ? rawValue.strip() : "";
		if (value.isEmpty()) {
			return question.required() ? rejected(missingMessage(question.type())) : new AnswerResult.Accepted(null);
		}
		return switch (question.type()) {
			case TEXT -> text(value);
			case BOOLEAN -> bool(value);
			case INTEGER -> integer(question, value);
			case DATE -> date(value);
			case CODED -> coded(question, value);
			case CODED_MULTIPLE -> codedMultiple(question, value);
			case SCALE_ICF -> scale(value);
		};
	}

	private static AnswerResult text(String value) {
		return (value.length() <= MAX_TEXT_LENGTH) ? accepted(value) : rejected(
				"Answer must be " + String.format(Locale.UK, "%,d", MAX_TEXT_LENGTH) + " characters or fewer");
	}

	private static AnswerResult bool(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes" -> accepted(Boolean.TRUE);
			case "false", "no" -> accepted(Boolean.FALSE);
			default -> rejected("Select yes or no");
		};
	}

	private static AnswerResult integer(Question question, String value) {
		int number;
		try {
			number = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			return rejected("Enter a whole number, like 3");
		}
		Integer min = question.min();
		Integer max = question.max();
		if ((min != null && number < min) || (max != null && number > max)) {
			return rejected(rangeMessage(min, max));
		}
		return accepted(number);
	}

	private static String rangeMessage(@Nullable Integer min, @Nullable Integer max) {
		if (min != null && max != null) {
			return "Enter a number from " + min + " to " + max;
		}
		return (min != null) ? "Enter a number of " + min + " or more" : "Enter a number of " + max + " or less";
	}

	private static AnswerResult date(String value) {
		try {
			return accepted(LocalDate.parse(value));
		}
		catch (DateTimeParseException ex) {
			return rejected("Enter a real date, like 2025-03-27");
		}
	}

	private static AnswerResult coded(Question question, String value) {
		return question.options().contains(value) ? accepted(value) : rejected(unknownCode(value));
	}

	private static AnswerResult codedMultiple(Question question, String value) {
		Set<String> codes = new LinkedHashSet<>();
		for (String code : value.split(",")) {
			String trimmed = code.strip();
			if (!trimmed.isEmpty() && !question.options().contains(trimmed)) {
				return rejected(unknownCode(trimmed));
			}
			if (!trimmed.isEmpty()) {
				codes.add(trimmed);
			}
		}
		if (codes.isEmpty()) {
			return question.required() ? rejected(missingMessage(AnswerType.CODED_MULTIPLE))
					: new AnswerResult.Accepted(null);
		}
		return accepted(List.copyOf(codes));
	}

	private static AnswerResult scale(String value) {
		Optional<IcfQualifier> qualifier = Optional.empty();
		if (value.matches("\\d")) {
			qualifier = IcfQualifier.fromValue(Integer.parseInt(value));
		}
		return qualifier.<AnswerResult>map(AnswerValidator::accepted)
			.orElseGet(() -> rejected("Select a rating from 0 (no problem) to 4 (can't do this at all), "
					+ "or 8 (not sure) or 9 (doesn't apply)"));
	}

	private static String missingMessage(AnswerType type) {
		return switch (type) {
			case BOOLEAN -> "Select yes or no";
			case CODED, SCALE_ICF -> "Select an answer";
			case CODED_MULTIPLE -> "Select at least one answer";
			case DATE -> "Enter a date";
			case INTEGER -> "Enter a number";
			case TEXT -> "Enter an answer";
		};
	}

	private static String unknownCode(String code) {
		return "Select one of the options ('" + code + "' is not one of them)";
	}

	private static AnswerResult accepted(Object value) {
		return new AnswerResult.Accepted(value);
	}

	private static AnswerResult rejected(String message) {
		return new AnswerResult.Rejected(message);
	}

}
