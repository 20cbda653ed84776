package care.seamless.funding;

import java.math.BigDecimal;

/** One weekly income the person declared. */
public record IncomeItem(IncomeKind kind, BigDecimal weeklyAmount) {
}
