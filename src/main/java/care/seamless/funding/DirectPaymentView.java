package care.seamless.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * A direct payment as one viewer may see it: who manages it, the agreement, the payment
 * schedule, the ledger with its running balance, the carers it pays, and when the next
 * review falls due.
 */
public record DirectPaymentView(UUID id, PersonId personId, ManagerKind managerKind, @Nullable String managerName,
		@Nullable LocalDate agreementSignedOn, @Nullable Integer paymentEveryWeeks, @Nullable LocalDate firstPaymentOn,
		BigDecimal weeklyAmount, List<PaymentSchedule.Due> schedule, List<DirectPaymentLedger.Line> ledger,
		BigDecimal balance, List<Carer> carers, List<LocalDate> reviews, @Nullable LocalDate reviewDue,
		boolean reviewOverdue, ApprovalState approval, long version) {

	/** Someone the direct payment pays for care. */
	public record Carer(String name, boolean closeRelative, boolean sameHousehold, @Nullable String exceptionReason,
			@Nullable String exceptionAuthorisedBy) {
	}

	public boolean agreed() {
		return agreementSignedOn != null;
	}

}
