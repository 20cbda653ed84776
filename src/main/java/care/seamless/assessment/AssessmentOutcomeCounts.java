package care.seamless.assessment;

/**
 * Counts for outcome reporting: carers' assessments completed, by month and by the
 * organisation and team they are counted for, never a person's id. The function behind it
 * lives in this module's schema (migration V190), so the module keeps the right to change
 * its tables.
 */
public final class AssessmentOutcomeCounts {

	private AssessmentOutcomeCounts() {
	}

	/**
	 * A derived table
	 * {@code (measure, month, organisation_id, team_id, numerator, denominator)} for the
	 * months from {@code fromParameter} to {@code toParameter} (first days of months, as
	 * SQL parameters or expressions).
	 */
	public static String monthlySql(String fromParameter, String toParameter) {
		return "assessment.outcome_counts(%s, %s)".formatted(fromParameter, toParameter);
	}

}
