package care.seamless.eligibility;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Profession;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EligibilityRepository {

	private static final String SQL_COLUMNS = """
			select d.id, d.person_id, d.assessment_episode_id, d.kind, d.needs_arise, d.health_at_risk,
			       d.significant_impact, d.wellbeing_areas, d.facs_band, d.facs_threshold, d.historic_decision_date,
			       d.eligible, d.rationale, d.person_view, d.practitioner_id, d.practitioner_name, d.profession,
			       d.organisation_id, d.organisation_name, d.recorded_at, d.superseded_by, d.superseded_at, d.version
			from eligibility.determination d
			""";

	private static final String SQL_INSERT = """
			insert into eligibility.determination (id, person_id, assessment_episode_id, kind, category, needs_arise,
			       health_at_risk, significant_impact, wellbeing_areas, facs_band, facs_threshold,
			       historic_decision_date, eligible, rationale, person_view, practitioner_id, practitioner_name,
			       profession, organisation_id, organisation_name, recorded_by, recorded_at)
			values (:id, :personId, :episodeId, :kind, :category, :needsArise, :healthAtRisk, :significantImpact,
			        string_to_array(:wellbeing, ','), :band, :threshold, :decidedOn, :eligible, :rationale,
			        :personView, :practitionerId, :practitionerName, :profession, :organisationId, :organisationName,
			        :recordedBy, :recordedAt)
			""";

	private static final String SQL_INSERT_UNABLE = """
			insert into eligibility.unable_outcome (determination_id, person_id, outcome, sense)
			values (:id, :personId, :outcome, :sense)
			""";

	private static final String SQL_SUPERSEDE = """
			update eligibility.determination
			set superseded_by = :by, superseded_at = :at, version = version + 1
			where id = :id and version = :version and superseded_by is null
			""";

	private static final String SQL_CURRENT = """
			select id, version from eligibility.determination
			where person_id = :personId and kind = :kind and superseded_by is null
			""";

	private static final String SQL_UNABLE = """
			select determination_id, outcome, sense from eligibility.unable_outcome
			where person_id = :personId order by determination_id, outcome
			""";

	private final JdbcClient jdbc;

	EligibilityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Current(UUID id, long version) {
	}

	void insertPreTicked(UUID determination, PersonId person, String outcome, String finding, boolean kept) {
		jdbc.sql("""
				insert into eligibility.pre_ticked_outcome (determination_id, person_id, outcome, finding, kept)
				values (:determination, :person, :outcome, :finding, :kept)
				""")
			.param("determination", determination)
			.param("person", person.id())
			.param("outcome", outcome)
			.param("finding", finding)
			.param("kept", kept)
			.update();
	}

	List<PreTicked> preTicked(UUID determination) {
		return jdbc.sql("""
				select outcome, finding, kept from eligibility.pre_ticked_outcome
				where determination_id = :determination order by outcome
				""")
			.param("determination", determination)
			.query((rs, n) -> new PreTicked(rs.getString("outcome"), rs.getString("finding"), rs.getBoolean("kept")))
			.list();
	}

	void insert(Determination d, String category, String recordedBy) {
		Facts f = d.facts();
		jdbc.sql(SQL_INSERT)
			.param("id", d.id())
			.param("personId", d.personId().id())
			.param("episodeId", d.assessmentEpisodeId())
			.param("kind", f.kind().name())
			.param("category", category)
			.param("needsArise", f.needsArise())
			.param("healthAtRisk", f.healthAtRisk())
			.param("significantImpact", f.significantImpact())
			.param("wellbeing", f.wellbeing().stream().sorted().map(Enum::name).collect(Collectors.joining(",")))
			.param("band", f.band() == null ? null : f.band().name())
			.param("threshold", f.threshold() == null ? null : f.threshold().name())
			.param("decidedOn", f.historicDecisionDate())
			.param("eligible", d.eligible())
			.param("rationale", d.rationale())
			.param("personView", d.personView())
			.param("practitionerId", d.practitionerId().id())
			.param("practitionerName", d.practitionerName())
			.param("profession", d.profession().name())
			.param("organisationId", d.organisationId().id())
			.param("organisationName", d.organisationName())
			.param("recordedBy", recordedBy)
			.param("recordedAt", OffsetDateTime.ofInstant(d.recordedAt(), ZoneOffset.UTC))
			.update();
		for (Unable unable : f.counted()) {
			jdbc.sql(SQL_INSERT_UNABLE)
				.param("id", d.id())
				.param("personId", d.personId().id())
				.param("outcome", unable.outcome())
				.param("sense", unable.sense().name())
				.update();
		}
	}

	Optional<Current> current(PersonId person, DeterminationKind kind) {
		return jdbc.sql(SQL_CURRENT)
			.param("personId", person.id())
			.param("kind", kind.name())
			.query((rs, n) -> new Current(rs.getObject("id", UUID.class), rs.getLong("version")))
			.optional();
	}

	int supersede(UUID id, long version, UUID by, Instant at) {
		return jdbc.sql(SQL_SUPERSEDE)
			.param("id", id)
			.param("version", version)
			.param("by", by)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	Optional<Determination> find(PersonId person, UUID id) {
		return forPerson(person, "d.id = :id", Map.of("id", id)).stream().findFirst();
	}

	/** The person's determinations the condition admits, newest decision first. */
	List<Determination> forPerson(PersonId person, SqlCondition visible) {
		return forPerson(person, visible.sql(), visible.params());
	}

	private List<Determination> forPerson(PersonId person, String condition, Map<String, ?> conditionParams) {
		Map<String, Object> params = new HashMap<>(conditionParams);
		params.put("personId", person.id());
		Map<UUID, List<Unable>> unable = unable(person);
		return jdbc
			.sql(SQL_COLUMNS + " where d.person_id = :personId and " + condition
					+ " order by coalesce(d.historic_decision_date::timestamptz, d.recorded_at) desc, d.id")
			.params(params)
			.query((rs, n) -> mapRow(rs, unable))
			.list();
	}

	record WithheldRow(String reason, String organisationName) {
	}

	/** Which organisations hold determinations the viewer may not see, and why. */
	List<WithheldRow> withheld(PersonId person, SqlCondition reason) {
		Map<String, Object> params = new HashMap<>(reason.params());
		params.put("personId", person.id());
		return jdbc.sql("select distinct r.reason, r.organisation_name from (select " + reason.sql()
				+ " as reason, d.organisation_name from eligibility.determination d where d.person_id = :personId) r"
				+ " where r.reason is not null order by r.reason, r.organisation_name")
			.params(params)
			.query((rs, n) -> new WithheldRow(rs.getString("reason"), rs.getString("organisation_name")))
			.list();
	}

	private Map<UUID, List<Unable>> unable(PersonId person) {
		Map<UUID, List<Unable>> byDetermination = new HashMap<>();
		jdbc.sql(SQL_UNABLE).param("personId", person.id()).query(rs -> {
			byDetermination.computeIfAbsent(rs.getObject("determination_id", UUID.class), k -> new ArrayList<>())
				.add(new Unable(rs.getString("outcome"), UnableSense.valueOf(rs.getString("sense"))));
		});
		return byDetermination;
	}

	private static Determination mapRow(ResultSet rs, Map<UUID, List<Unable>> unable) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		DeterminationKind kind = DeterminationKind.valueOf(rs.getString("kind"));
		Facts facts = new Facts(kind, bool(rs, "needs_arise"), unable.getOrDefault(id, List.of()),
				bool(rs, "health_at_risk"), bool(rs, "significant_impact"), areas(rs.getArray("wellbeing_areas")),
				band(rs.getString("facs_band")), band(rs.getString("facs_threshold")),
				localDate(rs.getDate("historic_decision_date")));
		Timestamp supersededAt = rs.getTimestamp("superseded_at");
		return new Determination(id, new PersonId(rs.getObject("person_id", UUID.class)),
				rs.getObject("assessment_episode_id", UUID.class), facts, rs.getBoolean("eligible"),
				rs.getString("rationale"), rs.getString("person_view"),
				new PractitionerId(rs.getObject("practitioner_id", UUID.class)), rs.getString("practitioner_name"),
				Profession.valueOf(rs.getString("profession")),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("organisation_name"),
				rs.getTimestamp("recorded_at").toInstant(), rs.getObject("superseded_by", UUID.class),
				supersededAt == null ? null : supersededAt.toInstant(), rs.getLong("version"));
	}

	private static @Nullable Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	private static Set<WellbeingArea> areas(Array array) throws SQLException {
		EnumSet<WellbeingArea> areas = EnumSet.noneOf(WellbeingArea.class);
		Arrays.stream((String[]) array.getArray()).forEach(a -> areas.add(WellbeingArea.valueOf(a)));
		return areas;
	}

	private static @Nullable FacsBand band(@Nullable String name) {
		return name == null ? null : FacsBand.valueOf(name);
	}

	private static java.time.@Nullable LocalDate localDate(@Nullable Date date) {
		return date == null ? null : date.toLocalDate();
	}

}
