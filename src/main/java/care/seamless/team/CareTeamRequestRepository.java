package care.seamless.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Profession;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CareTeamRequestRepository {

	private static final String SQL_SELECT = """
			select r.id, r.person_id, r.kind, r.practitioner_id, p.given_name || ' ' || p.family_name as practitioner_name,
			       p.profession, o.name as organisation_name, r.team_id, r.role, r.message, r.requested_by, r.requested_by_practitioner_id,
			       rb.given_name || ' ' || rb.family_name as requested_by_name, r.requested_at, r.outgoing_lead_id,
			       r.status, r.decided_by, r.decided_at, r.decision_reason, r.version
			from team.care_team_request r
			join team.practitioner p on p.id = r.practitioner_id
			join team.organisation o on o.id = p.organisation_id
			left join team.practitioner rb on rb.id = r.requested_by_practitioner_id
			""";

	private static final String SQL_INSERT = """
			insert into team.care_team_request (id, person_id, kind, practitioner_id, team_id, role, message,
			  requested_by, requested_by_practitioner_id, requested_at, outgoing_lead_id)
			values (:id, :personId, :kind, :practitionerId, :teamId, :role, :message, :requestedBy, :requestedByPractitioner,
			  :requestedAt, :outgoingLead)
			""";

	private static final String SQL_DECIDE = """
			update team.care_team_request
			set status = :status, decided_by = :decidedBy, decided_at = :decidedAt, decision_reason = :reason,
			    version = version + 1
			where id = :id and version = :version and status = 'PENDING'
			""";

	/**
	 * What waits for this practitioner: invitations to them or to a team they manage,
	 * handovers to them, and requests to join a care team they lead or whose lead is in a
	 * team they manage.
	 */
	private static final String SQL_WAITING_FOR = SQL_SELECT + """
			where r.status = 'PENDING' and (
			  (r.kind in ('INVITATION', 'HANDOVER') and r.practitioner_id = :me)
			  or (r.kind = 'INVITATION' and exists (select 1 from team.team_membership tm
			        join team.team_membership boss on boss.team_id = tm.team_id and boss.manager
			        where tm.practitioner_id = r.practitioner_id and boss.practitioner_id = :me))
			  or (r.kind = 'JOIN' and exists (select 1 from team.care_team_member lead
			        where lead.person_id = r.person_id and lead.lead and lead.period_end is null
			        and (lead.practitioner_id = :me or exists (select 1 from team.team_membership tm
			          join team.team_membership boss on boss.team_id = tm.team_id and boss.manager
			          where tm.practitioner_id = lead.practitioner_id and boss.practitioner_id = :me)))))
			order by r.requested_at
			""";

	private static final String SQL_ASKED_BY = SQL_SELECT
			+ """
					where r.requested_by_practitioner_id = :me and (r.status = 'PENDING' or r.decided_at > now() - interval '30 days')
					order by r.requested_at desc
					""";

	private final JdbcClient jdbc;

	CareTeamRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record NewRequest(PersonId person, CareTeamRequest.Kind kind, PractitionerId practitioner, @Nullable TeamId team,
			String role, @Nullable String message, String requestedBy, @Nullable PractitionerId requestedByPractitioner,
			Instant at, @Nullable PractitionerId outgoingLead) {
	}

	UUID insert(NewRequest request) {
		UUID id = UUID.randomUUID();
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("personId", request.person().id())
			.param("kind", request.kind().name())
			.param("practitionerId", request.practitioner().id())
			.param("teamId", request.team() == null ? null : request.team().id())
			.param("role", request.role())
			.param("message", request.message())
			.param("requestedBy", request.requestedBy())
			.param("requestedByPractitioner",
					request.requestedByPractitioner() == null ? null : request.requestedByPractitioner().id())
			.param("requestedAt", Timestamp.from(request.at()))
			.param("outgoingLead", request.outgoingLead() == null ? null : request.outgoingLead().id())
			.update();
		return id;
	}

	Optional<CareTeamRequest> find(UUID id) {
		return jdbc.sql(SQL_SELECT + " where r.id = :id")
			.param("id", id)
			.query(CareTeamRequestRepository::map)
			.optional();
	}

	List<CareTeamRequest> ofPerson(PersonId person) {
		return jdbc.sql(SQL_SELECT + " where r.person_id = :personId order by r.requested_at desc")
			.param("personId", person.id())
			.query(CareTeamRequestRepository::map)
			.list();
	}

	boolean pending(PersonId person, PractitionerId practitioner, CareTeamRequest.Kind kind) {
		return jdbc
			.sql("""
					select exists (select 1 from team.care_team_request
					  where person_id = :personId and practitioner_id = :practitionerId and kind = :kind and status = 'PENDING')
					""")
			.param("personId", person.id())
			.param("practitionerId", practitioner.id())
			.param("kind", kind.name())
			.query(Boolean.class)
			.single();
	}

	boolean pendingHandover(PersonId person) {
		return jdbc.sql(
				"select exists (select 1 from team.care_team_request where person_id = :personId and kind = 'HANDOVER' and status = 'PENDING')")
			.param("personId", person.id())
			.query(Boolean.class)
			.single();
	}

	List<CareTeamRequest> waitingFor(PractitionerId me) {
		return jdbc.sql(SQL_WAITING_FOR).param("me", me.id()).query(CareTeamRequestRepository::map).list();
	}

	List<CareTeamRequest> askedBy(PractitionerId me) {
		return jdbc.sql(SQL_ASKED_BY).param("me", me.id()).query(CareTeamRequestRepository::map).list();
	}

	int decide(UUID id, long version, CareTeamRequest.Status status, String decidedBy, Instant at,
			@Nullable String reason) {
		return jdbc.sql(SQL_DECIDE)
			.param("id", id)
			.param("version", version)
			.param("status", status.name())
			.param("decidedBy", decidedBy)
			.param("decidedAt", Timestamp.from(at))
			.param("reason", reason)
			.update();
	}

	/** How many people each practitioner leads today. */
	java.util.Map<PractitionerId, Long> peopleLed(Collection<PractitionerId> practitioners) {
		if (practitioners.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<PractitionerId, Long> counts = new java.util.HashMap<>();
		jdbc.sql("""
				select practitioner_id, count(*) as led from team.care_team_member
				where lead and period_end is null and practitioner_id in (:ids) group by practitioner_id
				""")
			.param("ids", practitioners.stream().map(PractitionerId::id).toList())
			.query((rs, n) -> counts.put(new PractitionerId(rs.getObject("practitioner_id", UUID.class)),
					rs.getLong("led")))
			.list();
		return counts;
	}

	private static CareTeamRequest map(ResultSet rs, int n) throws SQLException {
		UUID team = rs.getObject("team_id", UUID.class);
		UUID outgoing = rs.getObject("outgoing_lead_id", UUID.class);
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		UUID byPractitioner = rs.getObject("requested_by_practitioner_id", UUID.class);
		return new CareTeamRequest(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				CareTeamRequest.Kind.valueOf(rs.getString("kind")),
				new PractitionerId(rs.getObject("practitioner_id", UUID.class)), rs.getString("practitioner_name"),
				Profession.valueOf(rs.getString("profession")), rs.getString("organisation_name"),
				team == null ? null : new TeamId(team), rs.getString("role"), rs.getString("message"),
				rs.getString("requested_by"), byPractitioner == null ? null : new PractitionerId(byPractitioner),
				rs.getString("requested_by_name"), rs.getTimestamp("requested_at").toInstant(),
				outgoing == null ? null : new PractitionerId(outgoing),
				CareTeamRequest.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
				decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decision_reason"),
				rs.getLong("version"));
	}

}
