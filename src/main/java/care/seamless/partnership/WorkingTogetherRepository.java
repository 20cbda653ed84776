package care.seamless.partnership;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WorkingTogetherRepository {

	private static final String SQL_ROUNDS = """
			select r.id, r.partnership_id, r.title, r.opened_at, r.closed_at, r.version,
			       (select count(distinct account_id) from partnership.assessment_rating where round_id = r.id) as raters
			from partnership.assessment_round r
			""";

	private static final String SQL_RATE = """
			insert into partnership.assessment_rating (round_id, account_id, organisation_id, statement, score)
			values (:round, :account, :organisation, :statement, :score)
			on conflict (round_id, account_id, statement) do update
			  set score = excluded.score, organisation_id = excluded.organisation_id, rated_at = now()
			""";

	// One row per partner and principle; the principle is the part of the statement code
	// before the dot.
	private static final String SQL_BY_PARTNER = """
			select split_part(r.statement, '.', 1) as principle, %s as name, round(avg(r.score), 2) as mean,
			       count(distinct r.account_id) as raters
			from partnership.assessment_rating r
			where r.round_id = :round
			group by 1, r.organisation_id
			order by 1, 2
			""".formatted(Directory.organisationNameSql("r.organisation_id"));

	private static final String SQL_OVERALL = """
			select split_part(statement, '.', 1) as principle, round(avg(score), 2) as mean
			from partnership.assessment_rating where round_id = :round group by 1
			""";

	// Every rated round of one partnership, oldest first, with each principle's mean
	// overall (organisation null) and per partner, in one pass over the ratings.
	private static final String SQL_OVER_TIME = """
			select r.id, r.title, r.opened_at, split_part(a.statement, '.', 1) as principle,
			       case when grouping(a.organisation_id) = 1 then null else %s end as name,
			       round(avg(a.score), 2) as mean
			from partnership.assessment_round r
			join partnership.assessment_rating a on a.round_id = r.id
			where r.partnership_id = :partnership
			group by grouping sets ((r.id, r.title, r.opened_at, split_part(a.statement, '.', 1)),
			  (r.id, r.title, r.opened_at, split_part(a.statement, '.', 1), a.organisation_id))
			order by r.opened_at, r.id, 5 nulls first, 4
			""".formatted(Directory.organisationNameSql("a.organisation_id"));

	private static final String SQL_ACTIONS = """
			select a.id, a.round_id, r.partnership_id, p.name as partnership_name, a.principle, a.description,
			       a.owner_account, a.due_date, a.done_at, a.version
			from partnership.assessment_action a
			join partnership.assessment_round r on r.id = a.round_id
			join partnership.partnership p on p.id = r.partnership_id
			""";

	private final JdbcClient jdbc;

	WorkingTogetherRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void openRound(UUID id, UUID partnership, String title, AccountId by) {
		jdbc.sql("""
				insert into partnership.assessment_round (id, partnership_id, title, opened_by)
				values (:id, :partnership, :title, :by)
				""")
			.param("id", id)
			.param("partnership", partnership)
			.param("title", title)
			.param("by", by.id())
			.update();
	}

	int closeRound(UUID id, long version) {
		return jdbc.sql("""
				update partnership.assessment_round set closed_at = now(), version = version + 1
				where id = :id and version = :version and closed_at is null
				""").param("id", id).param("version", version).update();
	}

	Optional<AssessmentRound> round(UUID id) {
		return jdbc.sql(SQL_ROUNDS + " where r.id = :id")
			.param("id", id)
			.query(WorkingTogetherRepository::round)
			.optional();
	}

	List<AssessmentRound> rounds(UUID partnership) {
		return jdbc.sql(SQL_ROUNDS + " where r.partnership_id = :partnership order by r.opened_at desc")
			.param("partnership", partnership)
			.query(WorkingTogetherRepository::round)
			.list();
	}

	void rate(UUID round, AccountId account, OrganisationId organisation, Map<String, Integer> scores) {
		for (Map.Entry<String, Integer> score : scores.entrySet()) {
			jdbc.sql(SQL_RATE)
				.param("round", round)
				.param("account", account.id())
				.param("organisation", organisation.id())
				.param("statement", score.getKey())
				.param("score", score.getValue())
				.update();
		}
	}

	Map<String, Integer> ratingsOf(UUID round, AccountId account) {
		Map<String, Integer> scores = new java.util.HashMap<>();
		jdbc.sql(
				"select statement, score from partnership.assessment_rating where round_id = :round and account_id = :account")
			.param("round", round)
			.param("account", account.id())
			.query((rs, n) -> scores.put(rs.getString("statement"), rs.getInt("score")))
			.list();
		return scores;
	}

	List<PartnerRow> byPartner(UUID round) {
		return jdbc.sql(SQL_BY_PARTNER)
			.param("round", round)
			.query((rs, n) -> new PartnerRow(Principle.valueOf(rs.getString("principle")), rs.getString("name"),
					rs.getBigDecimal("mean"), rs.getInt("raters")))
			.list();
	}

	Map<Principle, BigDecimal> overall(UUID round) {
		Map<Principle, BigDecimal> means = new java.util.EnumMap<>(Principle.class);
		jdbc.sql(SQL_OVERALL)
			.param("round", round)
			.query((rs, n) -> means.put(Principle.valueOf(rs.getString("principle")), rs.getBigDecimal("mean")))
			.list();
		return means;
	}

	List<OverTimeRow> overTime(UUID partnership) {
		return jdbc.sql(SQL_OVER_TIME)
			.param("partnership", partnership)
			.query((rs, n) -> new OverTimeRow(rs.getObject("id", UUID.class), rs.getString("title"),
					Principle.valueOf(rs.getString("principle")), rs.getString("name"), rs.getBigDecimal("mean")))
			.list();
	}

	/**
	 * One principle's mean in one round: overall when {@code organisationName} is null.
	 */
	record OverTimeRow(UUID round, String title, Principle principle, @Nullable String organisationName,
			BigDecimal mean) {
	}

	void addAction(UUID id, UUID round, Principle principle, String description, AccountId owner, LocalDate due,
			AccountId by) {
		jdbc.sql(
				"""
						insert into partnership.assessment_action (id, round_id, principle, description, owner_account, due_date, created_by)
						values (:id, :round, :principle, :description, :owner, :due, :by)
						""")
			.param("id", id)
			.param("round", round)
			.param("principle", principle.name())
			.param("description", description)
			.param("owner", owner.id())
			.param("due", due)
			.param("by", by.id())
			.update();
	}

	int completeAction(UUID id, long version) {
		return jdbc.sql("""
				update partnership.assessment_action set done_at = now(), version = version + 1
				where id = :id and version = :version and done_at is null
				""").param("id", id).param("version", version).update();
	}

	Optional<ActionRow> action(UUID id) {
		return jdbc.sql(SQL_ACTIONS + " where a.id = :id")
			.param("id", id)
			.query(WorkingTogetherRepository::action)
			.optional();
	}

	List<ActionRow> actions(UUID round) {
		return jdbc.sql(SQL_ACTIONS + " where a.round_id = :round order by a.done_at nulls first, a.due_date")
			.param("round", round)
			.query(WorkingTogetherRepository::action)
			.list();
	}

	List<ActionRow> openActionsOwnedBy(AccountId owner) {
		return jdbc.sql(SQL_ACTIONS + " where a.owner_account = :owner and a.done_at is null order by a.due_date")
			.param("owner", owner.id())
			.query(WorkingTogetherRepository::action)
			.list();
	}

	record PartnerRow(Principle principle, String organisationName, BigDecimal mean, int raters) {
	}

	record ActionRow(UUID id, UUID roundId, UUID partnershipId, String partnershipName, Principle principle,
			String description, AccountId owner, LocalDate dueDate, @Nullable Instant doneAt, long version) {
	}

	private static AssessmentRound round(ResultSet rs, int n) throws SQLException {
		OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
		return new AssessmentRound(rs.getObject("id", UUID.class), rs.getObject("partnership_id", UUID.class),
				rs.getString("title"), rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
				closed == null ? null : closed.toInstant(), rs.getInt("raters"), rs.getLong("version"));
	}

	private static ActionRow action(ResultSet rs, int n) throws SQLException {
		OffsetDateTime done = rs.getObject("done_at", OffsetDateTime.class);
		return new ActionRow(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
				rs.getObject("partnership_id", UUID.class), rs.getString("partnership_name"),
				Principle.valueOf(rs.getString("principle")), rs.getString("description"),
				new AccountId(rs.getObject("owner_account", UUID.class)), rs.getObject("due_date", LocalDate.class),
				done == null ? null : done.toInstant(), rs.getLong("version"));
	}

}
