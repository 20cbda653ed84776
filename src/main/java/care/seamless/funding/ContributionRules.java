package care.seamless.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The financial assessment as plain code, with no Spring and no database, so that every
 * rule can be tested by hand against the statutory guidance: capital (with the 12-week
 * property disregard in a care home), tariff income between the capital limits, income
 * with its disregards, the Minimum Income Guarantee with housing costs and
 * disability-related expenditure outside a care home, the personal expenses allowance in
 * one. The rates are the year's data ({@link ChargingRates}); each line of the working
 * names the rule it comes from. docs/funding.md lists the sources.
 */
public final class ContributionRules {

	static final String REGULATIONS = "Care and Support (Charging and Assessment of Resources) Regulations 2014";

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private static final BigDecimal TEN_POUNDS = new BigDecimal("10.00");

	private ContributionRules() {
	}

	/** Works out the weekly contribution, with every line of the working. */
	public static Contribution assess(Means means, ChargingRates rates) {
		List<WorkingLine> working = new ArrayList<>();
		BigDecimal cost = money(means.weeklyCost());
		working.add(new WorkingLine("Weekly cost of the care and support", cost, "Care plan costing"));
		return switch (means.kind()) {
			case DECLINED -> {
				working.add(new WorkingLine("You chose not to share your financial details, so you pay the full cost",
						cost, "Care and Support Statutory Guidance, chapter 8 (choosing not to be assessed)"));
				yield new Contribution(cost, ZERO, working);
			}
			case LIGHT_TOUCH -> {
				BigDecimal agreed = money(require(means.agreedContribution(), "agreedContribution"));
				working.add(new WorkingLine("Weekly amount agreed without the full working", agreed,
						"Care and Support Statutory Guidance 8.22 to 8.25 (light-touch assessment)"));
				BigDecimal due = agreed.min(cost);
				working.add(new WorkingLine("Weekly contribution (never more than the cost)", due,
						"Care Act 2014 s14 and s17"));
				yield new Contribution(due, ZERO, working);
			}
			case FULL -> full(means, rates, cost, working);
		};
	}

	private static Contribution full(Means means, ChargingRates rates, BigDecimal cost, List<WorkingLine> working) {
		BigDecimal capital = capital(means, rates, working);
		if (capital.compareTo(rates.upperCapitalLimit()) > 0) {
			working.add(new WorkingLine("Capital is above the upper limit of " + pounds(rates.upperCapitalLimit())
					+ ", so you pay the full cost", cost, REGULATIONS + " reg 12; Annex B"));
			return new Contribution(cost, ZERO, working);
		}
		BigDecimal tariff = tariff(capital, rates, working);
		BigDecimal income = income(means, working).add(tariff);
		working.add(new WorkingLine("Total weekly income counted, with tariff income", income, "Annex C"));
		BigDecimal allowed;
		BigDecimal protectedAmount;
		if (means.setting() == CareSetting.RESIDENTIAL) {
			protectedAmount = money(rates.personalExpensesAllowance());
			working.add(new WorkingLine("Personal expenses allowance you keep", protectedAmount.negate(),
					REGULATIONS + " reg 6; LAC " + rates.yearLabel()));
			allowed = protectedAmount;
		}
		else {
			protectedAmount = guarantee(means, rates, working);
			BigDecimal housing = money(means.housingCosts());
			BigDecimal expenditure = money(means.disabilityRelatedExpenditure());
			working.add(new WorkingLine("Housing costs", housing.negate(), "Annex C (housing costs)"));
			working.add(new WorkingLine("Disability-related expenditure", expenditure.negate(),
					"Annex C (disability-related expenditure); reg 15(b)"));
			allowed = protectedAmount.add(housing).add(expenditure);
		}
		BigDecimal available = income.subtract(allowed).max(ZERO);
		working.add(new WorkingLine("Left after what you keep", available, REGULATIONS + " regs 6 and 7"));
		BigDecimal due = available.min(cost);
		working
			.add(new WorkingLine("Weekly contribution (never more than the cost)", due, "Care Act 2014 s14 and s17"));
		return new Contribution(due, protectedAmount, working);
	}

	private static BigDecimal capital(Means means, ChargingRates rates, List<WorkingLine> working) {
		BigDecimal savings = money(means.savings());
		BigDecimal other = money(means.otherCapital());
		working.add(new WorkingLine("Savings and investments", savings, "Annex B"));
		working.add(new WorkingLine("Other capital", other, "Annex B"));
		BigDecimal home = home(means, rates, working);
		BigDecimal total = savings.add(other).add(home);
		working.add(new WorkingLine("Total capital counted", total, "Annex B"));
		return total;
	}

	private static BigDecimal home(Means means, ChargingRates rates, List<WorkingLine> working) {
		BigDecimal value = money(means.homeValue());
		if (value.signum() == 0) {
			return ZERO;
		}
		if (means.setting() == CareSetting.NON_RESIDENTIAL) {
			working.add(new WorkingLine("Your home is not counted while you live in it", ZERO,
					REGULATIONS + " Schedule 2 para 1"));
			return ZERO;
		}
		if (means.homeDisregarded()) {
			working.add(new WorkingLine("Your home is not counted: a qualifying relative lives there", ZERO,
					REGULATIONS + " Schedule 2 para 4"));
			return ZERO;
		}
		if (means.admittedOn() != null
				&& means.assessedOn().isBefore(means.admittedOn().plusWeeks(rates.propertyDisregardWeeks()))) {
			working.add(new WorkingLine(
					"Your home is not counted in the first " + rates.propertyDisregardWeeks()
							+ " weeks of your permanent stay",
					ZERO, REGULATIONS + " Schedule 2 para 2 (12-week disregard)"));
			return ZERO;
		}
		BigDecimal saleCosts = money(value.multiply(rates.homeSaleCostPercent()).movePointLeft(2));
		BigDecimal debt = money(means.homeDebt());
		working.add(new WorkingLine("Value of your home", value, "Annex B"));
		working.add(new WorkingLine("Less the costs of selling it", saleCosts.negate(), REGULATIONS + " reg 23(1)(a)"));
		working.add(new WorkingLine("Less debts secured on it", debt.negate(), REGULATIONS + " reg 23(1)(b)"));
		return value.subtract(saleCosts).subtract(debt).max(ZERO);
	}

	private static BigDecimal tariff(BigDecimal capital, ChargingRates rates, List<WorkingLine> working) {
		if (capital.compareTo(rates.lowerCapitalLimit()) <= 0) {
			working.add(new WorkingLine("Capital is at or below the lower limit of " + pounds(rates.lowerCapitalLimit())
					+ ": no tariff income", ZERO, REGULATIONS + " reg 25"));
			return ZERO;
		}
		BigDecimal steps = capital.subtract(rates.lowerCapitalLimit())
			.divide(rates.tariffStep(), 0, RoundingMode.CEILING);
		BigDecimal tariff = money(steps.multiply(rates.tariffPerStep()));
		working.add(new WorkingLine(
				"Tariff income: " + pounds(rates.tariffPerStep()) + " a week for every " + pounds(rates.tariffStep())
						+ " (or part of it) above " + pounds(rates.lowerCapitalLimit()) + " (" + steps + " steps)",
				tariff, REGULATIONS + " reg 25"));
		return tariff;
	}

	private static BigDecimal income(Means means, List<WorkingLine> working) {
		BigDecimal counted = ZERO;
		for (IncomeItem item : means.income()) {
			BigDecimal amount = money(item.weeklyAmount());
			BigDecimal disregarded = switch (item.kind().disregard()) {
				case NONE -> ZERO;
				case ALL -> amount;
				case TEN_POUNDS -> amount.min(TEN_POUNDS);
			};
			working.add(new WorkingLine(label(item.kind()), amount, "Annex C"));
			if (disregarded.signum() > 0) {
				working.add(new WorkingLine("Less the part not counted", disregarded.negate(), item.kind().rule()));
			}
			counted = counted.add(amount).subtract(disregarded);
		}
		working.add(new WorkingLine("Weekly income counted", counted, REGULATIONS + " reg 14 and Schedule 1"));
		return counted;
	}

	private static BigDecimal guarantee(Means means, ChargingRates rates, List<WorkingLine> working) {
		ChargingRates.GuaranteeAmount band = rates.incomeGuarantee()
			.get(require(means.guaranteeBand(), "guaranteeBand"));
		if (band == null || band.addition()) {
			throw new IllegalArgumentException("Not a Minimum Income Guarantee band of " + rates.yearLabel());
		}
		BigDecimal total = money(band.weeklyAmount());
		working.add(new WorkingLine("Minimum Income Guarantee: " + band.description(), total.negate(),
				REGULATIONS + " reg 7; LAC " + rates.yearLabel()));
		for (String code : means.guaranteeAdditions().stream().sorted().toList()) {
			ChargingRates.GuaranteeAmount addition = rates.incomeGuarantee().get(code);
			if (addition == null || !addition.addition()) {
				throw new IllegalArgumentException("Not a Minimum Income Guarantee addition of " + rates.yearLabel());
			}
			working.add(new WorkingLine("Minimum Income Guarantee: " + addition.description(),
					money(addition.weeklyAmount()).negate(), REGULATIONS + " reg 7; LAC " + rates.yearLabel()));
			total = total.add(money(addition.weeklyAmount()));
		}
		return total;
	}

	static String label(IncomeKind kind) {
		return switch (kind) {
			case STATE_PENSION -> "State Pension";
			case OCCUPATIONAL_OR_PRIVATE_PENSION -> "Occupational or private pension";
			case PENSION_CREDIT -> "Pension Credit";
			case ATTENDANCE_ALLOWANCE_OR_CARE_COMPONENT -> "Attendance Allowance, or a disability benefit's care part";
			case MOBILITY_COMPONENT -> "Mobility part of a disability benefit";
			case EARNINGS -> "Earnings";
			case WAR_PENSION -> "War pension";
			case UNIVERSAL_CREDIT_OR_ESA -> "Universal Credit or Employment and Support Allowance";
			case OTHER -> "Other income";
		};
	}

	static BigDecimal money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

	static String pounds(BigDecimal amount) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
		return format.format(amount).replace(".00", "");
	}

	private static <T> T require(T value, String field) {
		if (value == null) {
			throw new IllegalArgumentException(field + " is needed for this assessment");
		}
		return value;
	}

}
