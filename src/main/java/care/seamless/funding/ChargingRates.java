package care.seamless.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The figures of one financial year, read from {@code funding.charging_year} and
 * {@code funding.income_guarantee}: never written in code.
 *
 * @param incomeGuarantee the Minimum Income Guarantee amounts by code (base amounts and
 * additions)
 */
public record ChargingRates(String yearLabel, LocalDate startsOn, LocalDate endsOn, BigDecimal lowerCapitalLimit,
		BigDecimal upperCapitalLimit, BigDecimal tariffStep, BigDecimal tariffPerStep,
		BigDecimal personalExpensesAllowance, int propertyDisregardWeeks, BigDecimal homeSaleCostPercent,
		int intermediateCareFreeWeeks, BigDecimal minorAidsLimit, String note,
		Map<String, GuaranteeAmount> incomeGuarantee) {

	/** One amount of the Minimum Income Guarantee. */
	public record GuaranteeAmount(String code, boolean addition, BigDecimal weeklyAmount, String description) {
	}

	public ChargingRates {
		incomeGuarantee = Map.copyOf(incomeGuarantee);
	}

	/** The code of the base amounts, in a stable order. */
	public java.util.List<GuaranteeAmount> bands() {
		return incomeGuarantee.values()
			.stream()
			.filter(g -> !g.addition())
			.sorted(java.util.Comparator.comparing(GuaranteeAmount::weeklyAmount).thenComparing(GuaranteeAmount::code))
			.toList();
	}

	public java.util.List<GuaranteeAmount> additions() {
		return incomeGuarantee.values()
			.stream()
			.filter(GuaranteeAmount::addition)
			.sorted(java.util.Comparator.comparing(GuaranteeAmount::code))
			.toList();
	}

}
