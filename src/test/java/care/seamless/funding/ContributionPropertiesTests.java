package care.seamless.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the engine over any declared means: a contribution never leaves the
 * person below the protected amount, more capital never lowers it, and declining to
 * disclose always means the full cost.
 */
class ContributionPropertiesTests {

	private static final ChargingRates RATES = RatesFixture.year2025();

	@Property
	void neverLeavesIncomeBelowTheProtectedAmount(@ForAll("means") Means means) {
		Contribution result = ContributionRules.assess(means, RATES);
		BigDecimal capital = means.savings().add(means.otherCapital());
		// Above the upper capital limit the person pays the full cost whatever their
		// income.
		net.jqwik.api.Assume.that(capital.compareTo(RATES.upperCapitalLimit()) <= 0);
		BigDecimal income = counted(means).add(tariff(capital));
		assertThat(result.weeklyContribution()).isBetween(BigDecimal.ZERO, means.weeklyCost());
		if (result.weeklyContribution().signum() > 0) {
			assertThat(income.subtract(result.weeklyContribution())).isGreaterThanOrEqualTo(result.protectedAmount());
		}
	}

	@Property
	void moreCapitalNeverLowersTheContribution(@ForAll("means") Means means,
			@ForAll("amounts") BigDecimal moreSavings) {
		Means richer = new Means(means.kind(), means.setting(), means.assessedOn(), means.weeklyCost(),
				means.savings().add(moreSavings), means.otherCapital(), means.homeValue(), means.homeDebt(),
				means.homeDisregarded(), means.admittedOn(), means.income(), means.housingCosts(),
				means.disabilityRelatedExpenditure(), means.guaranteeBand(), means.guaranteeAdditions(),
				means.agreedContribution());
		assertThat(ContributionRules.assess(richer, RATES).weeklyContribution())
			.isGreaterThanOrEqualTo(ContributionRules.assess(means, RATES).weeklyContribution());
	}

	@Property
	void decliningAlwaysMeansTheFullCost(@ForAll("amounts") BigDecimal cost, @ForAll boolean residential) {
		Means declined = Means.declined(residential ? CareSetting.RESIDENTIAL : CareSetting.NON_RESIDENTIAL,
				LocalDate.of(2025, 6, 1), cost);
		assertThat(ContributionRules.assess(declined, RATES).weeklyContribution()).isEqualTo(cost);
	}

	@Provide
	Arbitrary<BigDecimal> amounts() {
		return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60000")).ofScale(2);
	}

	@Provide
	Arbitrary<Means> means() {
		Arbitrary<BigDecimal> weekly = Arbitraries.bigDecimals()
			.between(BigDecimal.ZERO, new BigDecimal("900"))
			.ofScale(2);
		Arbitrary<IncomeItem> item = Combinators.combine(Arbitraries.of(IncomeKind.class), weekly).as(IncomeItem::new);
		Arbitrary<String> band = Arbitraries
			.of(RATES.bands().stream().map(ChargingRates.GuaranteeAmount::code).toList());
		Arbitrary<Set<String>> additions = Arbitraries
			.subsetOf(RATES.additions().stream().map(ChargingRates.GuaranteeAmount::code).toList());
		Arbitrary<CareSetting> settings = Arbitraries.of(CareSetting.class);
		Arbitrary<List<IncomeItem>> incomes = item.list().ofMaxSize(4);
		Arbitrary<List<BigDecimal>> costs = weekly.list().ofSize(2);
		Arbitrary<Capital> capital = Combinators.combine(settings, weekly, amounts(), amounts()).as(Capital::new);
		Arbitrary<Spending> spending = Combinators.combine(incomes, costs, band, additions).as(Spending::new);
		return Combinators.combine(capital, spending)
			.as((c, s) -> new Means(AssessmentKind.FULL, c.setting(), LocalDate.of(2025, 6, 1), c.cost(), c.savings(),
					c.other(), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), false, null, s.income(),
					s.costs().get(0), s.costs().get(1), s.band(), s.additions(), null));
	}

	record Capital(CareSetting setting, BigDecimal cost, BigDecimal savings, BigDecimal other) {
	}

	record Spending(List<IncomeItem> income, List<BigDecimal> costs, String band, Set<String> additions) {
	}

	private static BigDecimal counted(Means means) {
		BigDecimal total = BigDecimal.ZERO;
		for (IncomeItem item : means.income()) {
			total = total.add(switch (item.kind().disregard()) {
				case NONE -> item.weeklyAmount();
				case ALL -> BigDecimal.ZERO;
				case TEN_POUNDS ->
					item.weeklyAmount().subtract(item.weeklyAmount().min(BigDecimal.TEN)).max(BigDecimal.ZERO);
			});
		}
		return total;
	}

	private static BigDecimal tariff(BigDecimal capital) {
		if (capital.compareTo(RATES.lowerCapitalLimit()) <= 0) {
			return BigDecimal.ZERO;
		}
		return capital.subtract(RATES.lowerCapitalLimit())
			.divide(RATES.tariffStep(), 0, java.math.RoundingMode.CEILING);
	}

}
