package care.seamless.discharge.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.seamless.discharge.AdmissionView;
import care.seamless.discharge.Checklist;
import care.seamless.discharge.Pathway;
import care.seamless.shared.CalendarDates;
import org.jspecify.annotations.Nullable;

/**
 * The discharge pages' forms: text as typed, so a date that is not one is named on its
 * field rather than failing conversion.
 */
final class DischargeForms {

	static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");

	private DischargeForms() {
	}

	record AdmissionForm(@Nullable String nhsNumber, @Nullable UUID wardTeamId, @Nullable String hospital,
			@Nullable String ward, @Nullable String admittedOn, @Nullable String admittedTime,
			@Nullable String plannedDischarge) {

		static AdmissionForm empty() {
			return new AdmissionForm(null, null, null, null, null, null, null);
		}

	}

	record PlanForm(long version, @Nullable String plannedDischarge, @Nullable String dischargedOn,
			@Nullable String dischargedTime, @Nullable Pathway pathway, boolean supportInPlace, boolean equipment,
			boolean medicines, boolean carerTold, boolean carerConsulted, boolean transport) {

		static PlanForm of(AdmissionView view) {
			Checklist c = view.checklist();
			return new PlanForm(view.version(), text(view.plannedDischarge()),
					view.dischargedAt() == null ? null : text(view.dischargedAt().atZone(LONDON).toLocalDate()),
					view.dischargedAt() == null ? null
							: view.dischargedAt().atZone(LONDON).toLocalTime().withSecond(0).withNano(0).toString(),
					view.pathway(), c.supportInPlace(), c.equipment(), c.medicines(), c.carerTold(), c.carerConsulted(),
					c.transport());
		}

		Checklist checklist() {
			return new Checklist(supportInPlace, equipment, medicines, carerTold, carerConsulted, transport);
		}

	}

	record NoticeForm(@Nullable String kind, @Nullable String givenOn, @Nullable String proposedDischarge) {

		static NoticeForm empty() {
			return new NoticeForm(null, null, null);
		}

	}

	record DelayForm(@Nullable String day, @Nullable String reason, @Nullable String attribution,
			@Nullable String note) {

		static DelayForm empty() {
			return new DelayForm(null, null, null, null);
		}

	}

	record OwnViewForm(@Nullable String words) {
	}

	static String text(@Nullable LocalDate date) {
		return date == null ? "" : "%02d/%02d/%d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	/**
	 * A typed date, or null when blank; a date that is not a real one is added to
	 * {@code problems} under {@code field}.
	 */
	static @Nullable LocalDate date(@Nullable String text, String field, Map<String, String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Optional<LocalDate> date = CalendarDates.parse(text.strip());
		if (date.isEmpty()) {
			problems.putIfAbsent(field, "Enter a real date, like 20/06/2022");
			return null;
		}
		return date.get();
	}

	/** A day and optional time (the start of the day when blank) as an instant. */
	static @Nullable Instant instant(@Nullable String day, @Nullable String time, String field,
			Map<String, String> problems) {
		LocalDate date = date(day, field, problems);
		if (date == null) {
			return null;
		}
		LocalTime at = LocalTime.MIDNIGHT;
		if (time != null && !time.isBlank()) {
			try {
				at = LocalTime.parse(time.strip());
			}
			catch (DateTimeParseException ex) {
				problems.putIfAbsent(field + "Time", "Enter a time like 14:30");
				return null;
			}
		}
		return date.atTime(at).atZone(LONDON).toInstant();
	}

	static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field,
			Map<String, String> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			problems.putIfAbsent(field, "Choose one of the options");
			return null;
		}
	}

}
