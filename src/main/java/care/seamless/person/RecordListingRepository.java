package care.seamless.person;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import care.seamless.consent.SqlCondition;
import care.seamless.consent.SqlQuery;
import care.seamless.shared.GenericPlans;
import care.seamless.shared.KeptStatements;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecordListingRepository {

	// The identifiers come in the same query (one round trip per page, not two), and only
	// where the details rule lets the viewer see them.
	private static final String COLUMNS = """
			p.id, p.nhs_number, p.title, p.given_name, p.family_name, p.preferred_name, p.how_addressed,
			p.date_of_birth, p.sex, p.gender, p.address_line_1, p.address_line_2, p.town, p.postcode, p.phone,
			p.email, p.language, p.interpreter_needed, p.communication_needs, p.gp_practice_name, p.gp_ods_code,
			p.restricted, p.version, p.updated_at, v.details_visible,
			case when v.details_visible then array(select i.system from person.identifier i where i.person_id = p.id
			  order by i.system, i.value) end as identifier_systems,
			case when v.details_visible then array(select i.value from person.identifier i where i.person_id = p.id
			  order by i.system, i.value) end as identifier_values
			""";

	// Each rule sits in a lateral subquery with "offset 0", which keeps PostgreSQL from
	// pulling it up into the outer query, where every use of its column (three of the
	// details rule's, two of the decision's) evaluated the whole rule again (ADR 115, as
	// ADR 110 found for the record view).
	private static final String SQL_SELECT = """
			select COLUMNS
			from person.person p
			cross join lateral (select (DETAILS) as details_visible offset 0) v
			where WHERE
			order by p.id
			limit :limit offset :offset
			""".replace("COLUMNS", COLUMNS);

	/**
	 * One record by id with the record decision and the details rule taken in the same
	 * query ({@code RULES}, {@code AccessPolicy.recordWithDetails}): the person's row is
	 * read once, and its contents are returned only when the decision lets the viewer
	 * open it.
	 */
	private static final String SQL_OPEN = """
			select v.record_decision, r.*
			from person.person p
			cross join lateral RULES v
			left join lateral (
			  select COLUMNS
			  where v.record_decision is not null
			  offset 0
			) r on true
			where p.id = :id
			""".replace("COLUMNS", COLUMNS);

	private static final String SQL_COUNT = """
			select count(*) from person.person p where WHERE
			""";

	/**
	 * Each statement kept by the rule texts and criteria it was made of (ADR 87, through
	 * ADR 78's {@link KeptStatements}). The rule texts come from {@code AccessPolicy},
	 * built once per column, and the criteria are which search parameters were given,
	 * never their values: building and hashing several kilobytes of SQL afresh was about
	 * a tenth of a FHIR read's request-thread CPU.
	 */
	private final KeptStatements statements = new KeptStatements();

	private final JdbcClient jdbc;

	RecordListingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The page and the count, both under {@code visible}; details under {@code details}.
	 */
	RecordListing list(RecordQuery query, SqlCondition visible, SqlCondition details) {
		Criteria criteria = criteria(query);
		Map<String, Object> params = new HashMap<>(criteria.params());
		params.putAll(visible.params());
		params.putAll(details.params());
		Supplier<String> where = () -> criteria.sql() + " and " + visible.sql();
		if (criteria.pinned()) {
			// The access rules make this statement costly to plan (20-70 ms on a busy
			// 2-core machine against well under 1 ms to run). Where an equality on an
			// indexed column bounds the rows, the plan kept for any values is as good.
			jdbc.sql(GenericPlans.FOR_THIS_TRANSACTION).update();
		}
		params.put("limit", query.limit());
		params.put("offset", query.offset());
		KeptStatements.Bound select = statements.bind(List.of("select", details.sql(), criteria.sql(), visible.sql()),
				params, () -> SQL_SELECT.replace("DETAILS", details.sql()).replace("WHERE", where.get()));
		List<Row> rows = select.params(jdbc.sql(select.sql())).query(RecordListingRepository::map).list();
		int total = rows.size();
		if (query.limit() == 0 || rows.size() == query.limit() || query.offset() > 0) {
			KeptStatements.Bound count = statements.bind(List.of("count", criteria.sql(), visible.sql()), params,
					() -> SQL_COUNT.replace("WHERE", where.get()));
			total = count.params(jdbc.sql(count.sql())).query(Integer.class).single();
		}
		return new RecordListing(rows.stream().map(RecordListingRepository::listed).toList(), total);
	}

	/** A record opened by id, or nothing when there is no such record. */
	record Opened(@Nullable String decision, @Nullable ListedRecord record) {
	}

	/**
	 * The record's decision and details rule under {@code rules}
	 * ({@code AccessPolicy.recordWithDetails} over {@code p.id}) and, when it may be
	 * opened, the record.
	 */
	Optional<Opened> open(PersonId id, SqlQuery rules) {
		Map<String, Object> params = new HashMap<>(rules.params());
		params.put("id", id.id());
		KeptStatements.Bound open = statements.bind(List.of("open", rules.sql()), params,
				() -> SQL_OPEN.replace("RULES", rules.sql()));
		return open.params(jdbc.sql(open.sql()))
			.query((rs, n) -> new Opened(rs.getString("record_decision"),
					rs.getObject("id", UUID.class) == null ? null : listed(map(rs, n))))
			.optional();
	}

	private static ListedRecord listed(Row r) {
		return new ListedRecord(r.id(), r.detailsVisible() ? r.details() : identifyingOnly(r.details()),
				!r.detailsVisible(), r.identifiers(), r.restricted(), r.version(), r.updatedAt());
	}

	/**
	 * @param pinned whether an equality on an indexed column (the id, the NHS number, one
	 * day of birth) bounds the rows whatever the other criteria
	 */
	private record Criteria(String sql, Map<String, Object> params, boolean pinned) {
	}

	private static Criteria criteria(RecordQuery q) {
		List<String> sql = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		sql.add("true");
		add(sql, params, "p.id = :id", "id", q.id() == null ? null : q.id().id());
		add(sql, params, "p.nhs_number = :nhs", "nhs", q.nhsNumber());
		if (q.identifierSystem() != null || q.identifierValue() != null) {
			sql.add("exists (select 1 from person.identifier pi where pi.person_id = p.id"
					+ (q.identifierSystem() == null ? "" : " and pi.system = :idSystem")
					+ (q.identifierValue() == null ? "" : " and pi.value = :idValue") + ")");
			params.put("idSystem", q.identifierSystem());
			params.put("idValue", q.identifierValue());
		}
		add(sql, params,
				"(lower(p.family_name) like :name or lower(p.given_name) like :name or lower(coalesce(p.preferred_name, '')) like :name)",
				"name", prefix(q.name()));
		add(sql, params, "lower(p.family_name) like :family", "family", prefix(q.family()));
		add(sql, params, "lower(p.given_name) like :given", "given", prefix(q.given()));
		boolean oneDay = q.bornFrom() != null && q.bornFrom().plusDays(1).equals(q.bornBefore());
		if (oneDay) {
			// The same rows as the two bounds, but an equality the index answers for any
			// value (birthdate=1947-03-27, the usual search).
			add(sql, params, "p.date_of_birth = :born", "born", q.bornFrom());
		}
		else {
			add(sql, params, "p.date_of_birth >= :bornFrom", "bornFrom", q.bornFrom());
			add(sql, params, "p.date_of_birth < :bornBefore", "bornBefore", q.bornBefore());
		}
		add(sql, params, "p.sex = :sex", "sex", q.sex() == null ? null : q.sex().name());
		add(sql, params, "p.updated_at >= :updatedFrom", "updatedFrom",
				q.updatedFrom() == null ? null : java.sql.Timestamp.from(q.updatedFrom()));
		add(sql, params, "p.updated_at < :updatedBefore", "updatedBefore",
				q.updatedBefore() == null ? null : java.sql.Timestamp.from(q.updatedBefore()));
		boolean pinned = q.id() != null || q.nhsNumber() != null || oneDay;
		return new Criteria(String.join(" and ", sql), params, pinned);
	}

	private static void add(List<String> sql, Map<String, Object> params, String condition, String name, Object value) {
		if (value != null) {
			sql.add(condition);
			params.put(name, value);
		}
	}

	private static String prefix(String text) {
		return text == null ? null
				: text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
						+ "%";
	}

	private record Row(PersonId id, PersonDetails details, boolean restricted, long version,
			java.time.Instant updatedAt, boolean detailsVisible, List<PersonIdentifier> identifiers) {
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		PersonDetails details = new PersonDetails(rs.getString("nhs_number"), rs.getString("title"),
				rs.getString("given_name"), rs.getString("family_name"), rs.getString("preferred_name"),
				rs.getString("how_addressed"), rs.getObject("date_of_birth", java.time.LocalDate.class),
				Sex.valueOf(rs.getString("sex")), rs.getString("gender"), rs.getString("address_line_1"),
				rs.getString("address_line_2"), rs.getString("town"), rs.getString("postcode"), rs.getString("phone"),
				rs.getString("email"), rs.getString("language"), rs.getBoolean("interpreter_needed"),
				rs.getString("communication_needs"), rs.getString("gp_practice_name"), rs.getString("gp_ods_code"));
		return new Row(new PersonId(rs.getObject("id", UUID.class)), details, rs.getBoolean("restricted"),
				rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("details_visible"),
				identifiers(rs));
	}

	private static List<PersonIdentifier> identifiers(ResultSet rs) throws SQLException {
		Array systems = rs.getArray("identifier_systems");
		Array values = rs.getArray("identifier_values");
		if (systems == null || values == null) {
			return List.of();
		}
		String[] system = (String[]) systems.getArray();
		String[] value = (String[]) values.getArray();
		List<PersonIdentifier> identifiers = new ArrayList<>(system.length);
		for (int i = 0; i < system.length; i++) {
			identifiers.add(new PersonIdentifier(system[i], value[i]));
		}
		return List.copyOf(identifiers);
	}

	private static PersonDetails identifyingOnly(PersonDetails d) {
		return new PersonDetails(d.nhsNumber(), null, d.givenName(), d.familyName(), null, null, d.dateOfBirth(),
				d.sex(), null, null, null, null, null, null, null, null, false, null);
	}

}
