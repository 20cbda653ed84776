package care.seamless.discharge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.person.People;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AdmissionRepository {

	private static final String SQL_INSERT = """
			insert into discharge.admission (id, person_id, organisation_id, ward_team_id, hospital, ward, admitted_at,
			       planned_discharge, rule_set_id, recorded_by, recorded_at)
			values (:id, :personId, :organisationId, :wardTeamId, :hospital, :ward, :admittedAt, :plannedDischarge,
			        :ruleSetId, :recordedBy, :recordedAt)
			""";

	// Ids only: what the access check needs before anything of the person is read.
	private static final String SQL_KEYS = """
			select id, person_id, organisation_id, ward_team_id, admitted_at, discharged_at, rule_set_id, version
			from discharge.admission where id = :id
			""";

	private static final String SQL_READ = """
			select a.id, a.person_id, a.organisation_id, a.ward_team_id, a.hospital, a.ward, a.admitted_at,
			       a.planned_discharge, a.discharged_at, a.pathway, a.rule_set_id, a.support_in_place, a.equipment,
			       a.medicines, a.carer_told, a.carer_consulted, a.transport, a.version,
			       %s as person_name, %s as organisation_name
			from discharge.admission a
			where a.id = :id and %s
			""";

	private static final String SQL_FOR_PERSON = """
			select a.id from discharge.admission a
			where a.person_id = :personId and %s
			order by a.admitted_at desc
			""";

	private static final String SQL_OPEN_FOR_TEAM = """
			select a.id, a.person_id, a.ward, a.admitted_at, a.planned_discharge, %s as person_name,
			       (select count(*) from discharge.delayed_day d where d.admission_id = a.id) as delayed,
			       (select count(*) from discharge.delayed_day d where d.admission_id = a.id
			          and (select t.step from discharge.attribution t where t.delayed_day_id = d.id
			               order by t.at desc, t.id desc limit 1) = 'DISPUTED') as disputed
			from discharge.admission a
			where a.ward_team_id = :teamId and a.discharged_at is null and %s
			order by a.admitted_at, a.id
			""";

	private static final String SQL_UPDATE_PLAN = """
			update discharge.admission
			set planned_discharge = :plannedDischarge, discharged_at = :dischargedAt, pathway = :pathway,
			    support_in_place = :supportInPlace, equipment = :equipment, medicines = :medicines,
			    carer_told = :carerTold, carer_consulted = :carerConsulted, transport = :transport,
			    version = version + 1
			where id = :id and version = :version
			""";

	private static final String SQL_INSERT_OWN_VIEW = """
			insert into discharge.own_view (id, admission_id, person_id, words, told_to, recorded_at, corrects)
			values (:id, :admissionId, :personId, :words, :toldTo, :recordedAt, :corrects)
			""";

	private static final String SQL_OWN_VIEWS = """
			select id, words, told_to, recorded_at, corrects from discharge.own_view
			where admission_id = :admissionId order by recorded_at, id
			""";

	private static final String SQL_OWN_VIEW_BELONGS = """
			select exists (select 1 from discharge.own_view where id = :id and admission_id = :admissionId)
			""";

	private static final String SQL_INSERT_NOTICE = """
			insert into discharge.notice (id, admission_id, person_id, kind, given_on, proposed_discharge, rule_set_id,
			       given_by, given_at)
			values (:id, :admissionId, :personId, :kind, :givenOn, :proposedDischarge, :ruleSetId, :givenBy, :givenAt)
			on conflict (admission_id, kind) do nothing
			""";

	private static final String SQL_NOTICES = """
			select kind, given_on, proposed_discharge, given_by from discharge.notice
			where admission_id = :admissionId order by given_on, kind
			""";

	private final JdbcClient jdbc;

	AdmissionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The identifying keys of an admission, with no personal detail. */
	record Keys(UUID id, PersonId personId, OrganisationId organisationId, TeamId wardTeamId, Instant admittedAt,
			@Nullable Instant dischargedAt, UUID ruleSetId, long version) {
	}

	/** The admission's own columns, read under the access condition. */
	record Row(Keys keys, String personName, String organisationName, String hospital, String ward,
			@Nullable LocalDate plannedDischarge, @Nullable Pathway pathway, Checklist checklist) {
	}

	/** The changeable part of an admission, written as one versioned update. */
	record Plan(@Nullable LocalDate plannedDischarge, @Nullable Instant dischargedAt, @Nullable Pathway pathway,
			Checklist checklist) {
	}

	void insert(UUID id, PersonId person, OrganisationId organisation, TeamId ward, NewAdmission admission,
			UUID ruleSet, PractitionerId by, Instant at) {
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("personId", person.id())
			.param("organisationId", organisation.id())
			.param("wardTeamId", ward.id())
			.param("hospital", admission.hospital())
			.param("ward", admission.ward())
			.param("admittedAt", Timestamp.from(admission.admittedAt()))
			.param("plannedDischarge", admission.plannedDischarge())
			.param("ruleSetId", ruleSet)
			.param("recordedBy", by.id())
			.param("recordedAt", Timestamp.from(at))
			.update();
	}

	Optional<Keys> keys(UUID id) {
		return jdbc.sql(SQL_KEYS).param("id", id).query(AdmissionRepository::keys).optional();
	}

	Optional<Row> read(UUID id, SqlCondition visible) {
		return jdbc
			.sql(SQL_READ.formatted(People.displayNameSql("a.person_id"),
					Directory.organisationNameSql("a.organisation_id"), visible.sql()))
			.params(visible.params())
			.param("id", id)
			.query(AdmissionRepository::row)
			.optional();
	}

	List<UUID> forPerson(PersonId person, SqlCondition visible) {
		return jdbc.sql(SQL_FOR_PERSON.formatted(visible.sql()))
			.params(visible.params())
			.param("personId", person.id())
			.query(UUID.class)
			.list();
	}

	List<OpenAdmission> openForTeam(TeamId team, SqlCondition visible) {
		return jdbc.sql(SQL_OPEN_FOR_TEAM.formatted(People.displayNameSql("a.person_id"), visible.sql()))
			.params(visible.params())
			.param("teamId", team.id())
			.query((rs, n) -> new OpenAdmission(rs.getObject("id", UUID.class),
					new PersonId(rs.getObject("person_id", UUID.class)), rs.getString("person_name"),
					rs.getString("ward"), rs.getTimestamp("admitted_at").toInstant(), date(rs, "planned_discharge"),
					rs.getInt("delayed"), rs.getInt("disputed")))
			.list();
	}

	boolean updatePlan(UUID id, long version, Plan plan) {
		return jdbc.sql(SQL_UPDATE_PLAN)
			.param("id", id)
			.param("version", version)
			.param("plannedDischarge", plan.plannedDischarge())
			.param("dischargedAt", plan.dischargedAt() == null ? null : Timestamp.from(plan.dischargedAt()))
			.param("pathway", plan.pathway() == null ? null : (short) plan.pathway().number())
			.param("supportInPlace", plan.checklist().supportInPlace())
			.param("equipment", plan.checklist().equipment())
			.param("medicines", plan.checklist().medicines())
			.param("carerTold", plan.checklist().carerTold())
			.param("carerConsulted", plan.checklist().carerConsulted())
			.param("transport", plan.checklist().transport())
			.update() == 1;
	}

	void insertOwnView(UUID id, Keys admission, String words, PractitionerId toldTo, Instant at,
			@Nullable UUID corrects) {
		jdbc.sql(SQL_INSERT_OWN_VIEW)
			.param("id", id)
			.param("admissionId", admission.id())
			.param("personId", admission.personId().id())
			.param("words", words)
			.param("toldTo", toldTo.id())
			.param("recordedAt", Timestamp.from(at))
			.param("corrects", corrects)
			.update();
	}

	boolean ownViewBelongs(UUID ownView, UUID admission) {
		return jdbc.sql(SQL_OWN_VIEW_BELONGS)
			.param("id", ownView)
			.param("admissionId", admission)
			.query(Boolean.class)
			.single();
	}

	/** Raw own-view rows: id, words, practitioner told, time, corrected view. */
	record OwnViewRow(UUID id, String words, PractitionerId toldTo, Instant recordedAt, @Nullable UUID corrects) {
	}

	List<OwnViewRow> ownViews(UUID admission) {
		return jdbc.sql(SQL_OWN_VIEWS)
			.param("admissionId", admission)
			.query((rs, n) -> new OwnViewRow(rs.getObject("id", UUID.class), rs.getString("words"),
					new PractitionerId(rs.getObject("told_to", UUID.class)), rs.getTimestamp("recorded_at").toInstant(),
					rs.getObject("corrects", UUID.class)))
			.list();
	}

	/** False when a notice of that kind was already given for the admission. */
	boolean insertNotice(UUID id, Keys admission, NoticeKind kind, LocalDate givenOn,
			@Nullable LocalDate proposedDischarge, PractitionerId by, Instant at) {
		return jdbc.sql(SQL_INSERT_NOTICE)
			.param("id", id)
			.param("admissionId", admission.id())
			.param("personId", admission.personId().id())
			.param("kind", kind.name())
			.param("givenOn", givenOn)
			.param("proposedDischarge", proposedDischarge)
			.param("ruleSetId", admission.ruleSetId())
			.param("givenBy", by.id())
			.param("givenAt", Timestamp.from(at))
			.update() == 1;
	}

	/** Raw notice rows. */
	record NoticeRow(NoticeKind kind, LocalDate givenOn, @Nullable LocalDate proposedDischarge, PractitionerId by) {
	}

	List<NoticeRow> notices(UUID admission) {
		return jdbc.sql(SQL_NOTICES)
			.param("admissionId", admission)
			.query((rs, n) -> new NoticeRow(NoticeKind.valueOf(rs.getString("kind")),
					rs.getDate("given_on").toLocalDate(), date(rs, "proposed_discharge"),
					new PractitionerId(rs.getObject("given_by", UUID.class))))
			.list();
	}

	private static Keys keys(ResultSet rs, int n) throws SQLException {
		Timestamp discharged = rs.getTimestamp("discharged_at");
		return new Keys(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				new TeamId(rs.getObject("ward_team_id", UUID.class)), rs.getTimestamp("admitted_at").toInstant(),
				discharged == null ? null : discharged.toInstant(), rs.getObject("rule_set_id", UUID.class),
				rs.getLong("version"));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Short pathway = rs.getObject("pathway", Short.class);
		return new Row(keys(rs, n), rs.getString("person_name"), rs.getString("organisation_name"),
				rs.getString("hospital"), rs.getString("ward"), date(rs, "planned_discharge"),
				pathway == null ? null : Pathway.ofNumber(pathway).orElseThrow(),
				new Checklist(rs.getBoolean("support_in_place"), rs.getBoolean("equipment"), rs.getBoolean("medicines"),
						rs.getBoolean("carer_told"), rs.getBoolean("carer_consulted"), rs.getBoolean("transport")));
	}

	static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

}
