package care.seamless.outcomes;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A reporting period: a calendar month, or a quarter of the financial year (Q1 is April
 * to June; the year is named by the year it starts in).
 */
public record Period(LocalDate start, LocalDate end, String label) {

	/** How figures are grouped over time. */
	public enum Length {

		MONTH, QUARTER

	}

	public static Period month(YearMonth month) {
		return new Period(month.atDay(1), month.atEndOfMonth(), month.toString());
	}

	public static Period quarter(int financialYear, int quarter) {
		if (quarter < 1 || quarter > 4) {
			throw new IllegalArgumentException("quarter " + quarter);
		}
		LocalDate start = LocalDate.of(financialYear, 4, 1).plusMonths(3L * (quarter - 1));
		return new Period(start, start.plusMonths(3).minusDays(1),
				financialYear + "/" + String.format("%02d", (financialYear + 1) % 100) + " Q" + quarter);
	}

	public static Period financialYear(int year) {
		return new Period(LocalDate.of(year, 4, 1), LocalDate.of(year + 1, 3, 31),
				year + "/" + String.format("%02d", (year + 1) % 100));
	}

	/** The period of {@code length} that holds the month. */
	public static Period of(Length length, YearMonth month) {
		if (length == Length.MONTH) {
			return month(month);
		}
		int year = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
		int quarter = ((month.getMonthValue() + 8) % 12) / 3 + 1;
		return quarter(year, quarter);
	}

	public boolean holds(LocalDate day) {
		return !day.isBefore(start) && !day.isAfter(end);
	}

}
