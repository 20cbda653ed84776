package care.seamless.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a financial assessment is worked out from: the kind of assessment, the care
 * setting and its weekly cost, the person's capital, weekly income and allowable
 * expenses, and the Minimum Income Guarantee band and additions that fit their age and
 * household. Every amount is in pounds with two decimals.
 *
 * @param homeDisregarded the main home is disregarded for another reason (a qualifying
 * relative lives there: Schedule 2 para 4)
 * @param admittedOn the first day of a permanent stay in a care home, which starts the
 * 12-week property disregard
 * @param agreedContribution for a light-touch assessment, the weekly amount agreed
 */
public record Means(AssessmentKind kind, CareSetting setting, LocalDate assessedOn, BigDecimal weeklyCost,
		BigDecimal savings, BigDecimal otherCapital, BigDecimal homeValue, BigDecimal homeDebt, boolean homeDisregarded,
		@Nullable LocalDate admittedOn, List<IncomeItem> income, BigDecimal housingCosts,
		BigDecimal disabilityRelatedExpenditure, @Nullable String guaranteeBand, Set<String> guaranteeAdditions,
		@Nullable BigDecimal agreedContribution) {

	public Means {
		income = List.copyOf(income);
		guaranteeAdditions = Set.copyOf(guaranteeAdditions);
	}

	/** A person who declines to disclose: only the cost matters. */
	public static Means declined(CareSetting setting, LocalDate on, BigDecimal weeklyCost) {
		BigDecimal zero = BigDecimal.ZERO.setScale(2);
		return new Means(AssessmentKind.DECLINED, setting, on, weeklyCost, zero, zero, zero, zero, false, null,
				List.of(), zero, zero, null, Set.of(), null);
	}

}
