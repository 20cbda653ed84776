package care.seamless.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * A person's personal budget as one viewer may see it: the indicative budget and its
 * working, each plan item with its cost, the statement, the eligible needs without costed
 * support, and where approval stands.
 *
 * @param threshold the team's approval threshold for the year; null when none is recorded
 */
public record BudgetView(UUID id, PersonId personId, String personName, TeamId teamId, String teamName,
		int financialYear, int indicativePoints, BigDecimal indicativeWeekly, List<String> working,
		List<SupportLine> support, BudgetStatement statement, List<String> gaps, ApprovalState approval,
		@Nullable BigDecimal threshold, List<ApprovalView> approvals, long version) {

	/** One action or service of the plan, with its weekly cost when costed. */
	public record SupportLine(UUID actionId, String description, List<String> needs, boolean open,
			@Nullable BigDecimal weeklyCost, @Nullable Payer payer) {
	}

	/** One request for approval and what was decided. */
	public record ApprovalView(UUID id, BigDecimal weeklyTotal, boolean needsPanel, String requestedBy,
			Instant requestedAt, @Nullable ApprovalDecision decision, @Nullable String comments,
			@Nullable String decidedBy, @Nullable Instant decidedAt, long version) {
	}

	public String financialYearLabel() {
		return FinancialYear.label(financialYear);
	}

}
