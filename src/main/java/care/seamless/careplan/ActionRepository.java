package care.seamless.careplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.consent.SqlQuery;
import care.seamless.person.People;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Actions and services. The owner columns are never written null: every statement that
 * changes the owner sets both organisation and practitioner from an accepted handover or
 * a reassignment.
 */
@Repository
class ActionRepository {

	private static final String SQL_COLUMNS = """
			select act.id, act.plan_id, act.person_id, act.objective_id, act.kind, act.description, act.category,
			       act.owner_organisation_id, act.owner_practitioner_id, act.owner_team_id, act.due_on, act.status,
			       act.offered_to_organisation_id, act.escalated_at, act.escalated_to_team_id, act.version
			from careplan.action act
			""";

	private static final String SQL_INSERT = """
			insert into careplan.action (id, plan_id, person_id, objective_id, kind, description, category,
			       owner_organisation_id, owner_practitioner_id, owner_team_id, due_on, status)
			values (:id, :planId, :personId, :objectiveId, :kind, :description, :category, :ownerOrganisationId,
			        :ownerId, :ownerTeamId, :dueOn, 'OPEN')
			""";

	private static final String SQL_SET_OWNER = """
			update careplan.action set owner_organisation_id = :ownerOrganisationId, owner_practitioner_id = :ownerId,
			       owner_team_id = :ownerTeamId, offered_to_organisation_id = null, offered_by = null, offered_at = null,
			       escalated_at = null, escalated_to_team_id = null, version = version + 1
			where id = :id and version = :version
			""";

	private static final String SQL_OFFER = """
			update careplan.action set offered_to_organisation_id = :organisationId, offered_by = :by, offered_at = :at,
			       version = version + 1
			where id = :id and version = :version
			""";

	// A queue returns only the actions the viewer may see, decided here by the access
	// policy; what is withheld is named once per reason and organisation, never counted.
	private static final String SQL_QUEUE = """
			select act.id, act.person_id, act.description, act.owner_organisation_id, act.owner_practitioner_id,
			       act.due_on, act.status, act.offered_to_organisation_id, act.escalated_at, act.version,
			       %s as person_name
			from careplan.action act
			where act.status in ('OPEN', 'IN_PROGRESS') and (%s) and %s
			order by act.due_on, act.id
			""".formatted(People.displayNameSql("act.person_id"), "%s", "%s");

	private static final String SQL_QUEUE_WITHHELD = """
			select distinct %1$s as reason, act.owner_organisation_id
			from careplan.action act
			where act.status in ('OPEN', 'IN_PROGRESS') and (%2$s) and %1$s is not null
			""";

	// A manager's team queue lists every overdue action their teams own, but names the
	// person only where the manager may open the record, and shows what the action is
	// only where the manager may see the action itself.
	private static final String TEAM_QUEUE = """
			select act.id, act.person_id, act.version, act.owner_organisation_id, act.owner_practitioner_id,
			       act.due_on, act.status, act.offered_to_organisation_id, act.escalated_at,
			       case when (%1$s) then %3$s end as person_name,
			       case when (%1$s) and (%2$s) then act.description end as description,
			       (%1$s) and (%2$s) as openable
			from careplan.action act
			where act.status in ('OPEN', 'IN_PROGRESS')
			  and (act.escalated_to_team_id in (:teams) or (act.owner_team_id in (:teams) and act.due_on < :today))
			""";

	private static final String SQL_TEAM_QUEUE = TEAM_QUEUE + """
			order by act.due_on, act.id
			""";

	// One page of one queue for the worklist, in its order (due_on, id) from a key after
	// which it starts: the walk stops at :limit visible rows, so the access rule is
	// applied to the rows before the page's end and not to the whole queue (ADR 0058).
	private static final String SQL_QUEUE_PAGE = """
			select act.id, act.person_id, act.description, act.owner_organisation_id, act.owner_practitioner_id,
			       act.due_on, act.status, act.offered_to_organisation_id, act.escalated_at, act.version,
			       %s as person_name
			from careplan.action act
			where act.status in ('OPEN', 'IN_PROGRESS') and (%s) and (act.due_on, act.id) > (:afterDue, :afterId)
			  and act.due_on < :dueBefore and %s
			order by act.due_on, act.id
			limit :limit
			""".formatted(People.displayNameSql("act.person_id"), "%s", "%s");

	// The same page read from the viewer's own people (ADR 77): for each person the
	// viewer could reach, their open actions in the queue, in order, with the access rule
	// on each, at most a page of them; then the first page of all of those. Each person's
	// read is limited, which also keeps PostgreSQL from turning it into a walk of the
	// whole queue (a join it could reorder) when it plans for no particular viewer.
	private static final String SQL_OWN_QUEUE_PAGE = """
			select act.id, act.person_id, act.description, act.owner_organisation_id, act.owner_practitioner_id,
			       act.due_on, act.status, act.offered_to_organisation_id, act.escalated_at, act.version,
			       %s as person_name
			from (%s) pdp_own
			cross join lateral (
			  select act.id, act.person_id, act.description, act.owner_organisation_id, act.owner_practitioner_id,
			         act.due_on, act.status, act.offered_to_organisation_id, act.escalated_at, act.version
			  from careplan.action act
			  where act.person_id = pdp_own.person_id and act.status in ('OPEN', 'IN_PROGRESS') and (%s)
			    and (act.due_on, act.id) > (:afterDue, :afterId) and act.due_on < :dueBefore and %s
			  order by act.due_on, act.id
			  limit :limit) act
			order by act.due_on, act.id
			limit :limit
			""";

	// How many actions of a queue lie between two keys, whoever may see them: read from
	// the queue's index alone, with no access rule, so it costs the index range only.
	private static final String SQL_QUEUE_PAGE_IN_SCOPE = """
			select count(*)
			from careplan.action act
			where act.status in ('OPEN', 'IN_PROGRESS') and (%s)
			  and (act.due_on, act.id) > (:afterDue, :afterId) and (act.due_on, act.id) <= (:untilDue, :untilId)
			  and act.due_on < :dueBefore
			""";

	// The same queue, one page of it from a key (ADR 0058).
	private static final String SQL_TEAM_QUEUE_PAGE = TEAM_QUEUE + """
			  and (act.due_on, act.id) > (:afterDue, :afterId) and act.due_on < :dueBefore
			order by act.due_on, act.id
			limit :limit
			""";

	private static final String SCOPE_OVERDUE = "act.owner_organisation_id = :org and act.due_on < :today";

	private static final String SCOPE_OFFERED = "act.offered_to_organisation_id = :org";

	private static final String SCOPE_ORGANISATION = "(act.owner_organisation_id = :org and act.due_on < :today)"
			+ " or act.offered_to_organisation_id = :org";

	private static final String SCOPE_ESCALATED = "act.escalated_to_team_id in (:teams)";

	private final JdbcClient jdbc;

	ActionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(UUID id, UUID planId, PersonId personId, @Nullable UUID objectiveId, ActionKind kind, String description,
			DataCategory category, OrganisationId ownerOrganisation, PractitionerId owner, @Nullable TeamId ownerTeam,
			LocalDate dueOn, ActionStatus status, @Nullable OrganisationId offeredTo, @Nullable Instant escalatedAt,
			@Nullable TeamId escalatedTo, long version) {
	}

	record QueueRow(UUID id, PersonId personId, @Nullable String description, OrganisationId ownerOrganisation,
			PractitionerId owner, LocalDate dueOn, ActionStatus status, @Nullable OrganisationId offeredTo,
			@Nullable Instant escalatedAt, @Nullable String personName, long version, boolean openable) {
	}

	void insert(UUID id, UUID planId, PersonId person, NewAction action, OrganisationId ownerOrganisation,
			@Nullable TeamId ownerTeam) {
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("planId", planId)
			.param("personId", person.id())
			.param("objectiveId", action.objectiveId())
			.param("kind", action.kind().name())
			.param("description", action.description())
			.param("category", action.category().name())
			.param("ownerOrganisationId", ownerOrganisation.id())
			.param("ownerId", action.owner().id())
			.param("ownerTeamId", ownerTeam == null ? null : ownerTeam.id())
			.param("dueOn", action.dueOn())
			.update();
	}

	Optional<Row> find(UUID planId, UUID id) {
		return jdbc.sql(SQL_COLUMNS + " where act.plan_id = :planId and act.id = :id")
			.param("planId", planId)
			.param("id", id)
			.query(ActionRepository::map)
			.optional();
	}

	List<Row> visible(UUID planId, SqlCondition visible) {
		return jdbc.sql(visibleSql(visible))
			.params(visible.params())
			.param("planId", planId)
			.query(ActionRepository::map)
			.list();
	}

	static String visibleSql(SqlCondition visible) {
		return SQL_COLUMNS + " where act.plan_id = :planId and " + visible.sql()
				+ " order by act.status, act.due_on, act.id";
	}

	int setOwner(UUID id, long version, OrganisationId organisation, PractitionerId owner, @Nullable TeamId team) {
		return jdbc.sql(SQL_SET_OWNER)
			.param("id", id)
			.param("version", version)
			.param("ownerOrganisationId", organisation.id())
			.param("ownerId", owner.id())
			.param("ownerTeamId", team == null ? null : team.id())
			.update();
	}

	int offer(UUID id, long version, @Nullable OrganisationId organisation, @Nullable String by, @Nullable Instant at) {
		return jdbc.sql(SQL_OFFER)
			.param("id", id)
			.param("version", version)
			.param("organisationId", organisation == null ? null : organisation.id())
			.param("by", by)
			.param("at", at == null ? null : Timestamp.from(at))
			.update();
	}

	int setStatus(UUID id, long version, ActionStatus status) {
		return jdbc.sql(
				"update careplan.action set status = :status, version = version + 1 where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.param("status", status.name())
			.update();
	}

	void history(UUID actionId, PersonId person, String event, @Nullable String detail, String by, Instant at) {
		jdbc.sql("""
				insert into careplan.action_history (id, action_id, person_id, event, detail, recorded_by, recorded_at)
				values (:id, :actionId, :personId, :event, :detail, :by, :at)
				""")
			.param("id", UUID.randomUUID())
			.param("actionId", actionId)
			.param("personId", person.id())
			.param("event", event)
			.param("detail", detail)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<String> historyEvents(UUID actionId) {
		return jdbc.sql("select event from careplan.action_history where action_id = :id order by recorded_at, id")
			.param("id", actionId)
			.query(String.class)
			.list();
	}

	/** Open and overdue actions per owner: counts only, so nobody is named. */
	java.util.Map<PractitionerId, care.seamless.team.Workloads.Load> loads(java.util.Collection<PractitionerId> owners,
			LocalDate today) {
		java.util.Map<PractitionerId, care.seamless.team.Workloads.Load> loads = new java.util.HashMap<>();
		jdbc.sql("""
				select owner_practitioner_id, count(*) as open, count(*) filter (where due_on < :today) as overdue
				from careplan.action
				where owner_practitioner_id in (:owners) and status in ('OPEN', 'IN_PROGRESS')
				group by owner_practitioner_id
				""")
			.param("owners", owners.stream().map(PractitionerId::id).toList())
			.param("today", today)
			.query((rs, n) -> loads.put(new PractitionerId(rs.getObject("owner_practitioner_id", UUID.class)),
					new care.seamless.team.Workloads.Load(rs.getLong("open"), rs.getLong("overdue"))))
			.list();
		return loads;
	}

	long openOwnedBy(PersonId person, PractitionerId practitioner) {
		return jdbc
			.sql("""
					select count(*) from careplan.action
					where person_id = :personId and owner_practitioner_id = :practitionerId and status in ('OPEN', 'IN_PROGRESS')
					""")
			.param("personId", person.id())
			.param("practitionerId", practitioner.id())
			.query(Long.class)
			.single();
	}

	/** Open actions past their due date that nobody has escalated yet. */
	List<Row> overdueNotEscalated(LocalDate today) {
		return jdbc.sql(SQL_COLUMNS + """
				 where act.status in ('OPEN', 'IN_PROGRESS') and act.due_on < :today and act.escalated_at is null
				order by act.due_on
				""").param("today", today).query(ActionRepository::map).list();
	}

	int markEscalated(UUID id, Instant at, @Nullable TeamId team) {
		// Not a user edit, so no version check; it bumps the version so a form opened
		// before the escalation still saves only over what it saw.
		return jdbc.sql("""
				update careplan.action set escalated_at = :at, escalated_to_team_id = :teamId, version = version + 1
				where id = :id and escalated_at is null
				""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("teamId", team == null ? null : team.id())
			.update();
	}

	/**
	 * Work for an organisation that the viewer may see ({@code visible} over alias
	 * {@code act}): its own overdue actions and actions offered to it.
	 */
	List<QueueRow> organisationQueue(OrganisationId organisation, LocalDate today, SqlCondition visible) {
		return jdbc.sql(SQL_QUEUE.formatted(SCOPE_ORGANISATION, visible.sql()))
			.params(visible.params())
			.param("org", organisation.id())
			.param("today", today)
			.query(ActionRepository::mapQueue)
			.list();
	}

	/**
	 * Why actions in the organisation's queue are withheld, once per reason and owner.
	 */
	List<CarePlanRepository.Withheld> organisationQueueWithheld(OrganisationId organisation, LocalDate today,
			SqlCondition reason) {
		return jdbc.sql(SQL_QUEUE_WITHHELD.formatted(reason.sql(), SCOPE_ORGANISATION))
			.params(reason.params())
			.param("org", organisation.id())
			.param("today", today)
			.query(ActionRepository::mapWithheld)
			.list();
	}

	/**
	 * The overdue actions of the teams the viewer manages: all of them, each named and
	 * described only as far as {@code record} and {@code item} (over alias {@code act})
	 * admit.
	 */
	List<QueueRow> teamQueue(List<TeamId> teams, LocalDate today, SqlCondition record, SqlCondition item) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SQL_TEAM_QUEUE.formatted(record.sql(), item.sql(), People.displayNameSql("act.person_id")))
			.params(record.and(item).params())
			.param("teams", teams.stream().map(TeamId::id).toList())
			.param("today", today)
			.query(ActionRepository::mapTeamQueue)
			.list();
	}

	/**
	 * One page of the organisation's overdue actions ({@code offered} false) or of the
	 * actions offered to it, that the viewer may see, after {@code after} in the queue's
	 * order.
	 */
	List<QueueRow> organisationPage(OrganisationId organisation, boolean offered, LocalDate today, QueueKey after,
			LocalDate dueBefore, int limit, SqlCondition visible) {
		return jdbc.sql(SQL_QUEUE_PAGE.formatted(offered ? SCOPE_OFFERED : SCOPE_OVERDUE, visible.sql()))
			.params(visible.params())
			.param("org", organisation.id())
			.param("today", today)
			.param("afterDue", after.dueOn())
			.param("afterId", after.id())
			.param("dueBefore", dueBefore)
			.param("limit", limit)
			.query(ActionRepository::mapQueue)
			.list();
	}

	/**
	 * {@link #organisationPage}, read from the people in {@code people} (a query of
	 * {@code person_id}) instead of the organisation's whole queue: the same page when
	 * {@code people} holds everyone {@code visible} admits.
	 */
	List<QueueRow> ownPage(SqlQuery people, OrganisationId organisation, boolean offered, LocalDate today,
			QueueKey after, LocalDate dueBefore, int limit, SqlCondition visible) {
		return jdbc
			.sql(SQL_OWN_QUEUE_PAGE.formatted(People.displayNameSql("act.person_id"), people.sql(),
					offered ? SCOPE_OFFERED : SCOPE_OVERDUE, visible.sql()))
			.params(people.params())
			.params(visible.params())
			.param("org", organisation.id())
			.param("today", today)
			.param("afterDue", after.dueOn())
			.param("afterId", after.id())
			.param("dueBefore", dueBefore)
			.param("limit", limit)
			.query(ActionRepository::mapQueue)
			.list();
	}

	/**
	 * How many actions of that queue lie after {@code after} and up to {@code until},
	 * visible or not: the caller compares it with how many it may show, and says only
	 * whether some are withheld.
	 */
	long organisationPageInScope(OrganisationId organisation, boolean offered, LocalDate today, QueueKey after,
			QueueKey until, LocalDate dueBefore) {
		return jdbc.sql(SQL_QUEUE_PAGE_IN_SCOPE.formatted(offered ? SCOPE_OFFERED : SCOPE_OVERDUE))
			.param("org", organisation.id())
			.param("today", today)
			.param("afterDue", after.dueOn())
			.param("afterId", after.id())
			.param("untilDue", until.dueOn())
			.param("untilId", until.id())
			.param("dueBefore", dueBefore)
			.query(Long.class)
			.single();
	}

	/** {@link #teamQueue}, one page after {@code after}. */
	List<QueueRow> teamPage(List<TeamId> teams, LocalDate today, QueueKey after, LocalDate dueBefore, int limit,
			SqlCondition record, SqlCondition item) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SQL_TEAM_QUEUE_PAGE.formatted(record.sql(), item.sql(), People.displayNameSql("act.person_id")))
			.params(record.and(item).params())
			.param("teams", teams.stream().map(TeamId::id).toList())
			.param("today", today)
			.param("afterDue", after.dueOn())
			.param("afterId", after.id())
			.param("dueBefore", dueBefore)
			.param("limit", limit)
			.query(ActionRepository::mapTeamQueue)
			.list();
	}

	/**
	 * The action with this id in any plan: the team queue acts on it without a person.
	 */
	Optional<Row> find(UUID id) {
		return jdbc.sql(SQL_COLUMNS + " where act.id = :id").param("id", id).query(ActionRepository::map).optional();
	}

	private static QueueRow mapTeamQueue(ResultSet rs, int n) throws SQLException {
		UUID offered = rs.getObject("offered_to_organisation_id", UUID.class);
		Timestamp escalated = rs.getTimestamp("escalated_at");
		return new QueueRow(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				rs.getString("description"), new OrganisationId(rs.getObject("owner_organisation_id", UUID.class)),
				new PractitionerId(rs.getObject("owner_practitioner_id", UUID.class)),
				rs.getDate("due_on").toLocalDate(), ActionStatus.valueOf(rs.getString("status")),
				offered == null ? null : new OrganisationId(offered), escalated == null ? null : escalated.toInstant(),
				rs.getString("person_name"), rs.getLong("version"), rs.getBoolean("openable"));
	}

	List<CarePlanRepository.Withheld> escalatedWithheld(List<TeamId> teams, SqlCondition reason) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SQL_QUEUE_WITHHELD.formatted(reason.sql(), SCOPE_ESCALATED))
			.params(reason.params())
			.param("teams", teams.stream().map(TeamId::id).toList())
			.query(ActionRepository::mapWithheld)
			.list();
	}

	private static CarePlanRepository.Withheld mapWithheld(ResultSet rs, int n) throws SQLException {
		return new CarePlanRepository.Withheld(rs.getString("reason"),
				new OrganisationId(rs.getObject("owner_organisation_id", UUID.class)));
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		return mapRow(Columns.of(rs));
	}

	static Row mapRow(Columns row) throws SQLException {
		UUID team = row.uuid("owner_team_id");
		UUID offered = row.uuid("offered_to_organisation_id");
		UUID escalatedTo = row.uuid("escalated_to_team_id");
		return new Row(row.uuid("id"), row.uuid("plan_id"), new PersonId(row.uuid("person_id")),
				row.uuid("objective_id"), ActionKind.valueOf(row.string("kind")), row.string("description"),
				DataCategory.valueOf(row.string("category")), new OrganisationId(row.uuid("owner_organisation_id")),
				new PractitionerId(row.uuid("owner_practitioner_id")), team == null ? null : new TeamId(team),
				row.date("due_on"), ActionStatus.valueOf(row.string("status")),
				offered == null ? null : new OrganisationId(offered), row.instant("escalated_at"),
				escalatedTo == null ? null : new TeamId(escalatedTo), row.longValue("version"));
	}

	private static QueueRow mapQueue(ResultSet rs, int n) throws SQLException {
		UUID offered = rs.getObject("offered_to_organisation_id", UUID.class);
		Timestamp escalated = rs.getTimestamp("escalated_at");
		return new QueueRow(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				rs.getString("description"), new OrganisationId(rs.getObject("owner_organisation_id", UUID.class)),
				new PractitionerId(rs.getObject("owner_practitioner_id", UUID.class)),
				rs.getDate("due_on").toLocalDate(), ActionStatus.valueOf(rs.getString("status")),
				offered == null ? null : new OrganisationId(offered), escalated == null ? null : escalated.toInstant(),
				rs.getString("person_name"), rs.getLong("version"), true);
	}

}
