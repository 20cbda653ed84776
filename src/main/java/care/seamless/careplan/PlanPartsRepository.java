package care.seamless.careplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import care.seamless.consent.AccessPolicy;
import care.seamless.consent.SqlCondition;
import care.seamless.shared.KeptStatements;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every part of a plan one viewer may see, in one statement instead of one per part (ADR
 * 73). Each part is its own repository's query, unchanged and with the access policy's
 * conditions for the viewer, aggregated to JSON ({@code json_agg} of the rows in the
 * part's own order, one column per part), and each row is mapped by that repository's own
 * row mapper through {@link Columns}.
 */
@Repository
class PlanPartsRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final KeptStatements statements = new KeptStatements();

	PlanPartsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The access policy's conditions for one viewer, one per part of the plan (each over
	 * its part's table alias).
	 */
	record Conditions(SqlCondition carers, SqlCondition objectives, SqlCondition actions,
			CarePlanRepository.WithheldReasons withheld, SqlCondition contingency, SqlCondition risks,
			SqlCondition decisions, SqlCondition reviewNotes, SqlCondition reviewObjectives,
			@Nullable DecidedOnce decidedOnce) {

		/** What the plan's statement is built from: every condition's text. */
		List<String> texts() {
			return List.of(carers.sql(), objectives.sql(), actions.sql(), withheld.objective().sql(),
					withheld.carerView().sql(), withheld.action().sql(), withheld.contingency().sql(),
					withheld.reviewNotes().sql(), contingency.sql(), risks.sql(), decisions.sql(), reviewNotes.sql(),
					reviewObjectives.sql(), decidedOnce == null ? "" : String.join("\n", decidedOnce.texts()));
		}

	}

	/**
	 * The access policy's withheld reason, evaluated once for each row that needs it and
	 * looked up by the parts (ADR 84's shape; ADR 89's addendum; ADR 94; ADR 112).
	 * {@code reason} is {@link care.seamless.consent.AccessPolicy#withheldItemReason}
	 * over alias {@code k}, whose rows carry {@code person_id}, {@code category},
	 * {@code holder}, {@code kind} and {@code id}: one row for each distinct key among
	 * the parts decided by person, category and holder alone (carers' views, the
	 * contingency, reviews, risks, decisions, the objectives' scores, and the objectives
	 * and actions themselves), with no kind and no item, so that the reason is the
	 * policy's form without an item; and one row for each of the plan's objectives and
	 * actions that a grant names, with its kind and id, since only such an item's rule
	 * differs from its key's ({@link AccessPolicy#anyGrantNamesItemSql}): the other items
	 * take their key's reason, so the rule is not evaluated again for each of them (ADR
	 * 124). The statement so carries the rule once, not once for the keys and once for
	 * each kind of item: PostgreSQL prepares every copy's sub-plans on every execution,
	 * run or not. A reason is null exactly when the item rule holds
	 * ({@link care.seamless.consent.AccessPolicy#withheldReason}), so each part's
	 * condition is its row's reason being null, and the rule is not evaluated a second
	 * time beside the reason.
	 */
	record DecidedOnce(SqlCondition reason) {

		private static final String OBJECTIVE = "PLAN_OBJECTIVE";

		private static final String ACTION = "PLAN_ACTION";

		/**
		 * The decided condition for the row of {@code alias}: true when its key was
		 * decided visible, null when no key was decided for it (so the row is left out).
		 */
		static SqlCondition visibleOf(String alias, String holderColumn, Map<String, Object> params) {
			return new SqlCondition(lookUp("reason is null", alias, holderColumn), params);
		}

		/**
		 * The decided withheld reason for the row of {@code alias}, null when visible.
		 */
		static SqlCondition reasonOf(String alias, String holderColumn, Map<String, Object> params) {
			return new SqlCondition(lookUp("reason", alias, holderColumn), params);
		}

		/**
		 * The decided condition for the objective of {@code obj}, as {@link #visibleOf}.
		 */
		static SqlCondition objectiveVisible(Map<String, Object> params) {
			return new SqlCondition(item("reason is null", OBJECTIVE, "obj", "source_organisation_id"), params);
		}

		/** The decided withheld reason for the objective of {@code obj}. */
		static SqlCondition objectiveReasonOf(Map<String, Object> params) {
			return new SqlCondition(item("reason", OBJECTIVE, "obj", "source_organisation_id"), params);
		}

		/** The decided condition for the action of {@code act}, as {@link #visibleOf}. */
		static SqlCondition actionVisible(Map<String, Object> params) {
			return new SqlCondition(item("reason is null", ACTION, "act", "owner_organisation_id"), params);
		}

		/** The decided withheld reason for the action of {@code act}. */
		static SqlCondition actionReasonOf(Map<String, Object> params) {
			return new SqlCondition(item("reason", ACTION, "act", "owner_organisation_id"), params);
		}

		private static String lookUp(String value, String alias, String holderColumn) {
			return "(select pdp_k." + value + " from pdp_k where pdp_k.kind is null and pdp_k.person_id = " + alias
					+ ".person_id and pdp_k.category = " + alias + ".category and pdp_k.holder is not distinct from "
					+ alias + "." + holderColumn + ")";
		}

		/**
		 * The item's own row where it has one, else its key's: an item has a row of its
		 * own only where a grant names it ({@link #withClause}), and the key's row (the
		 * rule with no item) is then the reason of any other.
		 */
		private static String item(String value, String kind, String alias, String holderColumn) {
			return "(select pdp_k." + value + " from pdp_k where (pdp_k.kind = '" + kind + "' and pdp_k.id = " + alias
					+ ".id) or (pdp_k.kind is null and pdp_k.person_id = " + alias + ".person_id and pdp_k.category = "
					+ alias + ".category and pdp_k.holder is not distinct from " + alias + "." + holderColumn
					+ ") order by pdp_k.kind nulls last limit 1)";
		}

		List<String> texts() {
			return List.of(reason.sql());
		}

		Map<String, Object> params() {
			return reason.params();
		}

		String withClause() {
			return """
					with pdp_k as materialized (select k.kind, k.id, k.person_id, k.category, k.holder, (%s) as reason
					 from (select cast(null as text) as kind, cast(null as uuid) as id, u.person_id, u.category, u.holder
					  from (select cv.person_id, cv.category, cv.organisation_id as holder from careplan.carer_view cv
					   join careplan.objective obj on obj.id = cv.objective_id where obj.plan_id = :planId
					  union select cnt.person_id, cnt.category, cnt.source_organisation_id
					   from careplan.contingency cnt where cnt.plan_id = :planId
					  union select rv.person_id, rv.category, rv.source_organisation_id
					   from careplan.review rv where rv.plan_id = :planId
					  union select rsk.person_id, rsk.category, rsk.source_organisation_id
					   from careplan.risk rsk where rsk.plan_id = :planId
					  union select dcs.person_id, dcs.category, dcs.source_organisation_id
					   from careplan.decision dcs where dcs.plan_id = :planId
					  union select obj.person_id, obj.category, obj.source_organisation_id
					   from careplan.objective obj where obj.plan_id = :planId
					  union select act.person_id, act.category, act.owner_organisation_id
					   from careplan.action act where act.plan_id = :planId) u
					  union all
					  select '%s', obj.id, obj.person_id, obj.category, obj.source_organisation_id
					   from careplan.objective obj where obj.plan_id = :planId
					   and %s
					  union all
					  select '%s', act.id, act.person_id, act.category, act.owner_organisation_id
					   from careplan.action act where act.plan_id = :planId
					   and %s) k)
					"""
				.formatted(reason.sql(), OBJECTIVE, AccessPolicy.anyGrantNamesItemSql("obj.id"), ACTION,
						AccessPolicy.anyGrantNamesItemSql("act.id"));
		}

	}

	/** What each part's own read returns, for one plan and one viewer. */
	record Parts(List<SignatureRepository.PartnerRow> partners, List<CarerViewRepository.Row> carers,
			List<CarePlanRepository.ObjectiveRow> objectives, List<ActionRepository.Row> actions,
			List<DiscussionRepository.OptionRow> options, List<CarePlanRepository.Withheld> withheld,
			List<SignatureRepository.ViewRow> views, List<Outcome> outcomes, @Nullable Contingency contingency,
			List<Risk> risks, List<DiscussionRepository.DecisionRow> decisions, List<Review> reviews, boolean agreed) {
	}

	Parts read(UUID planId, Conditions c) {
		Map<String, Object> params = params(planId, c);
		KeptStatements.Statement statement = statement(c, params);
		if (statement == null) {
			return readBuiltAfresh(planId, c);
		}
		return jdbc.sql(statement.sql()).params(statement.args(params)).query(PlanPartsRepository::parts).single();
	}

	/**
	 * {@link #read} with the statement built and parsed afresh, as every read did before
	 * ADR 78: the reference the kept statements are tested against.
	 */
	Parts readBuiltAfresh(UUID planId, Conditions c) {
		return jdbc.sql(sql(c)).params(params(planId, c)).query(PlanPartsRepository::parts).single();
	}

	/**
	 * The statement kept for this viewer's shape of conditions (ADR 78): its text depends
	 * only on the conditions' own texts, the viewer being in the parameters.
	 */
	KeptStatements.@Nullable Statement statement(Conditions c, Map<String, Object> params) {
		return statements.statement(c.texts(), params, () -> sql(c));
	}

	static String sql(Conditions c) {
		return (c.decidedOnce() == null ? "" : c.decidedOnce().withClause()) + """
				select %s as partners, %s as carers, %s as objectives, %s as actions, %s as options,
				       %s as withheld, %s as views, %s as outcomes, %s as contingency, %s as risks,
				       %s as decisions, %s as review_scores, %s as reviews, (%s) as agreed
				""".formatted(rows(SignatureRepository.SQL_PARTNERS), rows(CarerViewRepository.visibleSql(c.carers())),
				rows(CarePlanRepository.objectivesSql(c.objectives())), rows(ActionRepository.visibleSql(c.actions())),
				rows(DiscussionRepository.SQL_OPTIONS), rows(CarePlanRepository.withheldSql(c.withheld())),
				rows(SignatureRepository.SQL_VIEWS), rows(CarePlanRepository.SQL_OUTCOMES),
				rows(DiscussionRepository.contingencySql(c.contingency())),
				rows(DiscussionRepository.risksSql(c.risks())), rows(DiscussionRepository.decisionsSql(c.decisions())),
				rows(ReviewRepository.scoresSql(c.reviewObjectives())),
				rows(ReviewRepository.reviewsSql(c.reviewNotes())), SignatureRepository.SQL_AGREED);
	}

	static Map<String, Object> params(UUID planId, Conditions c) {
		Params params = new Params();
		params.add(Map.of("planId", planId));
		for (SqlCondition condition : List.of(c.carers(), c.objectives(), c.actions(), c.contingency(), c.risks(),
				c.decisions(), c.reviewObjectives(), c.reviewNotes())) {
			params.add(condition.params());
		}
		params.add(c.withheld().params());
		if (c.decidedOnce() != null) {
			params.add(c.decidedOnce().params());
		}
		return params.all;
	}

	private static Parts parts(ResultSet rs, int n) throws SQLException {
		List<Contingency> contingency = map(rs.getString("contingency"), DiscussionRepository::mapContingency);
		return new Parts(map(rs.getString("partners"), SignatureRepository::mapPartner),
				map(rs.getString("carers"), CarerViewRepository::map),
				map(rs.getString("objectives"), CarePlanRepository::mapObjective),
				map(rs.getString("actions"), ActionRepository::mapRow),
				map(rs.getString("options"), DiscussionRepository::mapOption),
				map(rs.getString("withheld"), CarePlanRepository::mapWithheld),
				map(rs.getString("views"), SignatureRepository::mapView),
				map(rs.getString("outcomes"), CarePlanRepository::mapOutcome),
				contingency.isEmpty() ? null : contingency.get(0),
				map(rs.getString("risks"), DiscussionRepository::mapRisk),
				map(rs.getString("decisions"), DiscussionRepository::mapDecision),
				ReviewRepository.reviews(map(rs.getString("reviews"), ReviewRepository::mapReview),
						map(rs.getString("review_scores"), ReviewRepository::mapScore)),
				rs.getBoolean("agreed"));
	}

	/**
	 * A part's query as one JSON array of its rows. The part's own {@code order by} stays
	 * in the subquery; an aggregate over a plain subquery takes the rows in the order the
	 * subquery gives them.
	 */
	private static String rows(String query) {
		return "(select coalesce(json_agg(part_row), '[]') from (" + query + ") part_row)";
	}

	private interface RowMapper<T> {

		T map(Columns row) throws SQLException;

	}

	private static <T> List<T> map(String json, RowMapper<T> mapper) throws SQLException {
		JsonNode rows = JSON.readTree(json);
		List<T> mapped = new ArrayList<>(rows.size());
		for (JsonNode row : rows.values()) {
			mapped.add(mapper.map(Columns.of(row)));
		}
		return mapped;
	}

	/**
	 * The named parameters of every part together. The access policy names its parameters
	 * by what they hold (the viewer's account, organisation and so on), so the parts of
	 * one viewer agree; a name bound to two values would be a mistake, and is refused
	 * rather than one value silently replacing the other.
	 */
	private static final class Params {

		private final Map<String, Object> all = new HashMap<>();

		void add(Map<String, ?> params) {
			params.forEach((name, value) -> {
				Object before = all.putIfAbsent(name, value);
				if (before != null && !Objects.deepEquals(before, value)) {
					throw new IllegalStateException("Parameter " + name + " is bound to two values in the plan's read");
				}
			});
		}

	}

}
