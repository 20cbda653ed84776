package care.seamless.funding;

import java.time.LocalDate;

/**
 * The council's financial year, named by the calendar year it starts in: 2026 runs from 1
 * April 2026 to 31 March 2027.
 */
public final class FinancialYear {

	private FinancialYear() {
	}

	public static int of(LocalDate day) {
		return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
	}

	/** "2026 to 2027", as GOV.UK writes a financial year. */
	public static String label(int year) {
		return year + " to " + (year + 1);
	}

}
