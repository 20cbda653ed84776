package care.seamless.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarDatesTests {

	private static final LocalDate TWELFTH_OF_MARCH = LocalDate.of(2026, 3, 12);

	@ParameterizedTest
	@ValueSource(strings = { "2026-03-12", "2026-3-12", "20260312", "12/3/2026", "12/03/2026", "12-3-2026", "12.3.2026",
			"12 3 2026", " 12 / 3 / 2026 " })
	void readsIsoAndUkDayFirstDates(String text) {
		assertThat(CalendarDates.parse(text)).contains(TWELFTH_OF_MARCH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "31/02/2026", "2026-02-30", "29/2/2025", "12/13/2026", "0/1/2026", "12/3/26", "3/12/1799",
			"1/1/2201", "2026-13-45", "1e309", "99999999999999999999", "12/3/2026\u0000", "12\u00003/2026", "", " ",
			"today", "2026/03/12", "3/12/2026/1" })
	void refusesAnythingThatIsNotARealDateInAKnownForm(String text) {
		assertThat(CalendarDates.parse(text)).isEmpty();
	}

	@Test
	void readsTheThreeGovUkBoxesTheSameWay() {
		assertThat(CalendarDates.parse("12", "3", "2026")).contains(TWELFTH_OF_MARCH);
		assertThat(CalendarDates.parse(" 12 ", "03", "2026 ")).contains(TWELFTH_OF_MARCH);
		assertThat(CalendarDates.parse("29", "2", "2024")).contains(LocalDate.of(2024, 2, 29));
		assertThat(CalendarDates.parse("29", "2", "2025")).isEmpty();
		assertThat(CalendarDates.parse("12", "3", null)).isEmpty();
		assertThat(CalendarDates.parse("12/3", "4", "2026")).isEmpty();
		assertThat(CalendarDates.parse("12", "3", "99999999999")).isEmpty();
		assertThat(CalendarDates.blank(null, " ", "")).isTrue();
		assertThat(CalendarDates.blank(null, "3", "")).isFalse();
	}

	/**
	 * ADR 105: a database's date read without the formatter, exactly as the formatter
	 * reads it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2026-03-12", "2024-02-29", "1890-01-01", "0001-12-31", "9999-12-31", "2000-10-05",
			"+10000-01-01", "-0044-03-15" })
	void readsADatabasesIsoDateAsLocalDateParseDoes(String text) {
		assertThat(CalendarDates.fromIso(text)).isEqualTo(LocalDate.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-3-12", "" })
	void refusesWhatIsNotAnIsoDateAsLocalDateParseDoes(String text) {
		assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(java.time.DateTimeException.class);
		assertThatThrownBy(() -> CalendarDates.fromIso(text)).isInstanceOf(java.time.DateTimeException.class);
	}

}
