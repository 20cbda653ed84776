package care.seamless.discharge;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.ReportingDatabase;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DelayedDayRepository {

	private static final String SQL_INSERT_DAY = """
			insert into discharge.delayed_day (id, admission_id, person_id, day, reason, recorded_by, recorded_at)
			values (:id, :admissionId, :personId, :day, :reason, :recordedBy, :recordedAt)
			on conflict (admission_id, day) do nothing
			""";

	private static final String SQL_INSERT_STEP = """
			insert into discharge.attribution (id, delayed_day_id, person_id, step, side, attribution, note,
			       by_practitioner, by_organisation, at)
			values (:id, :dayId, :personId, :step, :side, :attribution, :note, :by, :organisation, :at)
			""";

	private static final String SQL_BUMP = """
			update discharge.delayed_day set version = version + 1 where id = :id and version = :version
			""";

	private static final String SQL_KEYS = """
			select id, admission_id, person_id from discharge.delayed_day where id = :id
			""";

	private static final String SQL_DAYS = """
			select d.id, d.admission_id, d.day, d.reason, d.version,
			       t.id as step_id, t.step, t.side, t.attribution, t.note, t.by_practitioner, t.by_organisation, t.at
			from discharge.delayed_day d
			join discharge.attribution t on t.delayed_day_id = d.id
			where d.admission_id = :admissionId
			order by d.day, t.at, t.id
			""";

	// One row per delayed day of the month, with the admission's pathway, the day's
	// latest step and each side's latest view, over the admissions the reader may see.
	private static final String SQL_MONTH = """
			select d.admission_id, d.day, d.reason, a.pathway, last.step as last_step,
			       last.attribution as last_attribution,
			       (select t.attribution from discharge.attribution t where t.delayed_day_id = d.id and t.side = 'NHS'
			         order by t.at desc, t.id desc limit 1) as nhs_view,
			       (select t.attribution from discharge.attribution t where t.delayed_day_id = d.id
			         and t.side = 'SOCIAL_CARE' order by t.at desc, t.id desc limit 1) as social_care_view,
			       (select r.amount from discharge.daily_rate r where r.rule_set_id = a.rule_set_id
			         and r.valid_from <= d.day and (r.valid_to is null or r.valid_to >= d.day)
			         order by r.valid_from desc limit 1) as daily_rate,
			       (%s) as may_open
			from discharge.delayed_day d
			join discharge.admission a on a.id = d.admission_id
			join lateral (select t.step, t.attribution from discharge.attribution t where t.delayed_day_id = d.id
			              order by t.at desc, t.id desc limit 1) last on true
			where d.day >= :from and d.day < :to and %s
			order by d.day, d.admission_id
			""";

	private final JdbcClient jdbc;

	// The monthly report's read only: the read replica when there is one (ADR 48).
	private final JdbcClient reporting;

	DelayedDayRepository(JdbcClient jdbc, ReportingDatabase reporting) {
		this.jdbc = jdbc;
		this.reporting = JdbcClient.create(reporting.dataSource());
	}

	record DayKeys(UUID id, UUID admissionId, PersonId personId) {
	}

	/** False when the admission already has that day. */
	boolean insertDay(UUID id, AdmissionRepository.Keys admission, LocalDate day, DelayReason reason, PractitionerId by,
			Instant at) {
		return jdbc.sql(SQL_INSERT_DAY)
			.param("id", id)
			.param("admissionId", admission.id())
			.param("personId", admission.personId().id())
			.param("day", day)
			.param("reason", reason.name())
			.param("recordedBy", by.id())
			.param("recordedAt", Timestamp.from(at))
			.update() == 1;
	}

	void insertStep(UUID dayId, PersonId person, String step, Side side, Attribution attribution, @Nullable String note,
			PractitionerId by, OrganisationId organisation, Instant at) {
		jdbc.sql(SQL_INSERT_STEP)
			.param("id", UUID.randomUUID())
			.param("dayId", dayId)
			.param("personId", person.id())
			.param("step", step)
			.param("side", side.name())
			.param("attribution", attribution.name())
			.param("note", note)
			.param("by", by.id())
			.param("organisation", organisation.id())
			.param("at", Timestamp.from(at))
			.update();
	}

	/** False when someone else answered since {@code version} was read. */
	boolean bump(UUID dayId, long version) {
		return jdbc.sql(SQL_BUMP).param("id", dayId).param("version", version).update() == 1;
	}

	Optional<DayKeys> keys(UUID dayId) {
		return jdbc.sql(SQL_KEYS)
			.param("id", dayId)
			.query((rs, n) -> new DayKeys(rs.getObject("id", UUID.class), rs.getObject("admission_id", UUID.class),
					new PersonId(rs.getObject("person_id", UUID.class))))
			.optional();
	}

	/** Raw step rows; the service names the practitioners and organisations. */
	record StepRow(UUID id, String step, Side side, Attribution attribution, @Nullable String note, PractitionerId by,
			OrganisationId organisation, Instant at) {
	}

	record DayRows(UUID id, UUID admissionId, LocalDate day, DelayReason reason, long version, List<StepRow> steps) {
	}

	List<DayRows> days(UUID admission) {
		Map<UUID, DayRows> days = new LinkedHashMap<>();
		jdbc.sql(SQL_DAYS).param("admissionId", admission).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			LocalDate date = rs.getDate("day").toLocalDate();
			DelayReason reason = DelayReason.valueOf(rs.getString("reason"));
			long version = rs.getLong("version");
			DayRows day = days.computeIfAbsent(id,
					k -> new DayRows(k, admission, date, reason, version, new ArrayList<>()));
			day.steps()
				.add(new StepRow(rs.getObject("step_id", UUID.class), rs.getString("step"),
						Side.valueOf(rs.getString("side")), Attribution.valueOf(rs.getString("attribution")),
						rs.getString("note"), new PractitionerId(rs.getObject("by_practitioner", UUID.class)),
						new OrganisationId(rs.getObject("by_organisation", UUID.class)),
						rs.getTimestamp("at").toInstant()));
			return id;
		}).list();
		return List.copyOf(days.values());
	}

	/** One delayed day of a month as the report counts it. */
	record MonthRow(UUID admissionId, LocalDate day, DelayReason reason, @Nullable Pathway pathway, String lastStep,
			Attribution lastAttribution, @Nullable Attribution nhsView, @Nullable Attribution socialCareView,
			java.math.@Nullable BigDecimal dailyRate, boolean mayOpen) {
	}

	/**
	 * The month's delayed days counted under {@code visible}, each saying whether the
	 * reader may open its admission under {@code openable} (both conditions are the
	 * access policy's over the same reader, so their parameters agree).
	 */
	List<MonthRow> month(LocalDate from, LocalDate to, SqlCondition visible, SqlCondition openable) {
		return reporting.sql(SQL_MONTH.formatted(openable.sql(), visible.sql()))
			.params(openable.params())
			.params(visible.params())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> {
				Short pathway = rs.getObject("pathway", Short.class);
				return new MonthRow(rs.getObject("admission_id", UUID.class), rs.getDate("day").toLocalDate(),
						DelayReason.valueOf(rs.getString("reason")),
						pathway == null ? null : Pathway.ofNumber(pathway).orElseThrow(), rs.getString("last_step"),
						Attribution.valueOf(rs.getString("last_attribution")), attribution(rs.getString("nhs_view")),
						attribution(rs.getString("social_care_view")), rs.getBigDecimal("daily_rate"),
						rs.getBoolean("may_open"));
			})
			.list();
	}

	private static @Nullable Attribution attribution(@Nullable String name) {
		return name == null ? null : Attribution.valueOf(name);
	}

}
