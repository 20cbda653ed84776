package care.seamless.funding;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** The statement's parts always add up to the budget, to the penny. */
class BudgetStatementPropertyTests {

	@Property
	void personCouncilAndNhsPartsAlwaysSumToTheBudget(@ForAll @LongRange(min = 0, max = 100_000_000) long totalPence,
			@ForAll @LongRange(min = 0, max = 100) long nhsPercent,
			@ForAll @LongRange(min = -1, max = 200_000_000) long contributionPence) {
		BigDecimal total = BigDecimal.valueOf(totalPence, 2);
		BigDecimal nhs = BigDecimal.valueOf(totalPence * nhsPercent / 100, 2);
		BigDecimal contribution = contributionPence < 0 ? null : BigDecimal.valueOf(contributionPence, 2);
		BudgetStatement statement = BudgetStatement.of(total, nhs, contribution);
		assertThat(statement.personPart().add(statement.council()).add(statement.nhs())).isEqualTo(total.setScale(2));
		assertThat(statement.council().signum()).isGreaterThanOrEqualTo(0);
		assertThat(statement.personPart().signum()).isGreaterThanOrEqualTo(0);
	}

}
