package care.seamless.funding;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of a financial assessment: what the person pays each week towards their
 * care, the amount of income protected for them, and every line of the working.
 */
public record Contribution(BigDecimal weeklyContribution, BigDecimal protectedAmount, List<WorkingLine> working) {

	public Contribution {
		working = List.copyOf(working);
	}

}
