package care.seamless.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecordListingRepository {

	private static final String SQL_SELECT = """
			select p.id, p.nhs_number, p.title, p.given_name, p.family_name, p.preferred_name, p.how_addressed,
			       p.date_of_birth, p.sex, p.gender, p.address_line_1, p.address_line_2, p.town, p.postcode, p.phone,
			       p.email, p.language, p.interpreter_needed, p.communication_needs, p.gp_practice_name, p.gp_ods_code,
			       p.restricted, p.version, p.updated_at, (DETAILS) as details_visible
			from person.person p
			where WHERE
			order by p.id
			limit :limit offset :offset
			""";

	private static final String SQL_COUNT = """
			select count(*) from person.person p where WHERE
			""";

	private static final String SQL_IDENTIFIERS = """
			select i.person_id, i.system, i.value from person.identifier i where i.person_id in (:ids)
			order by i.system, i.value
			""";

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
		String where = criteria.sql() + " and " + visible.sql();
		List<Row> rows = jdbc.sql(SQL_SELECT.replace("DETAILS", details.sql()).replace("WHERE", where))
			.params(params)
			.param("limit", query.limit())
			.param("offset", query.offset())
			.query(RecordListingRepository::map)
			.list();
		int total = query.limit() == 0 || rows.size() == query.limit() || query.offset() > 0
				? jdbc.sql(SQL_COUNT.replace("WHERE", where)).params(params).query(Integer.class).single()
				: rows.size();
		Map<UUID, List<PersonIdentifier>> identifiers = identifiers(
				rows.stream().filter(Row::detailsVisible).map(r -> r.id().id()).toList());
		List<ListedRecord> records = rows.stream()
			.map(r -> new ListedRecord(r.id(), r.detailsVisible() ? r.details() : identifyingOnly(r.details()),
					!r.detailsVisible(), identifiers.getOrDefault(r.id().id(), List.of()), r.restricted(), r.version(),
					r.updatedAt()))
			.toList();
		return new RecordListing(records, total);
	}

	private Map<UUID, List<PersonIdentifier>> identifiers(List<UUID> ids) {
		Map<UUID, List<PersonIdentifier>> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql(SQL_IDENTIFIERS).param("ids", ids).query((rs, n) -> {
			found.computeIfAbsent(rs.getObject("person_id", UUID.class), k -> new ArrayList<>())
				.add(new PersonIdentifier(rs.getString("system"), rs.getString("value")));
			return null;
		}).list();
		return found;
	}

	private record Criteria(String sql, Map<String, Object> params) {
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
		add(sql, params, "p.date_of_birth >= :bornFrom", "bornFrom", q.bornFrom());
		add(sql, params, "p.date_of_birth < :bornBefore", "bornBefore", q.bornBefore());
		add(sql, params, "p.sex = :sex", "sex", q.sex() == null ? null : q.sex().name());
		add(sql, params, "p.updated_at >= :updatedFrom", "updatedFrom",
				q.updatedFrom() == null ? null : java.sql.Timestamp.from(q.updatedFrom()));
		add(sql, params, "p.updated_at < :updatedBefore", "updatedBefore",
				q.updatedBefore() == null ? null : java.sql.Timestamp.from(q.updatedBefore()));
		return new Criteria(String.join(" and ", sql), params);
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
			java.time.Instant updatedAt, boolean detailsVisible) {
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
				rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("details_visible"));
	}

	private static PersonDetails identifyingOnly(PersonDetails d) {
		return new PersonDetails(d.nhsNumber(), null, d.givenName(), d.familyName(), null, null, d.dateOfBirth(),
				d.sex(), null, null, null, null, null, null, null, null, false, null);
	}

}
