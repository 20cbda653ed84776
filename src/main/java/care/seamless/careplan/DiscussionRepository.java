package care.seamless.careplan;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contingency, risks the person chooses to take, and options put to the person. */
@Repository
class DiscussionRepository {

	private static final String SQL_UPSERT_CONTINGENCY_FIRST = """
			insert into careplan.contingency (plan_id, person_id, in_a_crisis, out_of_hours_contact, category,
			       source_organisation_id, updated_by, updated_at)
			values (:planId, :personId, :crisis, :outOfHours, 'GENERAL', :organisationId, :by, :at)
			on conflict (plan_id) do nothing
			""";

	private static final String SQL_UPDATE_CONTINGENCY = """
			update careplan.contingency cnt set in_a_crisis = :crisis, out_of_hours_contact = :outOfHours,
			       updated_by = :by, updated_at = :at, version = version + 1
			where cnt.plan_id = :planId and cnt.version = :version and %s
			""";

	static final String SQL_OPTIONS = """
			select opt.id, opt.decision_id, opt.description, pv.practitioner_id, pv.organisation_id, pv.view
			from careplan.decision_option opt
			join careplan.decision dcs on dcs.id = opt.decision_id
			left join careplan.professional_view pv on pv.option_id = opt.id
			where dcs.plan_id = :planId
			order by opt.position, opt.id, pv.recorded_at
			""";

	private final JdbcClient jdbc;

	DiscussionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The contingency section when the viewer may see it ({@code visible} over alias
	 * {@code cnt}).
	 */
	Optional<Contingency> contingency(UUID planId, SqlCondition visible) {
		return jdbc.sql(contingencySql(visible))
			.params(visible.params())
			.param("planId", planId)
			.query((rs, n) -> mapContingency(Columns.of(rs)))
			.optional();
	}

	static String contingencySql(SqlCondition visible) {
		return """
				select cnt.in_a_crisis, cnt.out_of_hours_contact, cnt.updated_by, cnt.updated_at, cnt.version
				from careplan.contingency cnt where cnt.plan_id = :planId and %s
				""".formatted(visible.sql());
	}

	static Contingency mapContingency(Columns row) throws SQLException {
		return new Contingency(row.string("in_a_crisis"), row.string("out_of_hours_contact"), row.string("updated_by"),
				row.instant("updated_at"), row.longValue("version"));
	}

	/**
	 * The first save creates the section; later saves name the version they read, and
	 * change it only when the saver may see it ({@code visible} over alias {@code cnt}).
	 */
	int saveContingency(UUID planId, PersonId person, @Nullable Long version, String crisis, String outOfHours,
			OrganisationId organisation, String by, Instant at, SqlCondition visible) {
		if (version == null) {
			return jdbc.sql(SQL_UPSERT_CONTINGENCY_FIRST)
				.param("planId", planId)
				.param("personId", person.id())
				.param("crisis", crisis)
				.param("outOfHours", outOfHours)
				.param("organisationId", organisation.id())
				.param("by", by)
				.param("at", Timestamp.from(at))
				.update();
		}
		return jdbc.sql(SQL_UPDATE_CONTINGENCY.formatted(visible.sql()))
			.params(visible.params())
			.param("planId", planId)
			.param("version", version)
			.param("crisis", crisis)
			.param("outOfHours", outOfHours)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	void insertRisk(UUID id, UUID planId, PersonId person, String description, String choice, String reduce,
			DataCategory category, OrganisationId organisation, String by, Instant at) {
		jdbc.sql("""
				insert into careplan.risk (id, plan_id, person_id, description, persons_choice, how_we_reduce_it,
				       category, source_organisation_id, recorded_by, recorded_at)
				values (:id, :planId, :personId, :description, :choice, :reduce, :category, :organisationId, :by, :at)
				""")
			.param("id", id)
			.param("planId", planId)
			.param("personId", person.id())
			.param("description", description)
			.param("choice", choice)
			.param("reduce", reduce)
			.param("category", category.name())
			.param("organisationId", organisation.id())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<Risk> risks(UUID planId, SqlCondition visible) {
		return jdbc.sql(risksSql(visible))
			.params(visible.params())
			.param("planId", planId)
			.query((rs, n) -> mapRisk(Columns.of(rs)))
			.list();
	}

	static String risksSql(SqlCondition visible) {
		return """
				select rsk.id, rsk.description, rsk.persons_choice, rsk.how_we_reduce_it, rsk.category,
				       rsk.recorded_by, rsk.recorded_at
				from careplan.risk rsk where rsk.plan_id = :planId and %s order by rsk.recorded_at
				""".formatted(visible.sql());
	}

	static Risk mapRisk(Columns row) throws SQLException {
		return new Risk(row.uuid("id"), row.string("description"), row.string("persons_choice"),
				row.string("how_we_reduce_it"), DataCategory.valueOf(row.string("category")), row.string("recorded_by"),
				row.instant("recorded_at"));
	}

	void insertDecision(UUID id, UUID planId, PersonId person, String question, DataCategory category,
			OrganisationId organisation, String by, Instant at) {
		jdbc.sql("""
				insert into careplan.decision (id, plan_id, person_id, question, category, source_organisation_id,
				       recorded_by, recorded_at)
				values (:id, :planId, :personId, :question, :category, :organisationId, :by, :at)
				""")
			.param("id", id)
			.param("planId", planId)
			.param("personId", person.id())
			.param("question", question)
			.param("category", category.name())
			.param("organisationId", organisation.id())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	void insertOption(UUID id, UUID decisionId, PersonId person, int position, String description) {
		jdbc.sql("""
				insert into careplan.decision_option (id, decision_id, person_id, position, description)
				values (:id, :decisionId, :personId, :position, :description)
				""")
			.param("id", id)
			.param("decisionId", decisionId)
			.param("personId", person.id())
			.param("position", position)
			.param("description", description)
			.update();
	}

	void insertView(UUID optionId, PersonId person, PractitionerId practitioner, OrganisationId organisation,
			String view, Instant at) {
		jdbc.sql("""
				insert into careplan.professional_view (id, option_id, person_id, practitioner_id, organisation_id,
				       view, recorded_at)
				values (:id, :optionId, :personId, :practitionerId, :organisationId, :view, :at)
				""")
			.param("id", UUID.randomUUID())
			.param("optionId", optionId)
			.param("personId", person.id())
			.param("practitionerId", practitioner.id())
			.param("organisationId", organisation.id())
			.param("view", view)
			.param("at", Timestamp.from(at))
			.update();
	}

	int choose(UUID decisionId, long version, UUID optionId, String inOwnWords, Instant at) {
		return jdbc.sql("""
				update careplan.decision set chosen_option_id = :optionId, choice_in_own_words = :words,
				       chosen_at = :at, version = version + 1
				where id = :id and version = :version and exists (
				  select 1 from careplan.decision_option opt where opt.id = :optionId and opt.decision_id = :id)
				""")
			.param("id", decisionId)
			.param("version", version)
			.param("optionId", optionId)
			.param("words", inOwnWords)
			.param("at", Timestamp.from(at))
			.update();
	}

	record DecisionRow(UUID id, String question, DataCategory category, OrganisationId source,
			@Nullable UUID chosenOptionId, @Nullable String choiceInOwnWords, @Nullable Instant chosenAt,
			long version) {
	}

	record ViewRow(UUID optionId, PractitionerId practitioner, OrganisationId organisation, String view) {
	}

	List<DecisionRow> decisions(UUID planId, SqlCondition visible) {
		return jdbc.sql(decisionsSql(visible))
			.params(visible.params())
			.param("planId", planId)
			.query((rs, n) -> mapDecision(Columns.of(rs)))
			.list();
	}

	static String decisionsSql(SqlCondition visible) {
		return """
				select dcs.id, dcs.question, dcs.category, dcs.source_organisation_id, dcs.chosen_option_id,
				       dcs.choice_in_own_words, dcs.chosen_at, dcs.version
				from careplan.decision dcs where dcs.plan_id = :planId and %s order by dcs.recorded_at
				""".formatted(visible.sql());
	}

	static DecisionRow mapDecision(Columns row) throws SQLException {
		return new DecisionRow(row.uuid("id"), row.string("question"), DataCategory.valueOf(row.string("category")),
				new OrganisationId(row.uuid("source_organisation_id")), row.uuid("chosen_option_id"),
				row.string("choice_in_own_words"), row.instant("chosen_at"), row.longValue("version"));
	}

	Optional<DecisionRow> decision(UUID planId, UUID decisionId) {
		return decisions(planId, new SqlCondition("dcs.id = :decisionId", Map.of("decisionId", decisionId))).stream()
			.findFirst();
	}

	/**
	 * Every option put to the person in the plan, in the order put, with each
	 * professional's view of it in the order given: one row per view, or one without a
	 * view, so options and views are one read.
	 */
	List<OptionRow> options(UUID planId) {
		return jdbc.sql(SQL_OPTIONS).param("planId", planId).query((rs, n) -> mapOption(Columns.of(rs))).list();
	}

	static OptionRow mapOption(Columns row) throws SQLException {
		UUID id = row.uuid("id");
		UUID practitioner = row.uuid("practitioner_id");
		ViewRow view = practitioner == null ? null : new ViewRow(id, new PractitionerId(practitioner),
				new OrganisationId(row.uuid("organisation_id")), row.string("view"));
		return new OptionRow(row.uuid("decision_id"), id, row.string("description"), view);
	}

	record OptionRow(UUID decisionId, UUID id, String description, @Nullable ViewRow view) {
	}

	/** Options per decision, in the order they were put, with the views on each named. */
	static Map<UUID, List<Decision.Option>> optionsByDecision(List<OptionRow> rows,
			java.util.function.Function<ViewRow, Decision.ProfessionalView> named) {
		Map<UUID, List<Decision.ProfessionalView>> views = new LinkedHashMap<>();
		Map<UUID, OptionRow> options = new LinkedHashMap<>();
		for (OptionRow row : rows) {
			options.putIfAbsent(row.id(), row);
			List<Decision.ProfessionalView> onOption = views.computeIfAbsent(row.id(), k -> new ArrayList<>());
			if (row.view() != null) {
				onOption.add(named.apply(row.view()));
			}
		}
		Map<UUID, List<Decision.Option>> byDecision = new LinkedHashMap<>();
		options.values()
			.forEach(o -> byDecision.computeIfAbsent(o.decisionId(), k -> new ArrayList<>())
				.add(new Decision.Option(o.id(), o.description(), List.copyOf(views.get(o.id())))));
		return byDecision;
	}

	boolean optionBelongsTo(UUID planId, UUID optionId) {
		return jdbc.sql("""
				select exists (select 1 from careplan.decision_option opt join careplan.decision dcs
				  on dcs.id = opt.decision_id where dcs.plan_id = :planId and opt.id = :optionId)
				""").param("planId", planId).param("optionId", optionId).query(Boolean.class).single();
	}

}
