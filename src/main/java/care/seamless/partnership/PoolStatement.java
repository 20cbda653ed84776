package care.seamless.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * A pooled fund's year: what each partner put in (with every variation), the budget lines
 * with spend to date and forecast outturn, and the year-end risk share of the forecast
 * variance with its working.
 */
public record PoolStatement(UUID partnershipId, String partnershipName, int financialYear, RiskShare.Rule rule,
		long version, List<PartnerLine> partners, List<Contribution> contributions, List<BudgetLine> lines,
		BigDecimal pooled, BigDecimal budgeted, BigDecimal spent, BigDecimal forecast, BigDecimal variance,
		RiskShare.@Nullable Result riskShare, @Nullable String riskShareProblem) {

	public PoolStatement {
		partners = List.copyOf(partners);
		contributions = List.copyOf(contributions);
		lines = List.copyOf(lines);
	}

	/** "2026/27" for the year starting 1 April 2026. */
	public String yearLabel() {
		return financialYear + "/" + String.format("%02d", (financialYear + 1) % 100);
	}

	public record PartnerLine(OrganisationId organisation, String name, BigDecimal contributed,
			@Nullable BigDecimal percentage, @Nullable BigDecimal cap) {
	}

	public record Contribution(String partner, BigDecimal amount, String kind, String reason, LocalDate on) {
	}

	public record BudgetLine(UUID id, String name, BigDecimal budget, BigDecimal spent, BigDecimal forecast,
			long version) {
	}

}
