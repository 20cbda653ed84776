package care.seamless.discharge;

/**
 * Counts for outcome reporting: delayed days, discharges to the usual place of residence,
 * people still at home 91 days after reablement and care-home admissions of people aged
 * 65+, by month and by the organisation and team they are counted for, never a person's
 * id. The function behind it lives in this module's schema (migration V190), so the
 * module keeps the right to change its tables.
 */
public final class DischargeOutcomeCounts {

	private DischargeOutcomeCounts() {
	}

	/**
	 * A derived table
	 * {@code (measure, month, organisation_id, team_id, numerator, denominator)} for the
	 * months from {@code fromParameter} to {@code toParameter} (first days of months, as
	 * SQL parameters or expressions).
	 */
	public static String monthlySql(String fromParameter, String toParameter) {
		return "discharge.outcome_counts(%s, %s)".formatted(fromParameter, toParameter);
	}

}
