package care.seamless.discharge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The daily reimbursement of a rule set from {@code validFrom} to {@code validTo}
 * (inclusive; open when null), exact to the penny.
 */
public record DailyRate(UUID id, UUID ruleSetId, LocalDate validFrom, @Nullable LocalDate validTo, BigDecimal amount,
		String currency, String note) {

	public boolean overlaps(LocalDate from, @Nullable LocalDate to) {
		boolean startsBeforeOtherEnds = to == null || !validFrom.isAfter(to);
		boolean endsAfterOtherStarts = validTo == null || !validTo.isBefore(from);
		return startsBeforeOtherEnds && endsAfterOtherStarts;
	}

}
