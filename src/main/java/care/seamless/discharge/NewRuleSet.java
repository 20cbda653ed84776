package care.seamless.discharge;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A partnership's local agreement to keep discharge notices, with its own periods. */
public record NewRuleSet(@Nullable String name, @Nullable String legalBasis, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo, boolean statutoryNotices, @Nullable Integer assessmentNoticeMaxDaysBeforeAdmission,
		@Nullable Integer dischargeNoticeMinDaysBeforeDischarge, @Nullable Integer assessmentPeriodDays,
		@Nullable BigDecimal dailyReimbursement) {
}
