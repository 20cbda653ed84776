package care.seamless.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A financial assessment as the form or the API gives it: every value may be missing or
 * wrong, and {@link FinancialAssessments} names every problem at once. When the person
 * already has an assessment, {@code replacesVersion} names the version of it that was
 * read; the old one is kept, marked as replaced.
 */
public record NewAssessment(@Nullable AssessmentKind kind, @Nullable CareSetting setting, @Nullable String yearLabel,
		@Nullable LocalDate assessedOn, @Nullable BigDecimal weeklyCost, @Nullable BigDecimal savings,
		@Nullable BigDecimal otherCapital, @Nullable BigDecimal homeValue, @Nullable BigDecimal homeDebt,
		@Nullable Boolean homeDisregarded, @Nullable LocalDate admittedOn, List<IncomeItem> income,
		@Nullable BigDecimal housingCosts, @Nullable BigDecimal disabilityRelatedExpenditure,
		@Nullable String guaranteeBand, Set<String> guaranteeAdditions, @Nullable BigDecimal agreedContribution,
		@Nullable Long replacesVersion) {

	public NewAssessment {
		income = income == null ? List.of() : List.copyOf(income);
		guaranteeAdditions = guaranteeAdditions == null ? Set.of() : Set.copyOf(guaranteeAdditions);
	}

}
