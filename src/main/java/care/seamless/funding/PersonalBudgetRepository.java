package care.seamless.funding;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.person.People;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonalBudgetRepository {

	private static final String SQL_INSERT = """
			insert into funding.personal_budget (id, person_id, team_id, organisation_id, financial_year,
			       indicative_points, indicative_weekly, indicative_working, created_by, created_at)
			values (:id, :personId, :teamId, :organisationId, :year, :points, :weekly, :working, :by, :at)
			on conflict (person_id) do nothing
			""";

	// Ids only: what the access check needs before anything of the budget is read.
	private static final String SQL_KEYS = """
			select id, person_id, team_id, organisation_id, version from funding.personal_budget
			where person_id = :personId
			""";

	private static final String SQL_KEYS_BY_ID = """
			select id, person_id, team_id, organisation_id, version from funding.personal_budget where id = :id
			""";

	private static final String SQL_YEAR = "select financial_year from funding.personal_budget where id = :id";

	private static final String SQL_READ = """
			select b.id, b.financial_year, b.indicative_points, b.indicative_weekly, b.indicative_working, b.version
			from funding.personal_budget b
			where b.id = :id and %s
			""";

	private static final String SQL_COSTS = """
			select c.action_id, c.weekly_cost, c.payer, c.version, c.counted
			from funding.support_cost c
			where c.budget_id = :budgetId and %s
			order by c.action_id
			""";

	// Every cost of the budget, for the fingerprint an approval is checked against; the
	// caller has already been allowed to see the budget they belong to.
	private static final String SQL_ALL_COSTS = """
			select action_id, weekly_cost, payer, version, counted from funding.support_cost
			where budget_id = :budgetId order by action_id
			""";

	private static final String SQL_SET_COUNTED = """
			update funding.support_cost set counted = :counted, version = version + 1
			where action_id = :actionId and counted <> :counted
			returning budget_id
			""";

	private static final String SQL_BUMP_ANY = """
			update funding.personal_budget set version = version + 1 where id = :id
			""";

	private static final String SQL_BUMP = """
			update funding.personal_budget set version = version + 1 where id = :id and version = :version
			""";

	private static final String SQL_COST_UPSERT = """
			insert into funding.support_cost (action_id, budget_id, person_id, organisation_id, weekly_cost, payer,
			       recorded_by, recorded_at, counted)
			values (:actionId, :budgetId, :personId, :organisationId, :cost, :payer, :by, :at, :counted)
			on conflict (action_id) do update set weekly_cost = :cost, payer = :payer, recorded_by = :by,
			       recorded_at = :at, counted = :counted, version = funding.support_cost.version + 1
			where funding.support_cost.budget_id = :budgetId
			""";

	private static final String SQL_APPROVAL_INSERT = """
			insert into funding.budget_approval (id, budget_id, person_id, team_id, organisation_id, weekly_total,
			       costs_fingerprint, needs_panel, requested_by, requested_at)
			values (:id, :budgetId, :personId, :teamId, :organisationId, :total, :fingerprint, :panel, :by, :at)
			""";

	private static final String SQL_APPROVALS = """
			select id, budget_id, person_id, team_id, weekly_total, costs_fingerprint, needs_panel, requested_by,
			       requested_at, decision, comments, decided_by, decided_at, version
			from funding.budget_approval a
			where budget_id = :budgetId
			order by requested_at desc, id desc
			""";

	private static final String SQL_APPROVAL = """
			select id, budget_id, person_id, team_id, weekly_total, costs_fingerprint, needs_panel, requested_by,
			       requested_at, decision, comments, decided_by, decided_at, version
			from funding.budget_approval where id = :id
			""";

	private static final String SQL_DECIDE = """
			update funding.budget_approval set decision = :decision, comments = :comments, decided_by = :by,
			       decided_at = :at, version = version + 1
			where id = :id and version = :version and decision is null
			""";

	private static final String SQL_WITHDRAW_OPEN = """
			update funding.budget_approval set decision = 'RETURNED', comments = :comments, decided_by = :by,
			       decided_at = :at, version = version + 1
			where budget_id = :budgetId and decision is null
			""";

	private static final String SQL_QUEUE = """
			select a.id, a.person_id, a.team_id, a.weekly_total, a.needs_panel, a.requested_by, a.requested_at,
			       a.version, %s as person_name
			from funding.budget_approval a
			where a.decision is null and (a.team_id in (:teams) or :panel) and %s
			order by a.requested_at
			""";

	private final JdbcClient jdbc;

	PersonalBudgetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Keys(UUID id, PersonId personId, TeamId teamId, OrganisationId organisationId, long version) {
	}

	record Row(UUID id, int financialYear, int indicativePoints, BigDecimal indicativeWeekly, String working,
			long version) {
	}

	/** One cost; {@code counted} is false while its action is cancelled or done. */
	record Cost(UUID actionId, BigDecimal weeklyCost, Payer payer, long version, boolean counted) {
	}

	record Approval(UUID id, UUID budgetId, PersonId personId, TeamId teamId, BigDecimal weeklyTotal,
			String fingerprint, boolean needsPanel, String requestedBy, Instant requestedAt,
			@Nullable ApprovalDecision decision, @Nullable String comments, @Nullable String decidedBy,
			@Nullable Instant decidedAt, long version) {
	}

	record Queued(UUID id, PersonId personId, TeamId teamId, BigDecimal weeklyTotal, boolean needsPanel,
			String requestedBy, Instant requestedAt, long version, @Nullable String personName) {
	}

	boolean insert(UUID id, PersonId person, TeamId team, OrganisationId organisation, int year, int points,
			BigDecimal weekly, String working, String by, Instant at) {
		return jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("personId", person.id())
			.param("teamId", team.id())
			.param("organisationId", organisation.id())
			.param("year", year)
			.param("points", points)
			.param("weekly", weekly)
			.param("working", working)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	Optional<Keys> keysFor(PersonId person) {
		return jdbc.sql(SQL_KEYS).param("personId", person.id()).query(PersonalBudgetRepository::keys).optional();
	}

	Optional<Keys> keys(UUID id) {
		return jdbc.sql(SQL_KEYS_BY_ID).param("id", id).query(PersonalBudgetRepository::keys).optional();
	}

	int year(UUID id) {
		return jdbc.sql(SQL_YEAR).param("id", id).query(Integer.class).single();
	}

	Optional<Row> read(UUID id, SqlCondition visible) {
		return jdbc.sql(SQL_READ.formatted(visible.sql()))
			.params(visible.params())
			.param("id", id)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4),
					rs.getString(5), rs.getLong(6)))
			.optional();
	}

	List<Cost> costs(UUID budget, SqlCondition visible) {
		return jdbc.sql(SQL_COSTS.formatted(visible.sql()))
			.params(visible.params())
			.param("budgetId", budget)
			.query(PersonalBudgetRepository::cost)
			.list();
	}

	List<Cost> allCosts(UUID budget) {
		return jdbc.sql(SQL_ALL_COSTS).param("budgetId", budget).query(PersonalBudgetRepository::cost).list();
	}

	/**
	 * Marks whether an action's cost counts, when its status changed; the budget it
	 * belongs to, if the action was costed and the mark changed.
	 */
	Optional<UUID> setCounted(UUID action, boolean counted) {
		return jdbc.sql(SQL_SET_COUNTED)
			.param("actionId", action)
			.param("counted", counted)
			.query((rs, n) -> rs.getObject(1, UUID.class))
			.optional();
	}

	/** A change from elsewhere (the plan) makes any page showing the budget stale. */
	void bumpAny(UUID id) {
		jdbc.sql(SQL_BUMP_ANY).param("id", id).update();
	}

	boolean bump(UUID id, long version) {
		return jdbc.sql(SQL_BUMP).param("id", id).param("version", version).update() == 1;
	}

	boolean saveCost(UUID action, Keys budget, BigDecimal cost, Payer payer, boolean counted, String by, Instant at) {
		return jdbc.sql(SQL_COST_UPSERT)
			.param("counted", counted)
			.param("actionId", action)
			.param("budgetId", budget.id())
			.param("personId", budget.personId().id())
			.param("organisationId", budget.organisationId().id())
			.param("cost", cost)
			.param("payer", payer.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	void insertApproval(UUID id, Keys budget, BigDecimal total, String fingerprint, boolean panel, String by,
			Instant at) {
		jdbc.sql(SQL_APPROVAL_INSERT)
			.param("id", id)
			.param("budgetId", budget.id())
			.param("personId", budget.personId().id())
			.param("teamId", budget.teamId().id())
			.param("organisationId", budget.organisationId().id())
			.param("total", total)
			.param("fingerprint", fingerprint)
			.param("panel", panel)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<Approval> approvals(UUID budget) {
		return jdbc.sql(SQL_APPROVALS).param("budgetId", budget).query(PersonalBudgetRepository::approval).list();
	}

	Optional<Approval> approval(UUID id) {
		return jdbc.sql(SQL_APPROVAL).param("id", id).query(PersonalBudgetRepository::approval).optional();
	}

	boolean decide(UUID id, long version, ApprovalDecision decision, @Nullable String comments, String by, Instant at) {
		return jdbc.sql(SQL_DECIDE)
			.param("id", id)
			.param("version", version)
			.param("decision", decision.name())
			.param("comments", comments)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Closes any open request when the costs it asked about have changed. */
	void closeOpen(UUID budget, String comments, String by, Instant at) {
		jdbc.sql(SQL_WITHDRAW_OPEN)
			.param("budgetId", budget)
			.param("comments", comments)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<Queued> queue(Collection<UUID> teams, boolean panel, SqlCondition visible) {
		List<UUID> in = teams.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(teams);
		return jdbc.sql(SQL_QUEUE.formatted(People.displayNameSql("a.person_id"), visible.sql()))
			.params(visible.params())
			.param("teams", in)
			.param("panel", panel)
			.query((rs, n) -> new Queued(rs.getObject(1, UUID.class), new PersonId(rs.getObject(2, UUID.class)),
					new TeamId(rs.getObject(3, UUID.class)), rs.getBigDecimal(4), rs.getBoolean(5), rs.getString(6),
					rs.getTimestamp(7).toInstant(), rs.getLong(8), rs.getString(9)))
			.list();
	}

	private static Keys keys(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Keys(rs.getObject(1, UUID.class), new PersonId(rs.getObject(2, UUID.class)),
				new TeamId(rs.getObject(3, UUID.class)), new OrganisationId(rs.getObject(4, UUID.class)),
				rs.getLong(5));
	}

	private static Cost cost(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Cost(rs.getObject(1, UUID.class), rs.getBigDecimal(2), Payer.valueOf(rs.getString(3)), rs.getLong(4),
				rs.getBoolean(5));
	}

	private static Approval approval(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp decided = rs.getTimestamp(13);
		String decision = rs.getString(10);
		return new Approval(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				new PersonId(rs.getObject(3, UUID.class)), new TeamId(rs.getObject(4, UUID.class)), rs.getBigDecimal(5),
				rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
				decision == null ? null : ApprovalDecision.valueOf(decision), rs.getString(11), rs.getString(12),
				decided == null ? null : decided.toInstant(), rs.getLong(14));
	}

}
