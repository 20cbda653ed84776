package care.seamless.outcomes;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Small-number suppression and the financial quarters, without Spring. */
class FigureTests {

	@Test
	void countsUnderFiveAreSuppressedAndFiveIsShown() {
		assertThat(Figure.of(Measure.Kind.COUNT, 4, null).suppressed()).isTrue();
		assertThat(Figure.of(Measure.Kind.COUNT, 4, null).numerator()).isNull();
		assertThat(Figure.of(Measure.Kind.COUNT, 0, null).text("fewer than 5")).isEqualTo("fewer than 5");
		assertThat(Figure.of(Measure.Kind.COUNT, 5, null).text("x")).isEqualTo("5");
	}

	@Test
	void aPercentageOrRateFromANumeratorOrDenominatorUnderFiveIsSuppressed() {
		Figure smallDenominator = Figure.of(Measure.Kind.PERCENTAGE, 5, 4L);
		assertThat(smallDenominator.suppressed()).isTrue();
		assertThat(smallDenominator.numerator()).isEqualTo(5);
		assertThat(smallDenominator.denominator()).isNull();
		assertThat(Figure.of(Measure.Kind.PERCENTAGE, 4, 100L).suppressed()).isTrue();
		assertThat(Figure.of(Measure.Kind.PERCENTAGE, 5, 6L).value()).isEqualByComparingTo("83.3");
		assertThat(Figure.of(Measure.Kind.RATE_PER_100000, 6, 14L).value()).isEqualByComparingTo("42857.1");
		assertThat(Figure.of(Measure.Kind.RATE_PER_100000, 6, 3L).suppressed()).isTrue();
	}

	@Test
	void quartersFollowTheFinancialYear() {
		assertThat(Period.of(Period.Length.QUARTER, YearMonth.of(2026, 3)).label()).isEqualTo("2025/26 Q4");
		assertThat(Period.of(Period.Length.QUARTER, YearMonth.of(2026, 4)).label()).isEqualTo("2026/27 Q1");
		assertThat(Period.of(Period.Length.QUARTER, YearMonth.of(2026, 12)).label()).isEqualTo("2026/27 Q3");
		assertThat(Period.quarter(2026, 3).end()).isEqualTo(java.time.LocalDate.of(2026, 12, 31));
	}

}
