package care.seamless.discharge;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Delayed days in one month, counted by reason, by attribution and by pathway, over the
 * admissions the reader may see. Small numbers are not suppressed: this is an internal
 * management report for the partners' managers, not a publication.
 *
 * @param byAttribution keyed by the agreed attribution, or "PROPOSED" and "DISPUTED"
 * while the partners have not agreed
 * @param byPathway keyed by pathway name, or "NONE" before one is chosen
 */
public record MonthlyReport(YearMonth month, int total, Map<DelayReason, Integer> byReason,
		Map<String, Integer> byAttribution, Map<String, Integer> byPathway, List<Disputed> disputed,
		Reimbursement reimbursement) {

	/**
	 * What social care owes the NHS body for the month under the rules of each admission:
	 * the rate in force on each day agreed as social care's, summed exactly. Days still
	 * disputed or not yet agreed are never charged; they are shown apart with the amount
	 * at stake. A day agreed as social care's under rules with no rate entered is counted
	 * in {@code daysWithoutRate}, never as zero pounds.
	 */
	public record Reimbursement(java.math.BigDecimal payableBySocialCare, int daysCharged, int daysWithoutRate,
			java.math.BigDecimal disputedAtStake, int disputedDays, java.math.BigDecimal awaitingAgreement,
			int awaitingDays) {

		public boolean any() {
			return daysCharged + daysWithoutRate + disputedDays + awaitingDays > 0;
		}

	}

	/**
	 * A disputed day with both partners' views, never one overwriting the other.
	 *
	 * @param mayOpen whether the reader may open the admission (a manager counts the days
	 * of their team's people without being in their care teams)
	 */
	public record Disputed(UUID admissionId, LocalDate day, DelayReason reason, @Nullable Attribution nhsView,
			@Nullable Attribution socialCareView, boolean mayOpen) {
	}

}
