package care.seamless.team;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's care team. There is exactly one current lead professional once anyone is
 * in the team: naming a new lead hands over from the old one, and the lead cannot simply
 * leave.
 */
@Service
public class CareTeams {

	/** Named parameter the access policy binds to the acting practitioner. */
	public static final String PRACTITIONER_PARAM = "ctPractitioner";

	/**
	 * The legitimate-relationship test as SQL, for use inside other modules' queries via
	 * the access policy, so that a search, a count and a page all apply exactly the same
	 * rule. {@code c} is a row of team.care_team_member.
	 */
	static final String CURRENT_MEMBER_CONDITION = "pdp_c.practitioner_id = :" + PRACTITIONER_PARAM
			+ " and pdp_c.period_start <= current_date and (pdp_c.period_end is null or pdp_c.period_end > current_date)";

	private final CareTeamRepository repository;

	private final AuditLog auditLog;

	private final Clock clock;

	private final ObjectProvider<MembershipEndingCheck> endingChecks;

	private final ObjectProvider<MembershipStartingCheck> startingCheck;

	CareTeams(CareTeamRepository repository, AuditLog auditLog, Clock clock,
			ObjectProvider<MembershipEndingCheck> endingChecks, ObjectProvider<MembershipStartingCheck> startingCheck) {
		this.repository = repository;
		this.auditLog = auditLog;
		this.clock = clock;
		this.endingChecks = endingChecks;
		this.startingCheck = startingCheck;
	}

	/**
	 * An SQL condition true when the acting practitioner is in the care team of the
	 * person in {@code personColumn}.
	 */
	public static String currentMemberSql(String personColumn) {
		return "exists (select 1 from team.care_team_member pdp_c where pdp_c.person_id = " + personColumn + " and "
				+ CURRENT_MEMBER_CONDITION + ")";
	}

	/**
	 * An SQL query of the ids of the people in whose care team the acting practitioner
	 * (parameter {@code :ctPractitioner}) is today: the people {@link #currentMemberSql}
	 * holds for, found from the practitioner's side (a list that starts from the viewer
	 * instead of testing every person in the register).
	 */
	public static String currentPeopleSql() {
		return "select pdp_c.person_id from team.care_team_member pdp_c where " + CURRENT_MEMBER_CONDITION;
	}

	/**
	 * An SQL query of the ids of the teams the acting practitioner (parameter
	 * {@code :ctPractitioner}) belongs to: the teams {@link #teamMemberSql} holds for.
	 */
	public static String viewerTeamsSql() {
		return "select pdp_tm.team_id from team.team_membership pdp_tm where pdp_tm.practitioner_id = :"
				+ PRACTITIONER_PARAM;
	}

	/**
	 * An SQL condition true when the acting practitioner (parameter
	 * {@code :ctPractitioner}) manages a team one of whose members is currently in the
	 * care team of the person in {@code personColumn}: a manager's oversight of their
	 * team's work, for management reports.
	 */
	public static String managedMemberSql(String personColumn) {
		return """
				exists (select 1 from team.care_team_member pdp_mc
				 join team.team_membership pdp_mm on pdp_mm.practitioner_id = pdp_mc.practitioner_id
				 join team.team_membership pdp_mb on pdp_mb.team_id = pdp_mm.team_id and pdp_mb.manager
				 where pdp_mc.person_id = %s and pdp_mb.practitioner_id = :%s
				 and pdp_mc.period_start <= current_date and (pdp_mc.period_end is null or pdp_mc.period_end > current_date))"""
			.formatted(personColumn, PRACTITIONER_PARAM);
	}

	/**
	 * An SQL condition true when the acting practitioner (parameter
	 * {@code :ctPractitioner}) belongs to the team in {@code teamColumn}: how another
	 * module's query asks "is the viewer in this team" without naming team's tables.
	 */
	public static String teamMemberSql(String teamColumn) {
		return "exists (select 1 from team.team_membership pdp_tm where pdp_tm.team_id = " + teamColumn
				+ " and pdp_tm.practitioner_id = :" + PRACTITIONER_PARAM + ")";
	}

	/**
	 * An SQL scalar: {@code 'LEAD'} when the acting practitioner (parameter
	 * {@code :ctPractitioner}) is the current lead professional of the person in
	 * {@code personColumn}, {@code 'MEMBER'} when a current member otherwise, null when
	 * neither (a caseload's role column).
	 */
	public static String viewerRoleSql(String personColumn) {
		return """
				(select case when bool_or(pdp_r.lead) then 'LEAD' else 'MEMBER' end
				  from team.care_team_member pdp_r where pdp_r.person_id = %s and pdp_r.practitioner_id = :%s
				  and pdp_r.period_start <= current_date and (pdp_r.period_end is null or pdp_r.period_end > current_date)
				  having count(*) > 0)"""
			.formatted(personColumn, PRACTITIONER_PARAM);
	}

	/**
	 * An SQL scalar: the name of the organisation of the person's current lead
	 * professional in {@code personColumn}, or null when there is none.
	 */
	public static String leadOrganisationNameSql(String personColumn) {
		return """
				(select pdp_lo.name from team.care_team_member pdp_lc
				  join team.practitioner pdp_lp on pdp_lp.id = pdp_lc.practitioner_id
				  join team.organisation pdp_lo on pdp_lo.id = pdp_lp.organisation_id
				  where pdp_lc.person_id = %s and pdp_lc.lead and pdp_lc.period_end is null limit 1)"""
			.formatted(personColumn);
	}

	/**
	 * An SQL condition true when a member of the team in {@code teamColumn} was in the
	 * care team of the person in {@code personColumn} on the date {@code dateExpression}:
	 * how another module counts its rows by the team that worked with the person then.
	 */
	public static String teamWorkedWithSql(String personColumn, String teamColumn, String dateExpression) {
		return """
				exists (select 1 from team.care_team_member pdp_tw
				  join team.team_membership pdp_twm on pdp_twm.practitioner_id = pdp_tw.practitioner_id
				  where pdp_tw.person_id = %s and pdp_twm.team_id = %s and pdp_tw.period_start <= %s
				  and (pdp_tw.period_end is null or pdp_tw.period_end > %s))""".formatted(personColumn, teamColumn,
				dateExpression, dateExpression);
	}

	/**
	 * An SQL scalar: the care team, past and present, of the person in
	 * {@code personColumn} as a JSON array, in {@link #members}'s order and read by
	 * {@link #membersFromJson}: for a read that takes the team in its own statement (the
	 * record view). Like {@link #members}, callers decide access to the person first, in
	 * the same query.
	 */
	public static String membersJsonSql(String personColumn) {
		return "(select coalesce(json_agg(pdp_tm), '[]') from (" + CareTeamRepository.membersOfSql(personColumn)
				+ ") pdp_tm)";
	}

	/** The members in {@link #membersJsonSql}'s array, in its order. */
	public static List<CareTeamMember> membersFromJson(JsonNode members) {
		List<CareTeamMember> read = new java.util.ArrayList<>(members.size());
		for (JsonNode member : members.values()) {
			read.add(CareTeamRepository.fromJson(member));
		}
		return read;
	}

	/**
	 * An SQL condition true when nobody is in the care team of the person in
	 * {@code personColumn} today: someone waiting to be allocated a lead professional.
	 */
	public static String noCareTeamSql(String personColumn) {
		return "not exists (select 1 from team.care_team_member pdp_n where pdp_n.person_id = " + personColumn
				+ " and pdp_n.period_end is null)";
	}

	@Transactional(readOnly = true)
	public boolean isCurrentMember(PersonId person, PractitionerId practitioner) {
		return repository.isCurrentMember(person, practitioner);
	}

	/**
	 * True when the practitioner manages a team one of whose members is (or was) in the
	 * person's care team.
	 */
	@Transactional(readOnly = true)
	public boolean isManagedBy(PersonId person, PractitionerId manager) {
		return repository.isManagedBy(person, manager);
	}

	/**
	 * The team's caseload: the people in whose care team a member of the team sits today.
	 * Ids only; callers open each record through the access policy before reading it.
	 */
	@Transactional(readOnly = true)
	public List<PersonId> teamCaseload(TeamId team) {
		return repository.teamCaseload(team);
	}

	/** Members past and present; callers check access to the person first. */
	@Transactional(readOnly = true)
	public List<CareTeamMember> members(PersonId person) {
		return repository.members(person);
	}

	/**
	 * Adds a member, if the access policy allows the actor to (ADR 16). The rule lives in
	 * the access module, which refuses with its own exception after auditing the refusal;
	 * it is named here by class name only, so that refusal's audit entry is kept without
	 * this module depending on that one. With no rule deployed nobody is added: getObject
	 * fails closed.
	 */
	@Transactional(noRollbackForClassName = "care.seamless.consent.AccessDenied")
	public UUID addMember(Actor actor, PersonId person, PractitionerId practitioner, @Nullable TeamId team, String role,
			boolean lead) {
		String permission = startingCheck.getObject().requirePermission(actor, person, practitioner, lead);
		return insert(actor, person, practitioner, team, role, lead, permission, lead ? "add-lead" : "add-member");
	}

	/**
	 * A bypass, named as one: an administrator loading demo or test data adds a member
	 * without the sharing-agreement check that every other path applies (the person's
	 * objections still hold), because such data may load agreements later or test their
	 * absence. Audited as {@code set-up-member}. Pages and imports never call it.
	 */
	@Transactional(noRollbackForClassName = "care.seamless.consent.AccessDenied")
	public UUID addMemberBypassingAgreementsForSetUp(Actor administrator, PersonId person, PractitionerId practitioner,
			@Nullable TeamId team, String role, boolean lead) {
		String permission = startingCheck.getObject().requireSetUpPermission(administrator, person, practitioner, lead);
		return insert(administrator, person, practitioner, team, role, lead, permission, "set-up-member");
	}

	private UUID insert(Actor actor, PersonId person, PractitionerId practitioner, @Nullable TeamId team, String role,
			boolean lead, String permission, String action) {
		LocalDate today = LocalDate.now(clock);
		boolean hasLead = repository.members(person).stream().anyMatch(m -> m.lead() && m.periodEnd() == null);
		if (!lead && !hasLead) {
			throw new CareTeamRule("The first member of a care team must be its lead professional");
		}
		if (lead) {
			repository.stepDownCurrentLead(person);
		}
		UUID id = UUID.randomUUID();
		repository.insert(id, person, practitioner, team, role, lead, today);
		auditLog.record(AuditEvent.permitted(actor, action, "CareTeamMember", id, person).withReason(permission));
		return id;
	}

	@Transactional
	public void endMembership(Actor actor, UUID memberId, long version) {
		CareTeamMember member = repository.member(memberId)
			.orElseThrow(() -> new NotFoundException("CareTeamMember", memberId));
		if (member.lead() && member.periodEnd() == null) {
			throw new CareTeamRule("Name a new lead professional before the current lead leaves the care team");
		}
		if (member.periodEnd() == null) {
			endingChecks.orderedStream()
				.map(check -> check.objectionToLeaving(member.personId(), member.practitionerId()))
				.flatMap(java.util.Optional::stream)
				.findFirst()
				.ifPresent(objection -> {
					throw new CareTeamRule(objection);
				});
		}
		if (repository.end(memberId, version, LocalDate.now(clock)) == 0) {
			throw new ConcurrentEditException("Care team membership", memberId);
		}
		auditLog.record(AuditEvent.permitted(actor, "end-membership", "CareTeamMember", memberId, member.personId()));
	}

}
