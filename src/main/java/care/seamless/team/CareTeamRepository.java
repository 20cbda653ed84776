package care.seamless.team;

import care.seamless.shared.Profession;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CareTeamRepository {

	private static final String SQL_MEMBERS = """
			select c.id, c.person_id, c.practitioner_id, p.given_name || ' ' || p.family_name as practitioner_name,
			       p.profession, o.name as organisation_name, o.kind as organisation_kind, t.name as team_name,
			       c.role, c.lead, c.period_start, c.period_end, c.version, c.end_reason, c.ended_by
			from team.care_team_member c
			join team.practitioner p on p.id = c.practitioner_id
			join team.organisation o on o.id = p.organisation_id
			left join team.team t on t.id = c.team_id
			""";

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
		return jdbc.sql(SQL_MEMBERS
				+ " where c.person_id = :personId order by c.lead desc, c.period_end nulls first, practitioner_name")
			.param("personId", person.id())
			.query(CareTeamRepository::map)
			.list();
	}

	List<PersonId> teamCaseload(TeamId team) {
		return jdbc.sql(SQL_TEAM_CASELOAD)
			.param("teamId", team.id())
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.list();
	}

	Optional<CareTeamMember> member(UUID id) {
		return jdbc.sql(SQL_MEMBERS + " where c.id = :id").param("id", id).query(CareTeamRepository::map).optional();
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
