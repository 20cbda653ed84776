package care.seamless.referral;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingHoursTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final WorkingHours hours = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0), LONDON,
			Set.of(LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06")));

	private static Instant london(String local) {
		return java.time.LocalDateTime.parse(local).atZone(LONDON).toInstant();
	}

	@Test
	void fourWorkingHoursWithinOneDay() {
		assertThat(hours.plus(london("2026-03-10T10:00"), Duration.ofHours(4))).isEqualTo(london("2026-03-10T14:00"));
	}

	@Test
	void workingHoursCarryOverTheNightAndTheWeekend() {
		assertThat(hours.plus(london("2026-03-13T15:00"), Duration.ofHours(4))).isEqualTo(london("2026-03-16T11:00"));
	}

	@Test
	void timeSentOutOfHoursStartsAtTheNextOpening() {
		assertThat(hours.plus(london("2026-03-14T20:00"), Duration.ofHours(4))).isEqualTo(london("2026-03-16T13:00"));
		assertThat(hours.plus(london("2026-03-16T07:30"), Duration.ofHours(1))).isEqualTo(london("2026-03-16T10:00"));
	}

	@Test
	void easterBankHolidaysAreSkipped() {
		// Thursday before Good Friday, one working day: Friday and Monday are holidays.
		assertThat(hours.plusWorkingDays(london("2026-04-02T11:00"), 1)).isEqualTo(london("2026-04-07T11:00"));
		assertThat(hours.workingDaysBetween(LocalDate.parse("2026-04-02"), LocalDate.parse("2026-04-08"))).isEqualTo(2);
	}

	@Test
	void fiveWorkingDaysIsAWeekLater() {
		assertThat(hours.plusWorkingDays(london("2026-03-10T09:30"), 5)).isEqualTo(london("2026-03-17T09:30"));
	}

	@Test
	void aDeadlineMayFallOnTheClosingMinute() {
		assertThat(hours.plus(london("2026-03-10T13:00"), Duration.ofHours(4))).isEqualTo(london("2026-03-10T17:00"));
	}

	@Test
	void summerTimeKeepsLocalHours() {
		// Clocks go forward on Sunday 29 March 2026; the deadline is still 11:00 local.
		assertThat(hours.plus(london("2026-03-27T15:00"), Duration.ofHours(4))).isEqualTo(london("2026-03-30T11:00"));
	}

}
