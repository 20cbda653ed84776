package care.seamless.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A pooled fund's commitment to one personal budget (or package): the weekly amount and
 * its full-year cost on a budget line. The budget is named only by its id; the funding
 * module shows the person's side.
 */
public record PoolCommitment(UUID id, UUID lineId, String lineName, UUID partnershipId, String partnershipName,
		int financialYear, UUID budgetId, BigDecimal weekly, BigDecimal annual, LocalDate committedOn) {

	/** A short reference for the ledger, never a name. */
	public String reference() {
		return budgetId.toString().substring(0, 8);
	}

}
