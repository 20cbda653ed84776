package care.seamless.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The running balance of a direct payment: what the council paid in, less what was
 * returned or reclaimed, entry by entry in the order recorded. Exact: every amount has
 * two decimals and only adds or subtracts.
 */
public final class DirectPaymentLedger {

	private DirectPaymentLedger() {
	}

	/** An entry as recorded. */
	public record Entry(int seq, LedgerKind kind, LocalDate on, BigDecimal amount, @Nullable String note) {
	}

	/** An entry with the balance after it. */
	public record Line(Entry entry, BigDecimal balance) {
	}

	public static List<Line> lines(List<Entry> entries) {
		List<Line> lines = new ArrayList<>();
		BigDecimal balance = Amounts.zero();
		for (Entry entry : entries) {
			balance = entry.kind().paysIn() ? balance.add(entry.amount()) : balance.subtract(entry.amount());
			lines.add(new Line(entry, balance));
		}
		return List.copyOf(lines);
	}

	public static BigDecimal balance(List<Entry> entries) {
		List<Line> lines = lines(entries);
		return lines.isEmpty() ? Amounts.zero() : lines.get(lines.size() - 1).balance();
	}

	/**
	 * Why a new entry cannot be made, or null when it can: nothing leaves the account
	 * that is not in it.
	 */
	public static @Nullable String refusal(List<Entry> entries, LedgerKind kind, BigDecimal amount) {
		if (amount.signum() <= 0) {
			return "Enter an amount greater than nothing";
		}
		BigDecimal balance = balance(entries);
		if (!kind.paysIn() && amount.compareTo(balance) > 0) {
			return "Only £" + balance.toPlainString() + " is held on this direct payment, so no more than that can "
					+ (kind == LedgerKind.RETURN ? "be returned" : "be reclaimed");
		}
		return null;
	}

}
