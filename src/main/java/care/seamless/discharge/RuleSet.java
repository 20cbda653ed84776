package care.seamless.discharge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A dated set of discharge rules: which notices apply, with their minimum periods, and
 * the daily reimbursement for delays (null where the partnership has not entered one). In
 * force from {@code validFrom} to {@code validTo} inclusive (open when null). A change
 * names the {@code version} it read.
 */
public record RuleSet(UUID id, String name, String legalBasis, LocalDate validFrom, @Nullable LocalDate validTo,
		boolean localAgreement, boolean statutoryNotices, @Nullable Integer assessmentNoticeMaxDaysBeforeAdmission,
		@Nullable Integer dischargeNoticeMinDaysBeforeDischarge, @Nullable Integer assessmentPeriodDays,
		@Nullable BigDecimal dailyReimbursement, @Nullable String dailyReimbursementCurrency, long version) {

	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
	}

}
