package care.seamless.team;

import care.seamless.shared.Profession;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.CalendarDates;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CareTeamRepository {

	/**
	 * Aliases of their own, because the record view embeds this in a query of its own
	 * ({@link CareTeams#membersJsonSql}) whose aliases must not capture the person
	 * column.
	 */
	private static final String SQL_MEMBERS = """
			select tm_c.id, tm_c.person_id, tm_c.practitioner_id,
			       tm_p.given_name || ' ' || tm_p.family_name as practitioner_name, tm_p.profession,
			       tm_o.name as organisation_name, tm_o.kind as organisation_kind, tm_t.name as team_name,
			       tm_c.role, tm_c.lead, tm_c.period_start, tm_c.period_end, tm_c.version, tm_c.end_reason,
			       tm_c.ended_by
			from team.care_team_member tm_c
			join team.practitioner tm_p on tm_p.id = tm_c.practitioner_id
			join team.organisation tm_o on tm_o.id = tm_p.organisation_id
			left join team.team tm_t on tm_t.id = tm_c.team_id
			""";

	private static final String SQL_MEMBERS_ORDER = " order by tm_c.lead desc, tm_c.period_end nulls first, practitioner_name";

	/** {@link #members}'s query over the person id in a column of the caller's query. */
	static String membersOfSql(String personColumn) {
		return SQL_MEMBERS + " where tm_c.person_id = " + personColumn + SQL_MEMBERS_ORDER;
	}

	private static final String SQL_TEAM_CASELOAD = """
			select distinct c.person_id from team.care_team_member c
			join team.team_membership m on m.practitioner_id = c.practitioner_id
			where m.team_id = :teamId and c.period_start <= current_date
			and (c.period_end is null or c.period_end > current_date)
			order by c.person_id
			""";

	private static final String SQL_INSERT = """
			insert into team.care_team_member (id, person_id, practitioner_id, team_id, role, lead, period_start)
			values (:id, :personId, :practitionerId, :teamId, :role, :lead, :start)
			""";

	private static final String SQL_END_LEAD = """
			update team.care_team_member set lead = false, version = version + 1
			where person_id = :personId and lead and period_end is null
			""";

	private static final String SQL_END = """
			update team.care_team_member set period_end = :end, lead = false, version = version + 1
			where id = :id and version = :version
			""";

	private static final String SQL_END_WITH_REASON = """
			update team.care_team_member set period_end = :end, lead = false, end_reason = :reason, ended_by = :endedBy,
			  version = version + 1
			where id = :id and version = :version and period_end is null
			""";

	private static final String SQL_MAKE_LEAD = """
			update team.care_team_member set lead = true, version = version + 1
			where person_id = :personId and practitioner_id = :practitionerId and period_end is null
			""";

	private final JdbcClient jdbc;

	CareTeamRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CareTeamMember> members(PersonId person) {
		return jdbc.sql(membersOfSql(":personId")).param("personId", person.id()).query(CareTeamRepository::map).list();
	}

	List<PersonId> teamCaseload(TeamId team) {
		return jdbc.sql(SQL_TEAM_CASELOAD)
			.param("teamId", team.id())
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.list();
	}

	Optional<CareTeamMember> member(UUID id) {
		return jdbc.sql(SQL_MEMBERS + " where tm_c.id = :id").param("id", id).query(CareTeamRepository::map).optional();
	}

	void insert(UUID id, PersonId person, PractitionerId practitioner, TeamId team, String role, boolean lead,
			LocalDate start) {
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("personId", person.id())
			.param("practitionerId", practitioner.id())
			.param("teamId", team == null ? null : team.id())
			.param("role", role)
			.param("lead", lead)
			.param("start", start)
			.update();
	}

	void stepDownCurrentLead(PersonId person) {
		jdbc.sql(SQL_END_LEAD).param("personId", person.id()).update();
	}

	int end(UUID id, long version, LocalDate end) {
		return jdbc.sql(SQL_END).param("id", id).param("version", version).param("end", end).update();
	}

	int endWithReason(UUID id, long version, LocalDate end, String reason, String endedBy) {
		return jdbc.sql(SQL_END_WITH_REASON)
			.param("id", id)
			.param("version", version)
			.param("end", end)
			.param("reason", reason)
			.param("endedBy", endedBy)
			.update();
	}

	int makeLead(PersonId person, PractitionerId practitioner) {
		return jdbc.sql(SQL_MAKE_LEAD)
			.param("personId", person.id())
			.param("practitionerId", practitioner.id())
			.update();
	}

	boolean isCurrentMember(PersonId person, PractitionerId practitioner) {
		return jdbc
			.sql("select exists (select 1 from team.care_team_member pdp_c where pdp_c.person_id = :personId and "
					+ CareTeams.CURRENT_MEMBER_CONDITION + ")")
			.param("personId", person.id())
			.param(CareTeams.PRACTITIONER_PARAM, practitioner.id())
			.query(Boolean.class)
			.single();
	}

	boolean isManagedBy(PersonId person, PractitionerId manager) {
		return jdbc.sql("""
				select exists (
				  select 1 from team.care_team_member c
				  join team.team_membership member on member.practitioner_id = c.practitioner_id
				  join team.team_membership boss on boss.team_id = member.team_id and boss.manager
				  where c.person_id = :personId and boss.practitioner_id = :managerId)
				""").param("personId", person.id()).param("managerId", manager.id()).query(Boolean.class).single();
	}

	/** {@link #map} for one element of {@link CareTeams#membersJsonSql}'s array. */
	static CareTeamMember fromJson(JsonNode row) {
		String end = text(row, "period_end");
		return new CareTeamMember(UUID.fromString(text(row, "id")),
				new PersonId(UUID.fromString(text(row, "person_id"))),
				new PractitionerId(UUID.fromString(text(row, "practitioner_id"))), text(row, "practitioner_name"),
				Profession.valueOf(text(row, "profession")), text(row, "organisation_name"),
				OrganisationKind.valueOf(text(row, "organisation_kind")), text(row, "team_name"), text(row, "role"),
				row.get("lead").booleanValue(), CalendarDates.fromIso(text(row, "period_start")),
				end == null ? null : CalendarDates.fromIso(end), row.get("version").longValue(),
				text(row, "end_reason"), text(row, "ended_by"));
	}

	private static @Nullable String text(JsonNode row, String column) {
		JsonNode value = row.get(column);
		return value == null || value.isNull() ? null : value.stringValue();
	}

	private static CareTeamMember map(ResultSet rs, int n) throws SQLException {
		Date end = rs.getDate("period_end");
		return new CareTeamMember(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				new PractitionerId(rs.getObject("practitioner_id", UUID.class)), rs.getString("practitioner_name"),
				Profession.valueOf(rs.getString("profession")), rs.getString("organisation_name"),
				OrganisationKind.valueOf(rs.getString("organisation_kind")), rs.getString("team_name"),
				rs.getString("role"), rs.getBoolean("lead"), rs.getDate("period_start").toLocalDate(),
				end == null ? null : end.toLocalDate(), rs.getLong("version"), rs.getString("end_reason"),
				rs.getString("ended_by"));
	}

}
