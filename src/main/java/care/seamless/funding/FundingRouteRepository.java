package care.seamless.funding;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FundingRouteRepository {

	private static final String SQL_INSERT = """
			insert into funding.funding_route (id, person_id, objective_id, need_code, need_display, kind, reason,
			       starts_on, ends_on, cost, organisation_id, recorded_by, recorded_at)
			values (:id, :personId, :objectiveId, :needCode, :needDisplay, :kind, :reason, :startsOn, :endsOn, :cost,
			        :organisationId, :recordedBy, :recordedAt)
			""";

	private static final String SQL_INSERT_SHARE = """
			insert into funding.route_share (route_id, organisation_id, share_percent)
			values (:routeId, :organisationId, :percent)
			""";

	// Ending a route is the only change to it, and names the version read: a stale one
	// changes nothing.
	private static final String SQL_END = """
			update funding.funding_route set ended_at = :at, replaced_by = :replacedBy, version = version + 1
			where id = :id and version = :version and ended_at is null
			""";

	private static final String SQL_CURRENT_FOR_NEED = """
			select id, person_id, organisation_id, version from funding.funding_route
			where person_id = :personId and objective_id = :objectiveId and need_code = :needCode and ended_at is null
			""";

	private static final String SQL_KEYS = """
			select id, person_id, organisation_id, version from funding.funding_route where id = :id
			""";

	private static final String SQL_CURRENT_FOR_PERSON = """
			select r.id, r.objective_id, r.need_code, r.need_display, r.kind, r.reason, r.starts_on, r.ends_on, r.cost,
			       r.organisation_id, r.recorded_by, r.recorded_at, r.version, %s as organisation_name
			from funding.funding_route r
			where r.person_id = :personId and r.ended_at is null and %s
			order by r.recorded_at, r.id
			""";

	private static final String SQL_SHARES = """
			select s.organisation_id, s.share_percent, %s as organisation_name from funding.route_share s
			where s.route_id = :routeId order by s.share_percent desc, s.organisation_id
			""";

	private static final String SQL_INSERT_DISAGREEMENT = """
			insert into funding.route_disagreement (id, route_id, person_id, organisation_id, raised_by, proposed_kind,
			       reason, raised_at)
			values (:id, :routeId, :personId, :organisationId, :raisedBy, :proposedKind, :reason, :raisedAt)
			""";

	private static final String SQL_DISAGREEMENTS = """
			select d.id, d.route_id, d.raised_by, d.proposed_kind, d.reason, d.raised_at, d.resolution, d.resolved_by,
			       d.resolved_at, d.version, %s as organisation_name
			from funding.route_disagreement d where d.route_id = :routeId order by d.raised_at, d.id
			""";

	private static final String SQL_DISAGREEMENT_KEYS = """
			select d.id, d.person_id, d.organisation_id, d.version from funding.route_disagreement d where d.id = :id
			""";

	private static final String SQL_RESOLVE = """
			update funding.route_disagreement set resolution = :resolution, resolved_by = :resolvedBy,
			       resolved_at = :resolvedAt, version = version + 1
			where id = :id and version = :version and resolved_at is null
			""";

	private static final String SQL_INSERT_CHC = """
			insert into funding.chc_screening (id, person_id, organisation_id, screened_on, outcome, decided_by, note,
			       recorded_at)
			values (:id, :personId, :organisationId, :screenedOn, :outcome, :decidedBy, :note, :recordedAt)
			""";

	private static final String SQL_CHC = """
			select c.id, c.screened_on, c.outcome, c.decided_by, c.note, c.recorded_at, %s as organisation_name
			from funding.chc_screening c where c.person_id = :personId and %s
			order by c.screened_on desc, c.recorded_at desc
			""";

	private final JdbcClient jdbc;

	FundingRouteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What an access check needs, with no personal detail. */
	record Keys(UUID id, PersonId personId, OrganisationId organisationId, long version) {
	}

	/** A route's own columns, read under the access condition. */
	record Row(UUID id, UUID objectiveId, String needCode, String needDisplay, FundingRouteKind kind, String reason,
			LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable BigDecimal cost, OrganisationId organisationId,
			PractitionerId recordedBy, Instant recordedAt, long version, String organisationName) {
	}

	record DisagreementRow(UUID id, UUID routeId, PractitionerId raisedBy, FundingRouteKind proposedKind, String reason,
			Instant raisedAt, @Nullable String resolution, @Nullable PractitionerId resolvedBy,
			@Nullable Instant resolvedAt, long version, String organisationName) {
	}

	record ChcRow(UUID id, LocalDate screenedOn, ChcOutcome outcome, PractitionerId decidedBy, @Nullable String note,
			Instant recordedAt, String organisationName) {
	}

	void insert(UUID id, PersonId person, String needDisplay, NewRoute route, OrganisationId organisation,
			PractitionerId by, Instant at) {
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("personId", person.id())
			.param("objectiveId", route.objectiveId())
			.param("needCode", route.needCode())
			.param("needDisplay", needDisplay)
			.param("kind", route.kind().name())
			.param("reason", route.reason())
			.param("startsOn", route.startsOn())
			.param("endsOn", route.endsOn())
			.param("cost", route.cost())
			.param("organisationId", organisation.id())
			.param("recordedBy", by.id())
			.param("recordedAt", Timestamp.from(at))
			.update();
		for (NewRoute.Share share : route.shares()) {
			jdbc.sql(SQL_INSERT_SHARE)
				.param("routeId", id)
				.param("organisationId", share.organisationId().id())
				.param("percent", share.percent())
				.update();
		}
	}

	boolean end(UUID id, long version, UUID replacedBy, Instant at) {
		return jdbc.sql(SQL_END)
			.param("id", id)
			.param("version", version)
			.param("replacedBy", replacedBy)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	Optional<Keys> currentFor(PersonId person, UUID objective, String needCode) {
		return jdbc.sql(SQL_CURRENT_FOR_NEED)
			.param("personId", person.id())
			.param("objectiveId", objective)
			.param("needCode", needCode)
			.query(FundingRouteRepository::keys)
			.optional();
	}

	Optional<Keys> keys(UUID id) {
		return jdbc.sql(SQL_KEYS).param("id", id).query(FundingRouteRepository::keys).optional();
	}

	List<Row> current(PersonId person, SqlCondition visible) {
		return jdbc
			.sql(SQL_CURRENT_FOR_PERSON.formatted(Directory.organisationNameSql("r.organisation_id"), visible.sql()))
			.params(visible.params())
			.param("personId", person.id())
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("objective_id", UUID.class),
					rs.getString("need_code"), rs.getString("need_display"),
					FundingRouteKind.valueOf(rs.getString("kind")), rs.getString("reason"),
					rs.getDate("starts_on").toLocalDate(), date(rs, "ends_on"), rs.getBigDecimal("cost"),
					new OrganisationId(rs.getObject("organisation_id", UUID.class)),
					new PractitionerId(rs.getObject("recorded_by", UUID.class)),
					rs.getTimestamp("recorded_at").toInstant(), rs.getLong("version"),
					rs.getString("organisation_name")))
			.list();
	}

	List<RouteView.ShareView> shares(UUID route) {
		return jdbc.sql(SQL_SHARES.formatted(Directory.organisationNameSql("s.organisation_id")))
			.param("routeId", route)
			.query((rs, n) -> new RouteView.ShareView(new OrganisationId(rs.getObject("organisation_id", UUID.class)),
					rs.getString("organisation_name"), rs.getBigDecimal("share_percent")))
			.list();
	}

	void insertDisagreement(UUID id, Keys route, OrganisationId organisation, PractitionerId by,
			FundingRouteKind proposed, String reason, Instant at) {
		jdbc.sql(SQL_INSERT_DISAGREEMENT)
			.param("id", id)
			.param("routeId", route.id())
			.param("personId", route.personId().id())
			.param("organisationId", organisation.id())
			.param("raisedBy", by.id())
			.param("proposedKind", proposed.name())
			.param("reason", reason)
			.param("raisedAt", Timestamp.from(at))
			.update();
	}

	List<DisagreementRow> disagreements(UUID route) {
		return jdbc.sql(SQL_DISAGREEMENTS.formatted(Directory.organisationNameSql("d.organisation_id")))
			.param("routeId", route)
			.query((rs, n) -> {
				UUID resolvedBy = rs.getObject("resolved_by", UUID.class);
				Timestamp resolvedAt = rs.getTimestamp("resolved_at");
				return new DisagreementRow(rs.getObject("id", UUID.class), rs.getObject("route_id", UUID.class),
						new PractitionerId(rs.getObject("raised_by", UUID.class)),
						FundingRouteKind.valueOf(rs.getString("proposed_kind")), rs.getString("reason"),
						rs.getTimestamp("raised_at").toInstant(), rs.getString("resolution"),
						resolvedBy == null ? null : new PractitionerId(resolvedBy),
						resolvedAt == null ? null : resolvedAt.toInstant(), rs.getLong("version"),
						rs.getString("organisation_name"));
			})
			.list();
	}

	Optional<Keys> disagreementKeys(UUID id) {
		return jdbc.sql(SQL_DISAGREEMENT_KEYS).param("id", id).query(FundingRouteRepository::keys).optional();
	}

	boolean resolve(UUID id, long version, String resolution, PractitionerId by, Instant at) {
		return jdbc.sql(SQL_RESOLVE)
			.param("id", id)
			.param("version", version)
			.param("resolution", resolution)
			.param("resolvedBy", by.id())
			.param("resolvedAt", Timestamp.from(at))
			.update() == 1;
	}

	void insertChc(UUID id, PersonId person, OrganisationId organisation, LocalDate on, ChcOutcome outcome,
			PractitionerId by, @Nullable String note, Instant at) {
		jdbc.sql(SQL_INSERT_CHC)
			.param("id", id)
			.param("personId", person.id())
			.param("organisationId", organisation.id())
			.param("screenedOn", on)
			.param("outcome", outcome.name())
			.param("decidedBy", by.id())
			.param("note", note)
			.param("recordedAt", Timestamp.from(at))
			.update();
	}

	List<ChcRow> chc(PersonId person, SqlCondition visible) {
		return jdbc.sql(SQL_CHC.formatted(Directory.organisationNameSql("c.organisation_id"), visible.sql()))
			.params(visible.params())
			.param("personId", person.id())
			.query((rs, n) -> new ChcRow(rs.getObject("id", UUID.class), rs.getDate("screened_on").toLocalDate(),
					ChcOutcome.valueOf(rs.getString("outcome")),
					new PractitionerId(rs.getObject("decided_by", UUID.class)), rs.getString("note"),
					rs.getTimestamp("recorded_at").toInstant(), rs.getString("organisation_name")))
			.list();
	}

	private static Keys keys(ResultSet rs, int n) throws SQLException {
		return new Keys(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getLong("version"));
	}

	static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

}
