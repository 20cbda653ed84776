package care.seamless.funding;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * When a budget needs approval and whether it has it. An approval holds only for the
 * costed support it was asked about: the costs are fingerprinted when approval is asked,
 * and any later change to a cost or payer means the budget needs approval again.
 */
public final class ApprovalRules {

	private ApprovalRules() {
	}

	/** One costed item, as fingerprinted. */
	public record CostedItem(UUID actionId, BigDecimal weeklyCost, Payer payer) {
	}

	/**
	 * The latest request for approval: its decision (null while waiting) and fingerprint.
	 */
	public record Latest(@Nullable ApprovalDecision decision, String fingerprint) {
	}

	/**
	 * @param threshold the team's threshold for the year; null when none is recorded, so
	 * that every budget needs approval (fail closed)
	 */
	public static ApprovalState state(BigDecimal total, @Nullable BigDecimal threshold, @Nullable Latest latest,
			String fingerprint) {
		if (threshold != null && total.compareTo(threshold) <= 0) {
			return ApprovalState.NOT_NEEDED;
		}
		if (latest == null || !latest.fingerprint().equals(fingerprint)) {
			return ApprovalState.NEEDED;
		}
		if (latest.decision() == null) {
			return ApprovalState.AWAITING;
		}
		return switch (latest.decision()) {
			case APPROVED -> ApprovalState.APPROVED;
			case RETURNED -> ApprovalState.RETURNED;
			case DECLINED -> ApprovalState.DECLINED;
		};
	}

	/** Whether only the funding panel may approve this total. */
	public static boolean needsPanel(BigDecimal total, @Nullable BigDecimal panelThreshold) {
		return panelThreshold != null && total.compareTo(panelThreshold) > 0;
	}

	public static String fingerprint(List<CostedItem> items) {
		StringBuilder text = new StringBuilder();
		items.stream()
			.sorted(java.util.Comparator.comparing(CostedItem::actionId))
			.forEach(i -> text.append(i.actionId())
				.append(':')
				.append(Amounts.pounds(i.weeklyCost()).toPlainString())
				.append(':')
				.append(i.payer())
				.append(';'));
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
