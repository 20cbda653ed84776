package care.seamless.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.provider.CsvFileSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each hand-worked example in {@code funding/worked-examples.psv} (the working is in the
 * file's comments) gives the same weekly contribution from the engine, to the penny.
 */
class WorkedExamplesTests {

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/funding/worked-examples.psv", delimiter = '|', maxCharsPerColumn = 1000)
	void theEngineAgreesWithTheHandWorking(ArgumentsAccessor row) {
		Means means = new Means(AssessmentKind.valueOf(row.getString(1)), CareSetting.valueOf(row.getString(2)),
				LocalDate.parse(row.getString(3)), money(row.getString(4)), money(row.getString(5)),
				money(row.getString(6)), money(row.getString(7)), money(row.getString(8)),
				Boolean.parseBoolean(row.getString(9)),
				row.getString(10) == null ? null : LocalDate.parse(row.getString(10)), income(row.getString(11)),
				money(row.getString(12)), money(row.getString(13)), row.getString(14),
				row.getString(15) == null ? Set.of() : Set.of(row.getString(15).split(";")),
				row.getString(16) == null ? null : money(row.getString(16)));
		Contribution result = ContributionRules.assess(means, RatesFixture.year2025());
		assertThat(result.weeklyContribution()).isEqualTo(money(row.getString(17)));
		assertThat(result.working()).isNotEmpty().allSatisfy(line -> assertThat(line.source()).isNotBlank());
		assertThat(result.working().get(result.working().size() - 1).amount()).isEqualTo(result.weeklyContribution());
	}

	private static BigDecimal money(String amount) {
		return new BigDecimal(amount).setScale(2);
	}

	private static List<IncomeItem> income(String items) {
		if (items == null) {
			return List.of();
		}
		return Arrays.stream(items.split(";"))
			.map(item -> item.split(":"))
			.map(parts -> new IncomeItem(IncomeKind.valueOf(parts[0]), money(parts[1])))
			.toList();
	}

}
