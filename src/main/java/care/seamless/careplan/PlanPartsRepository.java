package care.seamless.careplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.KeptStatements;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;
import care.seamless.team.DirectoryNames;
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

	/**
	 * The names the plan shows, read from the ids in its parts' rows: the organisations
	 * and practitioners {@code PlanViews.shown} collects from the same rows, and the
	 * reader's own practitioner entry (for the words of their profession). A name missing
	 * here would still be read on first use, one statement for each.
	 */
	private static final String NAMES_SHOWN = Directory.namesJsonSql("""
			array(select cast(e ->> 'source_organisation_id' as uuid) from json_array_elements(parts.objectives) e
			      union select cast(e ->> 'organisation_id' as uuid) from json_array_elements(parts.partners) e
			      union select cast(e ->> 'organisation_id' as uuid) from json_array_elements(parts.carers) e
			      union select cast(e ->> 'owner_organisation_id' as uuid) from json_array_elements(parts.actions) e
			      union select cast(e ->> 'offered_to_organisation_id' as uuid)
			            from json_array_elements(parts.actions) e where e ->> 'offered_to_organisation_id' is not null
			      union select cast(e ->> 'organisation_id' as uuid)
			            from json_array_elements(parts.options) e where e ->> 'practitioner_id' is not null
			      union select cast(e ->> 'source' as uuid) from json_array_elements(parts.withheld) e)""", """
			array(select cast(e ->> 'practitioner_id' as uuid)
			            from json_array_elements(parts.partners) e where e ->> 'practitioner_id' is not null
			      union select cast(e ->> 'owner_practitioner_id' as uuid) from json_array_elements(parts.actions) e
			      union select cast(e ->> 'practitioner_id' as uuid)
			            from json_array_elements(parts.options) e where e ->> 'practitioner_id' is not null
			      union select cast(:namesReader as uuid))""");

	/**
	 * The plan's id in the parts' own texts, a parameter when they are read on their own.
	 */
	private static final Pattern PLAN_ID = Pattern.compile(":planId\\b");

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
			SqlCondition decisions, SqlCondition reviewNotes, SqlCondition reviewObjectives) {

		/** What the plan's statement is built from: every condition's text. */
		List<String> texts() {
			return List.of(carers.sql(), objectives.sql(), actions.sql(), withheld.objective().sql(),
					withheld.carerView().sql(), withheld.action().sql(), withheld.contingency().sql(),
					withheld.reviewNotes().sql(), contingency.sql(), risks.sql(), decisions.sql(), reviewNotes.sql(),
					reviewObjectives.sql());
		}

	}

	/** What each part's own read returns, for one plan and one viewer. */
	record Parts(List<SignatureRepository.PartnerRow> partners, List<CarerViewRepository.Row> carers,
			List<CarePlanRepository.ObjectiveRow> objectives, List<ActionRepository.Row> actions,
			List<DiscussionRepository.OptionRow> options, List<CarePlanRepository.Withheld> withheld,
			List<SignatureRepository.ViewRow> views, List<Outcome> outcomes, @Nullable Contingency contingency,
			List<Risk> risks, List<DiscussionRepository.DecisionRow> decisions, List<Review> reviews, boolean agreed) {
	}

	/**
	 * The access policy's record decision for the reader ({@code decision}, over
	 * {@code p0.id}) and, only where it lets them open the record and there is a plan,
	 * the plan and every part of it they may see: one statement instead of the decision
	 * with the plan and then the parts (ADR 89). The caller audits the decision.
	 */
	Opened open(PersonId person, @Nullable PractitionerId reader, SqlCondition decision, Conditions c) {
		Map<String, Object> params = params(person, id(reader), decision, c);
		KeptStatements.Bound bound = statements.bind(openShape(decision, c), params, () -> openSql(decision, c));
		return bound.params(jdbc.sql(bound.sql())).query(PlanPartsRepository::opened).single();
	}

	/**
	 * {@link #open} with the statement built and run named, every time: the reference the
	 * kept statement is tested against.
	 */
	Opened openBuiltAfresh(PersonId person, @Nullable PractitionerId reader, SqlCondition decision, Conditions c) {
		return jdbc.sql(openSql(decision, c))
			.params(params(person, id(reader), decision, c))
			.query(PlanPartsRepository::opened)
			.single();
	}

	/**
	 * The record decision; the plan when the decision opens the record and the person has
	 * one, and then its parts as the reader may see them.
	 */
	record Opened(@Nullable String decision, CarePlanRepository.@Nullable PlanRow plan, @Nullable Parts parts,
			@Nullable DirectoryNames names) {
	}

	private static List<String> openShape(SqlCondition decision, Conditions c) {
		List<String> shape = new ArrayList<>(List.of("plan opened", decision.sql()));
		shape.addAll(c.texts());
		return shape;
	}

	/**
	 * The decision as {@code CarePlanRepository.open} takes it, and the parts statement
	 * as a lateral derived table over the plan it finds: the parts' own text, the plan's
	 * id taken from the row instead of a parameter, and nothing of it evaluated unless
	 * there is an opened plan. The decision's derived table ends in {@code offset 0} so
	 * that PostgreSQL evaluates it once (ADR 80), not once for each use of its column.
	 */
	private static String openSql(SqlCondition decision, Conditions c) {
		return """
				select d.record_decision, opened_plan.id, opened_plan.person_id, opened_plan.assessment_episode_id,
				       opened_plan.source_organisation_id, opened_plan.next_review_on, opened_plan.version,
				       opened_plan.created_at, parts.*,
				       case when opened_plan.id is not null then %s end as names
				from (select cast(:personId as uuid) as id) p0
				cross join lateral (select (%s) as record_decision offset 0) d
				left join careplan.care_plan opened_plan
				       on opened_plan.person_id = p0.id and d.record_decision is not null
				left join lateral (%s where opened_plan.id is not null) parts on true
				""".formatted(NAMES_SHOWN, decision.sql(), PLAN_ID.matcher(sql(c)).replaceAll("opened_plan.id"));
	}

	private static Map<String, Object> params(PersonId person, @Nullable UUID reader, SqlCondition decision,
			Conditions c) {
		Params params = new Params();
		params.add(Map.of("personId", person.id()));
		// Null for a reader who is not a practitioner: an element that matches nobody.
		params.add(Collections.singletonMap("namesReader", reader));
		params.add(decision.params());
		params.add(params(null, c));
		return params.all;
	}

	private static @Nullable UUID id(@Nullable PractitionerId practitioner) {
		return (practitioner == null) ? null : practitioner.id();
	}

	private static Opened opened(ResultSet rs, int n) throws SQLException {
		CarePlanRepository.PlanRow plan = (rs.getObject("id", UUID.class) == null) ? null
				: CarePlanRepository.mapPlan(rs, n);
		return new Opened(rs.getString("record_decision"), plan, (plan == null) ? null : parts(rs, n),
				(plan == null) ? null : Directory.namesFromJson(JSON.readTree(rs.getString("names"))));
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

	private static String sql(Conditions c) {
		return """
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

	private static Map<String, Object> params(@Nullable UUID planId, Conditions c) {
		Params params = new Params();
		if (planId != null) {
			params.add(Map.of("planId", planId));
		}
		for (SqlCondition condition : List.of(c.carers(), c.objectives(), c.actions(), c.contingency(), c.risks(),
				c.decisions(), c.reviewObjectives(), c.reviewNotes())) {
			params.add(condition.params());
		}
		params.add(c.withheld().params());
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
