package care.seamless.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The one reading of a date typed by a person or found in a file: ISO
 * ({@code 2026-03-12}, also {@code 20260312}) or UK day first ({@code 12/3/2026},
 * {@code 12-3-2026}, {@code 12.3.2026}, {@code 12 3 2026}, the three GOV.UK boxes). Every
 * part is checked strictly: 31 February is not quietly made 28 February, and a two-digit
 * year is refused rather than guessed.
 */
public final class CalendarDates {

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

	private static final Pattern BASIC_ISO = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern DAY_FIRST = Pattern
		.compile("(\\d{1,2})\\s*[/.\\- ]\\s*(\\d{1,2})\\s*[/.\\- ]\\s*(\\d{4})");

	private static final int EARLIEST_YEAR = 1800;

	private static final int LATEST_YEAR = 2200;

	private CalendarDates() {
	}

	/** The date in {@code text}, or empty when it is not a real date in a known form. */
	public static Optional<LocalDate> parse(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		String trimmed = text.strip();
		if (isPlainIso(trimmed)) {
			// The form files of a million lines use, read without a regular expression's
			// matcher and groups for each (ADR 98); the same as ISO's pattern reads it.
			return date(digits(trimmed, 0, 4), digits(trimmed, 5, 7), digits(trimmed, 8, 10));
		}
		Matcher iso = ISO.matcher(trimmed);
		if (iso.matches()) {
			return date(iso.group(1), iso.group(2), iso.group(3));
		}
		Matcher basic = BASIC_ISO.matcher(trimmed);
		if (basic.matches()) {
			return date(basic.group(1), basic.group(2), basic.group(3));
		}
		Matcher dayFirst = DAY_FIRST.matcher(trimmed);
		if (dayFirst.matches()) {
			return date(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1));
		}
		return Optional.empty();
	}

	/**
	 * A date as PostgreSQL writes it in JSON ({@code 2026-03-12}), the same as
	 * {@link LocalDate#parse} reads it but without its formatter's parsed fields on every
	 * date of a record view (ADR 105). Any other form, such as a year past 9999, is left
	 * to {@link LocalDate#parse}, which also refuses what is not a date.
	 */
	public static LocalDate fromIso(String text) {
		if (isPlainIso(text)) {
			return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
		}
		return LocalDate.parse(text);
	}

	/** The date typed in the three GOV.UK boxes, or empty when they do not make one. */
	public static Optional<LocalDate> parse(@Nullable String day, @Nullable String month, @Nullable String year) {
		if (day == null || month == null || year == null) {
			return Optional.empty();
		}
		return parse(day.strip() + "/" + month.strip() + "/" + year.strip());
	}

	/** True when none of the three boxes has anything in it. */
	public static boolean blank(@Nullable String day, @Nullable String month, @Nullable String year) {
		return isBlank(day) && isBlank(month) && isBlank(year);
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static Optional<LocalDate> date(String year, String month, String day) {
		return date(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
	}

	// yyyy-mm-dd in ASCII digits.
	private static boolean isPlainIso(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return false;
		}
		for (int i = 0; i < 10; i++) {
			char c = text.charAt(i);
			if (i != 4 && i != 7 && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

	private static Optional<LocalDate> date(int y, int month, int day) {
		if (y < EARLIEST_YEAR || y > LATEST_YEAR) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.of(y, month, day));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
