package care.seamless.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnership's working-day calendar: bank holidays of the configured region from the
 * {@code referral.bank_holiday} table (data: add next year's without a release), working
 * hours and zone from {@code seamless.calendar.*}. Response clocks run on it; any module
 * that counts working days (hospital discharge) should use it too, so two clocks never
 * disagree about Easter Monday.
 */
@Service
public class WorkingCalendar {

	private final CalendarRepository repository;

	private final Clock clock;

	private final String region;

	private final LocalTime start;

	private final LocalTime end;

	private final ZoneId zone;

	WorkingCalendar(CalendarRepository repository, Clock clock,
			@Value("${seamless.calendar.region:england-and-wales}") String region,
			@Value("${seamless.calendar.working-day-start:09:00}") LocalTime start,
			@Value("${seamless.calendar.working-day-end:17:00}") LocalTime end,
			@Value("${seamless.calendar.zone:Europe/London}") ZoneId zone) {
		this.repository = repository;
		this.clock = clock;
		this.region = region;
		this.start = start;
		this.end = end;
		this.zone = zone;
	}

	/**
	 * The calendar as it stands now (holidays read fresh, so a holiday added today counts
	 * on the next clock run).
	 */
	@Transactional(readOnly = true)
	public WorkingHours hours() {
		return new WorkingHours(start, end, zone, new HashSet<>(repository.holidays(region)));
	}

	public Instant plus(Instant from, Duration workingTime) {
		return hours().plus(from, workingTime);
	}

	public Instant plusWorkingDays(Instant from, int days) {
		return hours().plusWorkingDays(from, days);
	}

	public boolean isWorkingDay(LocalDate day) {
		return hours().isWorkingDay(day);
	}

	public int workingDaysBetween(LocalDate from, LocalDate to) {
		return hours().workingDaysBetween(from, to);
	}

	/** Today in the calendar's zone, by the application's clock. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

}
