package care.seamless.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When the council pays a direct payment in and how much: the council's weekly part times
 * the weeks between payments, from the first payment date.
 */
public final class PaymentSchedule {

	private PaymentSchedule() {
	}

	public record Due(LocalDate on, BigDecimal amount) {
	}

	/** The next {@code count} payments due on or after {@code from}. */
	public static List<Due> next(LocalDate first, int everyWeeks, BigDecimal weekly, LocalDate from, int count) {
		BigDecimal amount = Amounts.pounds(weekly.multiply(BigDecimal.valueOf(everyWeeks)));
		List<Due> due = new ArrayList<>();
		LocalDate on = first;
		while (on.isBefore(from)) {
			on = on.plusWeeks(everyWeeks);
		}
		for (int i = 0; i < count; i++) {
			due.add(new Due(on, amount));
			on = on.plusWeeks(everyWeeks);
		}
		return List.copyOf(due);
	}

	/**
	 * When the next review of a direct payment falls due: within six months of the
	 * agreement, then a year after the last review (Care and Support (Direct Payments)
	 * Regulations 2014, reg 7).
	 */
	public static LocalDate reviewDue(LocalDate agreed, @org.jspecify.annotations.Nullable LocalDate lastReview) {
		return lastReview == null ? agreed.plusMonths(6) : lastReview.plusYears(1);
	}

}
