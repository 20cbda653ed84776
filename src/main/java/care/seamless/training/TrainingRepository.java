package care.seamless.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TrainingRepository {

	private static final String SQL_COURSES = """
			select id, topic, name, validity_months, version from training.course
			""";

	private static final String SQL_SESSIONS = """
			select s.id, s.course_id, c.name as course_name, c.topic, c.validity_months, s.held_on, s.place, s.trainer,
			       s.version,
			       (select count(*) from training.attendance a where a.session_id = s.id) as attendees,
			       (select count(distinct a.organisation_id) from training.attendance a where a.session_id = s.id)
			         as organisations
			from training.session s join training.course c on c.id = s.course_id
			""";

	private static final String SQL_ATTENDANCE = """
			select a.practitioner_id, %s as organisation_name, a.completed, a.expires_on
			from training.attendance a where a.session_id = :session
			""".formatted(Directory.organisationNameSql("a.organisation_id"));

	private static final String SQL_INSERT_ATTENDANCE = """
			insert into training.attendance (session_id, practitioner_id, organisation_id, completed, expires_on,
			  recorded_by)
			values (:session, :practitioner, :organisation, :completed, :expiresOn, :by)
			""";

	// Only completions still current on the day: expired ones count for nobody.
	private static final String SQL_CURRENT_COMPLETIONS = """
			select a.practitioner_id, a.session_id, c.topic, a.expires_on
			from training.attendance a
			join training.session s on s.id = a.session_id
			join training.course c on c.id = s.course_id
			where a.completed and a.expires_on > :today
			""";

	private static final String SQL_JOINT_SESSIONS = """
			select session_id from training.attendance group by session_id having count(distinct organisation_id) > 1
			""";

	// Each person's latest completion of each topic; due when it runs out before the
	// horizon (a newer completion of the same topic settles an older one).
	private static final String SQL_DUE = """
			select practitioner_id, topic, course_name, expires_on from (
			  select distinct on (a.practitioner_id, c.topic) a.practitioner_id, c.topic, c.name as course_name,
			         a.expires_on
			  from training.attendance a
			  join training.session s on s.id = a.session_id
			  join training.course c on c.id = s.course_id
			  where a.completed and a.practitioner_id in (:practitioners)
			  order by a.practitioner_id, c.topic, a.expires_on desc
			) latest
			where expires_on <= :horizon
			order by expires_on
			""";

	private static final String SQL_CURRENT = """
			select exists (
			  select 1 from training.attendance a
			  join training.session s on s.id = a.session_id
			  join training.course c on c.id = s.course_id
			  where a.practitioner_id = :practitioner and c.topic = :topic and a.completed and a.expires_on > :today)
			""";

	private final JdbcClient jdbc;

	TrainingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertCourse(UUID id, Topic topic, String name, int validityMonths, AccountId by) {
		jdbc.sql("""
				insert into training.course (id, topic, name, validity_months, created_by)
				values (:id, :topic, :name, :validity, :by)
				""")
			.param("id", id)
			.param("topic", topic.name())
			.param("name", name)
			.param("validity", validityMonths)
			.param("by", by.id())
			.update();
	}

	boolean courseNamed(String name) {
		return jdbc.sql("select exists (select 1 from training.course where lower(name) = lower(:name))")
			.param("name", name)
			.query(Boolean.class)
			.single();
	}

	List<Course> courses() {
		return jdbc.sql(SQL_COURSES + " order by topic, name").query(TrainingRepository::course).list();
	}

	Optional<Course> course(UUID id) {
		return jdbc.sql(SQL_COURSES + " where id = :id").param("id", id).query(TrainingRepository::course).optional();
	}

	void insertSession(UUID id, UUID course, LocalDate heldOn, String place, String trainer, AccountId by) {
		jdbc.sql("""
				insert into training.session (id, course_id, held_on, place, trainer, recorded_by)
				values (:id, :course, :heldOn, :place, :trainer, :by)
				""")
			.param("id", id)
			.param("course", course)
			.param("heldOn", heldOn)
			.param("place", place)
			.param("trainer", trainer)
			.param("by", by.id())
			.update();
	}

	List<TrainingSession> sessions() {
		return jdbc.sql(SQL_SESSIONS + " order by s.held_on desc, c.name").query(TrainingRepository::session).list();
	}

	Optional<TrainingSession> session(UUID id) {
		return jdbc.sql(SQL_SESSIONS + " where s.id = :id")
			.param("id", id)
			.query(TrainingRepository::session)
			.optional();
	}

	int sessionCount() {
		return jdbc.sql("select count(*) from training.session").query(Integer.class).single();
	}

	List<AttendanceRow> attendance(UUID session) {
		return jdbc.sql(SQL_ATTENDANCE)
			.param("session", session)
			.query((rs, n) -> new AttendanceRow(new PractitionerId(rs.getObject("practitioner_id", UUID.class)),
					rs.getString("organisation_name"), rs.getBoolean("completed"),
					rs.getObject("expires_on", LocalDate.class)))
			.list();
	}

	/**
	 * Replaces the session's attendance as one change, if nobody changed it since
	 * {@code version} was read; 0 is a conflict and nothing is written.
	 */
	int replaceAttendance(UUID session, long version, Collection<NewAttendance> rows, AccountId by) {
		int updated = jdbc
			.sql("update training.session set version = version + 1 where id = :id and version = :version")
			.param("id", session)
			.param("version", version)
			.update();
		if (updated == 0) {
			return 0;
		}
		jdbc.sql("delete from training.attendance where session_id = :session").param("session", session).update();
		for (NewAttendance row : rows) {
			jdbc.sql(SQL_INSERT_ATTENDANCE)
				.param("session", session)
				.param("practitioner", row.practitioner().id())
				.param("organisation", row.organisation().id())
				.param("completed", row.completed())
				.param("expiresOn", row.expiresOn())
				.param("by", by.id())
				.update();
		}
		return updated;
	}

	List<Coverage.Completion> currentCompletions(LocalDate today) {
		return jdbc.sql(SQL_CURRENT_COMPLETIONS)
			.param("today", today)
			.query((rs, n) -> new Coverage.Completion(new PractitionerId(rs.getObject("practitioner_id", UUID.class)),
					rs.getObject("session_id", UUID.class), Topic.valueOf(rs.getString("topic")),
					rs.getObject("expires_on", LocalDate.class)))
			.list();
	}

	Set<UUID> jointSessions() {
		return Set.copyOf(jdbc.sql(SQL_JOINT_SESSIONS).query(UUID.class).list());
	}

	List<DueRow> due(Collection<PractitionerId> practitioners, LocalDate horizon) {
		if (practitioners.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SQL_DUE)
			.param("practitioners", practitioners.stream().map(PractitionerId::id).toList())
			.param("horizon", horizon)
			.query((rs, n) -> new DueRow(new PractitionerId(rs.getObject("practitioner_id", UUID.class)),
					Topic.valueOf(rs.getString("topic")), rs.getString("course_name"),
					rs.getObject("expires_on", LocalDate.class)))
			.list();
	}

	boolean current(PractitionerId practitioner, Topic topic, LocalDate today) {
		return jdbc.sql(SQL_CURRENT)
			.param("practitioner", practitioner.id())
			.param("topic", topic.name())
			.param("today", today)
			.query(Boolean.class)
			.single();
	}

	record AttendanceRow(PractitionerId practitioner, String organisationName, boolean completed,
			@Nullable LocalDate expiresOn) {
	}

	record NewAttendance(PractitionerId practitioner, OrganisationId organisation, boolean completed,
			@Nullable LocalDate expiresOn) {
	}

	record DueRow(PractitionerId practitioner, Topic topic, String courseName, LocalDate expiresOn) {
	}

	private static Course course(ResultSet rs, int n) throws SQLException {
		return new Course(rs.getObject("id", UUID.class), Topic.valueOf(rs.getString("topic")), rs.getString("name"),
				rs.getInt("validity_months"), rs.getLong("version"));
	}

	private static TrainingSession session(ResultSet rs, int n) throws SQLException {
		return new TrainingSession(rs.getObject("id", UUID.class), rs.getObject("course_id", UUID.class),
				rs.getString("course_name"), Topic.valueOf(rs.getString("topic")), rs.getInt("validity_months"),
				rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getString("trainer"),
				rs.getInt("attendees"), rs.getInt("organisations"), rs.getLong("version"));
	}

}
