package care.seamless.careplan;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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

/**
 * The plan, its outcomes and objectives, and the sign-ups and person's views recorded
 * against them. Sign-ups and views are only ever inserted; the latest row is the one in
 * force.
 */
@Repository
class CarePlanRepository {

	private static final String SQL_PLAN = """
			select id, person_id, assessment_episode_id, source_organisation_id, next_review_on, version
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

	private static final String SQL_PARTNERS = """
			select op.objective_id, op.organisation_id, su.signed, su.practitioner_id, su.recorded_at, su.reason
			from careplan.objective_partner op
			join careplan.objective obj on obj.id = op.objective_id
			left join lateral (
			  select s.signed, s.practitioner_id, s.recorded_at, s.reason from careplan.sign_up s
			  where s.objective_id = op.objective_id and s.organisation_id = op.organisation_id
			  order by s.seq desc limit 1) su on true
			where obj.plan_id = :planId
			""";

	private static final String SQL_VIEWS = """
			select distinct on (ag.objective_id) ag.objective_id, ag.view, ag.given_by, ag.representative,
			       ag.reason, ag.recorded_by, ag.recorded_at
			from careplan.agreement ag join careplan.objective obj on obj.id = ag.objective_id
			where obj.plan_id = :planId
			order by ag.objective_id, ag.seq desc
			""";

	private static final String SQL_INSERT_SIGN_UP = """
			insert into careplan.sign_up (id, objective_id, person_id, organisation_id, practitioner_id, signed, reason,
			       recorded_at)
			values (:id, :objectiveId, :personId, :organisationId, :practitionerId, :signed, :reason, :recordedAt)
			""";

	private static final String SQL_INSERT_VIEW = """
			insert into careplan.agreement (id, objective_id, person_id, view, given_by, related_person_id, representative,
			       reason, recorded_by, recorded_at)
			values (:id, :objectiveId, :personId, :view, :givenBy, :relatedPersonId, :representative, :reason,
			        :recordedBy, :recordedAt)
			""";

	private final JdbcClient jdbc;

	CarePlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record PlanRow(UUID id, PersonId personId, @Nullable UUID assessmentEpisodeId, OrganisationId sourceOrganisation,
			@Nullable LocalDate nextReviewOn, long version) {
	}

	record ObjectiveRow(UUID id, @Nullable UUID outcomeId, Section section, String description, String target,
			String measure, LocalDate targetDate, List<String> needCodes, DataCategory category,
			OrganisationId sourceOrganisation, long version) {
	}

	record PartnerRow(UUID objectiveId, OrganisationId organisationId, @Nullable Boolean signed,
			@Nullable PractitionerId practitionerId, @Nullable Instant at, @Nullable String reason) {
	}

	record ViewRow(UUID objectiveId, PersonsView.View view, String givenBy, @Nullable String representative,
			@Nullable String reason, String recordedBy, Instant recordedAt) {
	}

	/** Who gave the person's view: the person (all null) or a named representative. */
	record Representative(@Nullable UUID relatedPersonId, String relationship, @Nullable String name) {

		static final Representative PERSON = new Representative(null, "PERSON", null);

	}

	Optional<PlanRow> planFor(PersonId person) {
		return jdbc.sql(SQL_PLAN + " where person_id = :personId")
			.param("personId", person.id())
			.query(CarePlanRepository::mapPlan)
			.optional();
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
		return jdbc.sql("""
				select id, words, recorded_by, recorded_at, version from careplan.outcome
				where plan_id = :planId order by recorded_at, id
				""")
			.param("planId", planId)
			.query((rs, n) -> new Outcome(rs.getObject("id", UUID.class), rs.getString("words"),
					rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getLong("version")))
			.list();
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
			// stay
			// in careplan.sign_up as history.
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
			.query(CarePlanRepository::mapObjective)
			.optional();
	}

	/** The objectives of the plan the viewer may see. */
	List<ObjectiveRow> objectives(UUID planId, SqlCondition visible) {
		return jdbc
			.sql(SQL_OBJECTIVE_COLUMNS + " where obj.plan_id = :planId and " + visible.sql()
					+ " order by obj.section, obj.target_date, obj.id")
			.params(visible.params())
			.param("planId", planId)
			.query(CarePlanRepository::mapObjective)
			.list();
	}

	/**
	 * Reason codes and recording organisations of objectives withheld from the viewer.
	 */
	List<Withheld> withheldObjectives(UUID planId, SqlCondition reason) {
		return jdbc.sql("select distinct " + reason.sql()
				+ " as reason, obj.source_organisation_id from careplan.objective obj where obj.plan_id = :planId and "
				+ reason.sql() + " is not null")
			.params(reason.params())
			.param("planId", planId)
			.query((rs, n) -> new Withheld(rs.getString("reason"),
					new OrganisationId(rs.getObject("source_organisation_id", UUID.class))))
			.list();
	}

	record Withheld(String reason, OrganisationId source) {
	}

	List<PartnerRow> partners(UUID planId) {
		return jdbc.sql(SQL_PARTNERS).param("planId", planId).query((rs, n) -> {
			UUID practitioner = rs.getObject("practitioner_id", UUID.class);
			Timestamp at = rs.getTimestamp("recorded_at");
			return new PartnerRow(rs.getObject("objective_id", UUID.class),
					new OrganisationId(rs.getObject("organisation_id", UUID.class)), (Boolean) rs.getObject("signed"),
					practitioner == null ? null : new PractitionerId(practitioner), at == null ? null : at.toInstant(),
					rs.getString("reason"));
		}).list();
	}

	List<ViewRow> views(UUID planId) {
		return jdbc.sql(SQL_VIEWS)
			.param("planId", planId)
			.query((rs, n) -> new ViewRow(rs.getObject("objective_id", UUID.class),
					PersonsView.View.valueOf(rs.getString("view")), rs.getString("given_by"),
					rs.getString("representative"), rs.getString("reason"), rs.getString("recorded_by"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	void insertSignUp(UUID objectiveId, PersonId person, OrganisationId organisation, PractitionerId practitioner,
			boolean signed, @Nullable String reason, Instant at) {
		jdbc.sql(SQL_INSERT_SIGN_UP)
			.param("id", UUID.randomUUID())
			.param("objectiveId", objectiveId)
			.param("personId", person.id())
			.param("organisationId", organisation.id())
			.param("practitionerId", practitioner.id())
			.param("signed", signed)
			.param("reason", reason)
			.param("recordedAt", Timestamp.from(at))
			.update();
	}

	void insertView(UUID objectiveId, PersonId person, PersonsView.View view, Representative givenBy,
			@Nullable String reason, String recordedBy, Instant at) {
		jdbc.sql(SQL_INSERT_VIEW)
			.param("id", UUID.randomUUID())
			.param("objectiveId", objectiveId)
			.param("personId", person.id())
			.param("view", view.name())
			.param("givenBy", givenBy.relationship())
			.param("relatedPersonId", givenBy.relatedPersonId())
			.param("representative", givenBy.name())
			.param("reason", reason)
			.param("recordedBy", recordedBy)
			.param("recordedAt", Timestamp.from(at))
			.update();
	}

	long signUpRows(UUID objectiveId) {
		return jdbc.sql("select count(*) from careplan.sign_up where objective_id = :id")
			.param("id", objectiveId)
			.query(Long.class)
			.single();
	}

	long viewRows(UUID objectiveId) {
		return jdbc.sql("select count(*) from careplan.agreement where objective_id = :id")
			.param("id", objectiveId)
			.query(Long.class)
			.single();
	}

	/**
	 * True when the plan has objectives and every one of them, seen or not by the viewer,
	 * is signed by all its partners and agreed by the person.
	 */
	boolean agreed(UUID planId) {
		return jdbc.sql("""
				select exists (select 1 from careplan.objective where plan_id = :planId) and not exists (
				  select 1 from careplan.objective obj where obj.plan_id = :planId and (
				    exists (select 1 from careplan.objective_partner op where op.objective_id = obj.id
				      and not coalesce((select s.signed from careplan.sign_up s where s.objective_id = obj.id
				        and s.organisation_id = op.organisation_id order by s.seq desc limit 1), false))
				    or coalesce((select ag.view from careplan.agreement ag where ag.objective_id = obj.id
				        order by ag.seq desc limit 1), '') <> 'AGREES'))
				""").param("planId", planId).query(Boolean.class).single();
	}

	private static PlanRow mapPlan(ResultSet rs, int n) throws SQLException {
		Date next = rs.getDate("next_review_on");
		UUID episode = rs.getObject("assessment_episode_id", UUID.class);
		return new PlanRow(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)), episode,
				new OrganisationId(rs.getObject("source_organisation_id", UUID.class)),
				next == null ? null : next.toLocalDate(), rs.getLong("version"));
	}

	private static ObjectiveRow mapObjective(ResultSet rs, int n) throws SQLException {
		Array codes = rs.getArray("need_codes");
		return new ObjectiveRow(rs.getObject("id", UUID.class), rs.getObject("outcome_id", UUID.class),
				Section.valueOf(rs.getString("section")), rs.getString("description"), rs.getString("target"),
				rs.getString("measure"), rs.getDate("target_date").toLocalDate(),
				Arrays.asList((String[]) codes.getArray()), DataCategory.valueOf(rs.getString("category")),
				new OrganisationId(rs.getObject("source_organisation_id", UUID.class)), rs.getLong("version"));
	}

}
