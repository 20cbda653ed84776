package care.seamless.careplan.web;

import java.time.LocalDate;

import care.seamless.shared.CalendarDates;
import org.jspecify.annotations.Nullable;

/**
 * Dates typed in three boxes (the GOV.UK date pattern), so a malformed date can be named
 * precisely instead of failing type conversion. Read by {@link CalendarDates}, as every
 * date is; a care plan's dates are kept to this century and the next two.
 */
final class Dates {

	private Dates() {
	}

	static @Nullable LocalDate of(@Nullable String day, @Nullable String month, @Nullable String year) {
		return CalendarDates.parse(day, month, year).filter(date -> date.getYear() >= 1900).orElse(null);
	}

	static boolean blank(@Nullable String day, @Nullable String month, @Nullable String year) {
		return CalendarDates.blank(day, month, year);
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
