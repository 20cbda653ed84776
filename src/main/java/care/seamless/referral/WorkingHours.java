package care.seamless.referral;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working-time arithmetic over one calendar: Monday to Friday between {@code start} and
 * {@code end} in {@code zone}, except the listed holidays. Plain Java, so clock rules are
 * tested without a database. A working day is the length of one working day's hours, so
 * "one working day" from Friday 16:00 is Monday 16:00.
 */
public record WorkingHours(LocalTime start, LocalTime end, ZoneId zone, Set<LocalDate> holidays) {

	public WorkingHours {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("Working hours must end after they start");
		}
		holidays = Set.copyOf(holidays);
	}

	public boolean isWorkingDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !holidays.contains(day);
	}

	public Duration workingDay() {
		return Duration.between(start, end);
	}

	/** The instant {@code amount} of working time after {@code from}. */
	public Instant plus(Instant from, Duration amount) {
		ZonedDateTime at = from.atZone(zone);
		long remaining = amount.toMinutes();
		while (true) {
			at = nextWorkingMoment(at);
			long left = Duration.between(at.toLocalTime(), end).toMinutes();
			if (remaining <= left) {
				return at.plusMinutes(remaining).toInstant();
			}
			remaining -= left;
			at = at.toLocalDate().plusDays(1).atTime(start).atZone(zone);
		}
	}

	public Instant plusWorkingDays(Instant from, int days) {
		return plus(from, workingDay().multipliedBy(days));
	}

	/** Whole working days from {@code from} (exclusive) to {@code to} (inclusive). */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int days = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				days++;
			}
		}
		return days;
	}

	private ZonedDateTime nextWorkingMoment(ZonedDateTime at) {
		ZonedDateTime moment = at;
		while (!isWorkingDay(moment.toLocalDate()) || !moment.toLocalTime().isBefore(end)) {
			moment = moment.toLocalDate().plusDays(1).atTime(start).atZone(zone);
		}
		if (moment.toLocalTime().isBefore(start)) {
			moment = moment.toLocalDate().atTime(start).atZone(zone);
		}
		return moment;
	}

}
