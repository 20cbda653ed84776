package care.seamless.person;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import care.seamless.consent.LinkedIdentities;
import care.seamless.consent.PartsEvaluation;
import care.seamless.consent.SqlCondition;
import care.seamless.consent.SqlQuery;
import care.seamless.shared.CalendarDates;
import care.seamless.shared.DataCategory;
import care.seamless.shared.GenericPlans;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeams;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonRepository {

	private static final String SQL_COLUMNS = """
			select p.id, p.nhs_number, p.title, p.given_name, p.family_name, p.preferred_name, p.how_addressed,
			       p.date_of_birth, p.sex, p.gender, p.address_line_1, p.address_line_2, p.town, p.postcode, p.phone,
			       p.email, p.language, p.interpreter_needed, p.communication_needs, p.restricted, p.version,
			       p.gp_practice_name, p.gp_ods_code,
			       p.source_organisation_id
			from person.person p
			""";

	private static final String SQL_IDENTIFIERS = "select system, value from person.identifier where person_id = %s order by system";

	private static final String SQL_RELATED = """
			select id, person_id, relationship, name, phone, email, may_contact, period_start, period_end
			from person.related_person where person_id = %s order by relationship, name
			""";

	/**
	 * The record view in one statement (ADR 80): the person's row, the access decision
	 * about it and its two guarded parts (DECISION, over the row's id and holder), and
	 * each part read only where that decision will show it: the identifiers with the
	 * details, the related people with the third-party information, the care team with
	 * the record. Each part is its own read's text (above, and
	 * {@link CareTeams#membersJsonSql}) as a JSON array, in that read's order.
	 * {@code linked} says whether the record is linked with others, whose care teams and
	 * decisions this statement does not read.
	 */
	private static final String SQL_RECORD = SQL_COLUMNS.replace("from person.person p", """
			       , pdp.*,
			       json_build_object(
			         'identifiers', case when pdp.pdp_open and pdp.pdp_first_visible then
			           (select coalesce(json_agg(vp_i), '[]') from (IDENTIFIERS) vp_i) end,
			         'related', case when pdp.pdp_open and pdp.pdp_second_visible then
			           (select coalesce(json_agg(vp_r), '[]') from (RELATED) vp_r) end,
			         'care_team', case when pdp.pdp_open then CARE_TEAM end) as parts,
			       LINKED as linked
			from person.person p cross join lateral DECISION pdp
			""")
		.replace("IDENTIFIERS", SQL_IDENTIFIERS.formatted("p.id"))
		.replace("RELATED", SQL_RELATED.formatted("p.id"))
		.replace("CARE_TEAM", CareTeams.membersJsonSql("p.id"))
		.replace("LINKED", LinkedIdentities.linkedSql("p.id")) + " where p.id = :id";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * {@link #SQL_RECORD} with the decision's text in it, by that text (which the access
	 * policy builds once per shape), with its named parameters already turned into
	 * positional ones: the statement is some 15,000 characters, and substituting them on
	 * every request was a sixth of the request thread's allocation.
	 */
	private static final Map<String, Positional> RECORD_SQL = new ConcurrentHashMap<>();

	private record Positional(String sql, ParsedSql parsed) {

		static Positional of(String named) {
			ParsedSql parsed = NamedParameterUtils.parseSqlStatement(named);
			return new Positional(NamedParameterUtils.substituteNamedParameters(parsed, null), parsed);
		}

		List<Object> values(Map<String, Object> params) {
			return Arrays.asList(NamedParameterUtils.buildValueArray(parsed, new MapSqlParameterSource(params), null));
		}

	}

	private static final String SQL_INSERT = """
			insert into person.person (id, nhs_number, title, given_name, family_name, preferred_name, how_addressed,
			       date_of_birth, sex, gender, address_line_1, address_line_2, town, postcode, phone, email, language,
			       interpreter_needed, communication_needs, gp_practice_name, gp_ods_code, source_organisation_id)
			values (:id, :nhsNumber, :title, :givenName, :familyName, :preferredName, :howAddressed, :dateOfBirth, :sex,
			        :gender, :addressLine1, :addressLine2, :town, :postcode, :phone, :email, :language,
			        :interpreterNeeded, :communicationNeeds, :gpPracticeName, :gpOdsCode, :sourceOrganisationId)
			""";

	private static final String SQL_UPDATE = """
			update person.person set nhs_number = :nhsNumber, title = :title, given_name = :givenName,
			       family_name = :familyName, preferred_name = :preferredName, how_addressed = :howAddressed,
			       date_of_birth = :dateOfBirth, sex = :sex, gender = :gender, address_line_1 = :addressLine1,
			       address_line_2 = :addressLine2, town = :town, postcode = :postcode, phone = :phone, email = :email,
			       language = :language, interpreter_needed = :interpreterNeeded,
			       communication_needs = :communicationNeeds, gp_practice_name = :gpPracticeName,
			       gp_ods_code = :gpOdsCode, version = version + 1, updated_at = now()
			where id = :id and version = :version
			""";

	private static final String SQL_SUMMARY_COLUMNS = """
			select p.id, p.given_name, p.family_name, p.date_of_birth, p.nhs_number, p.restricted,
			       split_part(p.postcode, ' ', 1) as outward_code, (%s) as in_care_team, (LINKED) as linked
			from person.person p
			""".replace("LINKED", LinkedIdentities.linkedSql("p.id"));

	private final JdbcClient jdbc;

	PersonRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(PersonId id, PersonDetails details, boolean restricted, long version,
			OrganisationId sourceOrganisationId) {
	}

	void insert(PersonId id, PersonDetails details, OrganisationId source) {
		bind(jdbc.sql(SQL_INSERT), details).param("id", id.id())
			.param("sourceOrganisationId", source == null ? null : source.id())
			.update();
	}

	void insertEntry(Entry entry, PersonId person) {
		jdbc.sql(
				"""
						insert into person.entry (id, person_id, category, source_organisation_id, author, title, body, recorded_at)
						values (:id, :personId, :category, :source, :author, :title, :body, :at)
						""")
			.param("id", entry.id())
			.param("personId", person.id())
			.param("category", entry.category().name())
			.param("source", entry.sourceOrganisationId().id())
			.param("author", entry.author())
			.param("title", entry.title())
			.param("body", entry.body())
			.param("at", java.time.OffsetDateTime.ofInstant(entry.recordedAt(), java.time.ZoneOffset.UTC))
			.update();
	}

	/**
	 * Entries of these records (one person's linked records) that the access condition
	 * admits, newest first, one page.
	 */
	List<Entry> entries(List<PersonId> records, SqlCondition visible, int limit, int offset) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("records", ids(records));
		params.put("limit", limit);
		params.put("offset", offset);
		return jdbc
			.sql("""
					select e.id, e.category, e.source_organisation_id, e.author, e.title, e.body, e.recorded_at,
					  e.person_id
					from person.entry e where e.person_id in (:records) and """ + visible.sql()
					+ " order by e.recorded_at desc, e.id limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), DataCategory.valueOf(rs.getString("category")),
					new OrganisationId(rs.getObject("source_organisation_id", UUID.class)), rs.getString("author"),
					rs.getString("title"), rs.getString("body"), rs.getTimestamp("recorded_at").toInstant(),
					new PersonId(rs.getObject("person_id", UUID.class))))
			.list();
	}

	long countEntries(List<PersonId> records, SqlCondition visible) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("records", ids(records));
		return jdbc.sql("select count(*) from person.entry e where e.person_id in (:records) and " + visible.sql())
			.params(params)
			.query(Long.class)
			.single();
	}

	record Withheld(String reason, OrganisationId source) {
	}

	/** Which organisations hold withheld entries, and why; never how many. */
	List<Withheld> withheldEntries(List<PersonId> records, SqlCondition reason) {
		Map<String, Object> params = new HashMap<>(reason.params());
		params.put("records", ids(records));
		return jdbc.sql("select distinct r.reason, r.source from (select " + reason.sql()
				+ " as reason, e.source_organisation_id as source from person.entry e where e.person_id in (:records)) r"
				+ " where r.reason is not null order by r.reason")
			.params(params)
			.query((rs, n) -> new Withheld(rs.getString("reason"),
					new OrganisationId(rs.getObject("source", UUID.class))))
			.list();
	}

	private static List<UUID> ids(List<PersonId> records) {
		return records.stream().map(PersonId::id).toList();
	}

	int update(PersonId id, long version, PersonDetails details) {
		return bind(jdbc.sql(SQL_UPDATE), details).param("id", id.id()).param("version", version).update();
	}

	Optional<Row> find(PersonId id) {
		return jdbc.sql(SQL_COLUMNS + " where p.id = :id")
			.param("id", id.id())
			.query(PersonRepository::mapRow)
			.optional();
	}

	/**
	 * The record's row with the access policy's evaluation of it and the parts that
	 * evaluation lets through ({@link #SQL_RECORD}); a part withheld (or the whole record
	 * refused) is null, never read.
	 */
	record RecordRead(Row row, PartsEvaluation evaluation, boolean linked, @Nullable List<PersonIdentifier> identifiers,
			@Nullable List<RelatedPerson> relatedPeople, @Nullable List<CareTeamMember> careTeam) {
	}

	Optional<RecordRead> readRecord(PersonId id, SqlQuery decision) {
		Map<String, Object> params = new HashMap<>(decision.params());
		params.put("id", id.id());
		Positional statement = RECORD_SQL.computeIfAbsent(decision.sql(),
				sql -> Positional.of(SQL_RECORD.replace("DECISION", sql)));
		return jdbc.sql(statement.sql()).params(statement.values(params)).query((rs, n) -> {
			JsonNode parts = JSON.readTree(rs.getString("parts"));
			return new RecordRead(mapRow(rs, n), PartsEvaluation.of(rs), rs.getBoolean("linked"),
					rows(parts.get("identifiers"), PersonRepository::identifier),
					rows(parts.get("related"), PersonRepository::related), careTeam(parts.get("care_team")));
		}).optional();
	}

	private static <T> @Nullable List<T> rows(JsonNode array, Function<JsonNode, T> mapper) {
		if (array.isNull()) {
			return null;
		}
		List<T> read = new ArrayList<>(array.size());
		for (JsonNode row : array.values()) {
			read.add(mapper.apply(row));
		}
		return read;
	}

	private static @Nullable List<CareTeamMember> careTeam(JsonNode array) {
		return array.isNull() ? null : CareTeams.membersFromJson(array);
	}

	private static PersonIdentifier identifier(JsonNode row) {
		return new PersonIdentifier(text(row, "system"), text(row, "value"));
	}

	/** {@link #mapRelated} for one element of the record read's array. */
	private static RelatedPerson related(JsonNode row) {
		String start = text(row, "period_start");
		String end = text(row, "period_end");
		return new RelatedPerson(UUID.fromString(text(row, "id")),
				new PersonId(UUID.fromString(text(row, "person_id"))), Relationship.valueOf(text(row, "relationship")),
				text(row, "name"), text(row, "phone"), text(row, "email"), row.get("may_contact").booleanValue(),
				start == null ? null : CalendarDates.fromIso(start), end == null ? null : CalendarDates.fromIso(end));
	}

	private static @Nullable String text(JsonNode row, String column) {
		JsonNode value = row.get(column);
		return value == null || value.isNull() ? null : value.stringValue();
	}

	Optional<PersonId> findByNhsNumber(String nhsNumber) {
		return jdbc.sql("select id from person.person where nhs_number = :nhs")
			.param("nhs", nhsNumber)
			.query((rs, n) -> new PersonId(rs.getObject("id", UUID.class)))
			.optional();
	}

	List<PersonIdentifier> identifiers(PersonId id) {
		return jdbc.sql(SQL_IDENTIFIERS.formatted(":id"))
			.param("id", id.id())
			.query((rs, n) -> new PersonIdentifier(rs.getString("system"), rs.getString("value")))
			.list();
	}

	void addIdentifier(PersonId id, PersonIdentifier identifier) {
		jdbc.sql("insert into person.identifier (person_id, system, value) values (:id, :system, :value)")
			.param("id", id.id())
			.param("system", identifier.system())
			.param("value", identifier.value())
			.update();
	}

	List<RelatedPerson> relatedPeople(PersonId id) {
		return jdbc.sql(SQL_RELATED.formatted(":id")).param("id", id.id()).query(PersonRepository::mapRelated).list();
	}

	void addRelatedPerson(RelatedPerson related) {
		jdbc.sql("""
				insert into person.related_person (id, person_id, relationship, name, phone, email, may_contact,
				       period_start, period_end)
				values (:id, :personId, :relationship, :name, :phone, :email, :mayContact, :start, :end)
				""")
			.param("id", related.id())
			.param("personId", related.personId().id())
			.param("relationship", related.relationship().name())
			.param("name", related.name())
			.param("phone", related.phone())
			.param("email", related.email())
			.param("mayContact", related.mayContact())
			.param("start", related.periodStart())
			.param("end", related.periodEnd())
			.update();
	}

	/**
	 * Search returning only identifying fields; {@code access} marks which results the
	 * actor may open. Criteria that do not identify someone find only people the access
	 * condition admits, so a loose search cannot list the population.
	 */
	List<PersonSummary> search(SearchCriteria criteria, SqlCondition access, int limit) {
		Map<String, Object> params = new HashMap<>(criteria.params());
		params.putAll(access.params());
		params.put("limit", limit);
		String where = criteria.identifying() ? criteria.sql() : criteria.sql() + " and " + access.sql();
		return jdbc
			.sql(SQL_SUMMARY_COLUMNS.formatted(access.sql()) + " where " + where
					+ " order by lower(p.family_name), lower(p.given_name), p.date_of_birth, p.id limit :limit")
			.params(params)
			.query(PersonRepository::mapSummary)
			.list();
	}

	/**
	 * A caseload page and the total behind it: the people the access condition admits,
	 * with the viewer's role, the last contact among the entries {@code contact} admits,
	 * and the facts other modules add (each already governed by its owner), filtered and
	 * sorted in the query so totals and pages agree with what is shown. Must run inside a
	 * transaction.
	 */
	Caseload caseload(CaseloadSql sql, CaseloadQuery query, int pageSize) {
		// Both statements carry the access rules and the columns' rules, and the page was
		// planned afresh on every call (100-380 ms at load 25-50 against 30-60 ms to
		// run). The viewer's own people bound the rows whatever the values (ADR 139).
		jdbc.sql(GenericPlans.FOR_THIS_TRANSACTION).update();
		Map<String, Object> params = new HashMap<>(sql.params());
		params.put("limit", pageSize);
		params.put("offset", (query.page() - 1) * pageSize);
		List<CaseloadRow> rows = jdbc
			.sql("select c.* from (" + sql.rows() + ") c where " + sql.filter() + " order by "
					+ sql.order(query.sort(), query.descending()) + ", c.id limit :limit offset :offset")
			.params(params)
			.query(PersonRepository::mapCaseloadRow)
			.list();
		long total = jdbc.sql("select count(*) from (" + sql.rows() + ") c where " + sql.filter())
			.params(sql.params())
			.query(Long.class)
			.single();
		return new Caseload(rows, total, query.page(), pageSize, query);
	}

	private static CaseloadRow mapCaseloadRow(ResultSet rs, int n) throws SQLException {
		java.sql.Timestamp contact = rs.getTimestamp("last_contact");
		LocalDate review = localDate(rs.getDate("next_review"));
		return new CaseloadRow(mapSummary(rs, n), CaseloadQuery.Role.valueOf(rs.getString("role")),
				contact == null ? null : contact.toInstant(), review, rs.getBoolean("review_overdue"),
				CaseloadQuery.AssessmentState.valueOf(rs.getString("assessment_state")),
				CaseloadQuery.PlanState.valueOf(rs.getString("plan_state")));
	}

	long countAll() {
		return jdbc.sql("select count(*) from person.person").query(Long.class).single();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, PersonDetails d) {
		return spec.param("nhsNumber", d.nhsNumber())
			.param("title", d.title())
			.param("givenName", d.givenName())
			.param("familyName", d.familyName())
			.param("preferredName", d.preferredName())
			.param("howAddressed", d.howAddressed())
			.param("dateOfBirth", d.dateOfBirth())
			.param("sex", d.sex().name())
			.param("gender", d.gender())
			.param("addressLine1", d.addressLine1())
			.param("addressLine2", d.addressLine2())
			.param("town", d.town())
			.param("postcode", d.postcode())
			.param("phone", d.phone())
			.param("email", d.email())
			.param("language", d.language())
			.param("interpreterNeeded", d.interpreterNeeded())
			.param("communicationNeeds", d.communicationNeeds())
			.param("gpPracticeName", d.gpPracticeName())
			.param("gpOdsCode", d.gpOdsCode());
	}

	/**
	 * A row of {@link #SQL_COLUMNS}, whose columns lead every statement mapped here: read
	 * by position, in that select's order, and the date of birth as a {@link LocalDate}
	 * without the driver's {@link Date} and its calendar (ADR 105).
	 */
	private static Row mapRow(ResultSet rs, int n) throws SQLException {
		var details = new PersonDetails(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), Sex.valueOf(rs.getString(9)),
				rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
				rs.getString(15), rs.getString(16), rs.getString(17), rs.getBoolean(18), rs.getString(19),
				rs.getString(22), rs.getString(23));
		UUID source = rs.getObject(24, UUID.class);
		return new Row(new PersonId(rs.getObject(1, UUID.class)), details, rs.getBoolean(20), rs.getLong(21),
				source == null ? null : new OrganisationId(source));
	}

	private static PersonSummary mapSummary(ResultSet rs, int n) throws SQLException {
		boolean restricted = rs.getBoolean("restricted");
		return new PersonSummary(new PersonId(rs.getObject("id", UUID.class)), rs.getString("given_name"),
				rs.getString("family_name"), rs.getDate("date_of_birth").toLocalDate(), rs.getString("nhs_number"),
				restricted ? null : rs.getString("outward_code"), rs.getBoolean("in_care_team"),
				rs.getBoolean("linked"));
	}

	private static RelatedPerson mapRelated(ResultSet rs, int n) throws SQLException {
		return new RelatedPerson(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				Relationship.valueOf(rs.getString("relationship")), rs.getString("name"), rs.getString("phone"),
				rs.getString("email"), rs.getBoolean("may_contact"), localDate(rs.getDate("period_start")),
				localDate(rs.getDate("period_end")));
	}

	private static LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

}
