package care.seamless.careplan;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Partners' sign-ups and the person's views of objectives. Rows are only ever inserted: a
 * withdrawal is a later row, and the latest row per partner (or per objective) is the one
 * in force, so the history is never lost.
 */
@Repository
class SignatureRepository {

	static final String SQL_PARTNERS = """
			select op.objective_id, op.organisation_id, su.signed, su.practitioner_id, su.recorded_at, su.reason
			from careplan.objective_partner op
			join careplan.objective obj on obj.id = op.objective_id
			left join lateral (
			  select s.signed, s.practitioner_id, s.recorded_at, s.reason from careplan.sign_up s
			  where s.objective_id = op.objective_id and s.organisation_id = op.organisation_id
			  order by s.seq desc limit 1) su on true
			where obj.plan_id = :planId
			""";

	static final String SQL_VIEWS = """
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

	/**
	 * True when the plan has objectives and every one of them, seen or not by the viewer,
	 * is signed by all its partners and agreed by the person.
	 */
	static final String SQL_AGREED = """
			select exists (select 1 from careplan.objective where plan_id = :planId) and not exists (
			  select 1 from careplan.objective obj where obj.plan_id = :planId and (
			    exists (select 1 from careplan.objective_partner op where op.objective_id = obj.id
			      and not coalesce((select s.signed from careplan.sign_up s where s.objective_id = obj.id
			        and s.organisation_id = op.organisation_id order by s.seq desc limit 1), false))
			    or coalesce((select ag.view from careplan.agreement ag where ag.objective_id = obj.id
			        order by ag.seq desc limit 1), '') <> 'AGREES'))
			""";

	private final JdbcClient jdbc;

	SignatureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	List<PartnerRow> partners(UUID planId) {
		return jdbc.sql(SQL_PARTNERS).param("planId", planId).query((rs, n) -> mapPartner(Columns.of(rs))).list();
	}

	static PartnerRow mapPartner(Columns row) throws SQLException {
		UUID practitioner = row.uuid("practitioner_id");
		return new PartnerRow(row.uuid("objective_id"), new OrganisationId(row.uuid("organisation_id")),
				row.bool("signed"), practitioner == null ? null : new PractitionerId(practitioner),
				row.instant("recorded_at"), row.string("reason"));
	}

	List<ViewRow> views(UUID planId) {
		return jdbc.sql(SQL_VIEWS).param("planId", planId).query((rs, n) -> mapView(Columns.of(rs))).list();
	}

	static ViewRow mapView(Columns row) throws SQLException {
		return new ViewRow(row.uuid("objective_id"), PersonsView.View.valueOf(row.string("view")),
				row.string("given_by"), row.string("representative"), row.string("reason"), row.string("recorded_by"),
				row.instant("recorded_at"));
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
		return jdbc.sql(SQL_AGREED).param("planId", planId).query(Boolean.class).single();
	}

}
