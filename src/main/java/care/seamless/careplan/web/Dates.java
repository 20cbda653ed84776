package care.seamless.careplan.web;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Dates typed in three boxes (the GOV.UK date pattern), so a malformed date can be named
 * precisely instead of failing type conversion.
 */
final class Dates {

	private Dates() {
	}

	static @Nullable LocalDate of(@Nullable String day, @Nullable String month, @Nullable String year) {
		try {
			int y = Integer.parseInt(year.trim());
			if (y < 1900 || y > 2200) {
				return null;
			}
			return LocalDate.of(y, Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
		}
		catch (NullPointerException | NumberFormatException | DateTimeException ex) {
			return null;
		}
	}

	static boolean blank(@Nullable String day, @Nullable String month, @Nullable String year) {
		return isBlank(day) && isBlank(month) && isBlank(year);
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	static String day(@Nullable LocalDate date) {
		return date == null ? "" : Integer.toString(date.getDayOfMonth());
	}

	static String month(@Nullable LocalDate date) {
		return date == null ? "" : Integer.toString(date.getMonthValue());
	}

	static String year(@Nullable LocalDate date) {
		return date == null ? "" : Integer.toString(date.getYear());
	}

}
