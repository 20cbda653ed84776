package care.seamless.careplan;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The plan, its outcomes and objectives; sign-ups and views are in
 * {@link SignatureRepository}.
 */
@Repository
class CarePlanRepository {

	private static final String SQL_PLAN = """
			select id, person_id, assessment_episode_id, source_organisation_id, next_review_on, version, created_at
			from careplan.care_plan
			""";

	private static final String SQL_INSERT_PLAN = """
			insert into careplan.care_plan (id, person_id, assessment_episode_id, source_organisation_id, created_by,
			       created_at)
			values (:id, :personId, :episodeId, :organisationId, :createdBy, :createdAt)
			""";

	private static final String SQL_INSERT_OUTCOME = """
			insert into careplan.outcome (id, plan_id, person_id, words, recorded_by, recorded_at)
			values (:id, :planId, :personId, :words, :recordedBy, :recordedAt)
			""";

	private static final String SQL_OBJECTIVE_COLUMNS = """
			select obj.id, obj.outcome_id, obj.section, obj.description, obj.target, obj.measure, obj.target_date,
			       obj.need_codes, obj.category, obj.source_organisation_id, obj.version
			from careplan.objective obj
			""";

	private static final String SQL_INSERT_OBJECTIVE = """
			insert into careplan.objective (id, plan_id, person_id, outcome_id, section, description, target, measure,
			       target_date, need_codes, category, source_organisation_id, created_by, created_at)
			values (:id, :planId, :personId, :outcomeId, :section, :description, :target, :measure, :targetDate,
			        :needCodes, :category, :organisationId, :createdBy, :createdAt)
			""";

	private static final String SQL_UPDATE_OBJECTIVE = """
			update careplan.objective set outcome_id = :outcomeId, section = :section, description = :description,
			       target = :target, measure = :measure, target_date = :targetDate, need_codes = :needCodes,
			       category = :category, version = version + 1
			where id = :id and version = :version
			""";

	static final String SQL_OUTCOMES = """
			select id, words, recorded_by, recorded_at, version from careplan.outcome
			where plan_id = :planId order by recorded_at, id
			""";

	private final JdbcClient jdbc;

	CarePlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record PlanRow(UUID id, PersonId personId, @Nullable UUID assessmentEpisodeId, OrganisationId sourceOrganisation,
			@Nullable LocalDate nextReviewOn, long version, Instant createdAt) {
	}

	record ObjectiveRow(UUID id, @Nullable UUID outcomeId, Section section, String description, String target,
			String measure, LocalDate targetDate, List<String> needCodes, DataCategory category,
			OrganisationId sourceOrganisation, long version) {
	}

	Optional<PlanRow> planFor(PersonId person) {
		return jdbc.sql(SQL_PLAN + " where person_id = :personId")
			.param("personId", person.id())
			.query(CarePlanRepository::mapPlan)
			.optional();
	}

	/**
	 * The access policy's record decision for the person ({@code decision} over
	 * {@code p0.id}) and, only where it lets the reader open the record, their plan: one
	 * read instead of the decision and then the plan. The caller audits the decision.
	 */
	Opened open(PersonId person, SqlCondition decision) {
		return jdbc.sql("""
				select d.record_decision, cp.id, cp.person_id, cp.assessment_episode_id, cp.source_organisation_id,
				       cp.next_review_on, cp.version, cp.created_at
				from (select cast(:personId as uuid) as id) p0
				cross join lateral (select (%s) as record_decision) d
				left join careplan.care_plan cp on cp.person_id = p0.id and d.record_decision is not null
				""".formatted(decision.sql()))
			.params(decision.params())
			.param("personId", person.id())
			.query((rs, n) -> new Opened(rs.getString("record_decision"),
					rs.getObject("id", UUID.class) == null ? null : mapPlan(rs, n)))
			.single();
	}

	/**
	 * The record decision, and the plan when the decision opens the record and there is
	 * one.
	 */
	record Opened(@Nullable String decision, @Nullable PlanRow plan) {
	}

	void insertPlan(UUID id, PersonId person, @Nullable UUID episode, OrganisationId organisation, String createdBy,
			Instant at) {
		jdbc.sql(SQL_INSERT_PLAN)
			.param("id", id)
			.param("personId", person.id())
			.param("episodeId", episode)
			.param("organisationId", organisation.id())
			.param("createdBy", createdBy)
			.param("createdAt", Timestamp.from(at))
			.update();
	}

	int scheduleReview(UUID planId, long version, LocalDate on) {
		return jdbc.sql(
				"update careplan.care_plan set next_review_on = :on, version = version + 1 where id = :id and version = :version")
			.param("id", planId)
			.param("version", version)
			.param("on", on)
			.update();
	}

	void insertOutcome(UUID id, UUID planId, PersonId person, String words, String recordedBy, Instant at) {
		jdbc.sql(SQL_INSERT_OUTCOME)
			.param("id", id)
			.param("planId", planId)
			.param("personId", person.id())
			.param("words", words)
			.param("recordedBy", recordedBy)
			.param("recordedAt", Timestamp.from(at))
			.update();
	}

	List<Outcome> outcomes(UUID planId) {
		return jdbc.sql(SQL_OUTCOMES).param("planId", planId).query((rs, n) -> mapOutcome(Columns.of(rs))).list();
	}

	static Outcome mapOutcome(Columns row) throws SQLException {
		return new Outcome(row.uuid("id"), row.string("words"), row.string("recorded_by"), row.instant("recorded_at"),
				row.longValue("version"));
	}

	void insertObjective(UUID id, UUID planId, PersonId person, NewObjective o, OrganisationId organisation,
			String createdBy, Instant at) {
		objectiveParams(jdbc.sql(SQL_INSERT_OBJECTIVE), o).param("id", id)
			.param("planId", planId)
			.param("personId", person.id())
			.param("organisationId", organisation.id())
			.param("createdBy", createdBy)
			.param("createdAt", Timestamp.from(at))
			.update();
		insertPartners(id, o);
	}

	int updateObjective(UUID id, long version, NewObjective o) {
		int updated = objectiveParams(jdbc.sql(SQL_UPDATE_OBJECTIVE), o).param("id", id)
			.param("version", version)
			.update();
		if (updated == 1) {
			// Partners no longer named are dropped from the list; their past sign-ups
			// stay in careplan.sign_up as history.
			jdbc.sql("delete from careplan.objective_partner where objective_id = :id").param("id", id).update();
			insertPartners(id, o);
		}
		return updated;
	}

	private void insertPartners(UUID objectiveId, NewObjective o) {
		for (OrganisationId partner : o.partners()) {
			jdbc.sql("insert into careplan.objective_partner (objective_id, organisation_id) values (:id, :org)")
				.param("id", objectiveId)
				.param("org", partner.id())
				.update();
		}
	}

	private static JdbcClient.StatementSpec objectiveParams(JdbcClient.StatementSpec spec, NewObjective o) {
		return spec.param("outcomeId", o.outcomeId())
			.param("section", o.section().name())
			.param("description", o.description())
			.param("target", o.target())
			.param("measure", o.measure())
			.param("targetDate", o.targetDate())
			.param("needCodes", o.needCodes().toArray(String[]::new))
			.param("category", o.category().name());
	}

	Optional<ObjectiveRow> objective(UUID planId, UUID id) {
		return jdbc.sql(SQL_OBJECTIVE_COLUMNS + " where obj.plan_id = :planId and obj.id = :id")
			.param("planId", planId)
			.param("id", id)
			.query((rs, n) -> mapObjective(Columns.of(rs)))
			.optional();
	}

	/** The objectives of the plan the viewer may see. */
	List<ObjectiveRow> objectives(UUID planId, SqlCondition visible) {
		return jdbc.sql(objectivesSql(visible))
			.params(visible.params())
			.param("planId", planId)
			.query((rs, n) -> mapObjective(Columns.of(rs)))
			.list();
	}

	static String objectivesSql(SqlCondition visible) {
		return SQL_OBJECTIVE_COLUMNS + " where obj.plan_id = :planId and " + visible.sql()
				+ " order by obj.section, obj.target_date, obj.id";
	}

	/**
	 * Why parts of the plan are withheld from the viewer, once per part, reason and
	 * organisation, never how many: objectives, carers' views, actions, the contingency
	 * section and review notes, in that order, in one read. Each reason is the access
	 * policy's own expression over its table's alias ({@code obj}, {@code cv},
	 * {@code act}, {@code cnt}, {@code rv}), worked out once per row (the CTE is
	 * materialised, so the filter does not evaluate it a second time).
	 */
	List<Withheld> withheld(UUID planId, WithheldReasons reasons) {
		return jdbc.sql(withheldSql(reasons))
			.params(reasons.params())
			.param("planId", planId)
			.query((rs, n) -> mapWithheld(Columns.of(rs)))
			.list();
	}

	static String withheldSql(WithheldReasons reasons) {
		return """
				with part as materialized (
				  select 1 as part, %s as reason, obj.source_organisation_id as source
				  from careplan.objective obj where obj.plan_id = :planId
				  union all
				  select 2, %s, cv.organisation_id
				  from careplan.carer_view cv join careplan.objective obj on obj.id = cv.objective_id
				  where obj.plan_id = :planId
				  union all
				  select 3, %s, act.owner_organisation_id from careplan.action act where act.plan_id = :planId
				  union all
				  select 4, %s, cnt.source_organisation_id from careplan.contingency cnt where cnt.plan_id = :planId
				  union all
				  select 5, %s, rv.source_organisation_id
				  from careplan.review rv where rv.plan_id = :planId and rv.notes is not null
				)
				select part, reason, source from part where reason is not null
				group by part, reason, source order by part, reason, source
				""".formatted(reasons.objective().sql(), reasons.carerView().sql(), reasons.action().sql(),
				reasons.contingency().sql(), reasons.reviewNotes().sql());
	}

	static Withheld mapWithheld(Columns row) throws SQLException {
		return new Withheld(row.string("reason"), new OrganisationId(row.uuid("source")));
	}

	/**
	 * The access policy's withheld-reason expressions for each part of a plan, all for
	 * one viewer (so their parameters agree).
	 */
	record WithheldReasons(SqlCondition objective, SqlCondition carerView, SqlCondition action,
			SqlCondition contingency, SqlCondition reviewNotes) {

		java.util.Map<String, Object> params() {
			java.util.Map<String, Object> params = new java.util.HashMap<>();
			for (SqlCondition reason : List.of(objective, carerView, action, contingency, reviewNotes)) {
				params.putAll(reason.params());
			}
			return params;
		}

	}

	record Withheld(String reason, OrganisationId source) {
	}

	private static PlanRow mapPlan(ResultSet rs, int n) throws SQLException {
		Date next = rs.getDate("next_review_on");
		UUID episode = rs.getObject("assessment_episode_id", UUID.class);
		return new PlanRow(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)), episode,
				new OrganisationId(rs.getObject("source_organisation_id", UUID.class)),
				next == null ? null : next.toLocalDate(), rs.getLong("version"),
				rs.getTimestamp("created_at").toInstant());
	}

	static ObjectiveRow mapObjective(Columns row) throws SQLException {
		return new ObjectiveRow(row.uuid("id"), row.uuid("outcome_id"), Section.valueOf(row.string("section")),
				row.string("description"), row.string("target"), row.string("measure"), row.date("target_date"),
				row.strings("need_codes"), DataCategory.valueOf(row.string("category")),
				new OrganisationId(row.uuid("source_organisation_id")), row.longValue("version"));
	}

}
