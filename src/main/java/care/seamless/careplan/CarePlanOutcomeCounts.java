package care.seamless.careplan;

/**
 * Counts for outcome reporting: reviews held on time and plans the person agreed to, by
 * month and by the organisation and team they are counted for, never a person's id. The
 * function behind it lives in this module's schema (migration V190), so the module keeps
 * the right to change its tables.
 */
public final class CarePlanOutcomeCounts {

	private CarePlanOutcomeCounts() {
	}

	/**
	 * A derived table
	 * {@code (measure, month, organisation_id, team_id, numerator, denominator)} for the
	 * months from {@code fromParameter} to {@code toParameter} (first days of months, as
	 * SQL parameters or expressions).
	 */
	public static String monthlySql(String fromParameter, String toParameter) {
		return "careplan.outcome_counts(%s, %s)".formatted(fromParameter, toParameter);
	}

}
