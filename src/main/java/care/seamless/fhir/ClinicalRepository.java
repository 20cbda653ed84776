package care.seamless.fhir;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClinicalRepository {

	// A request's rows in one statement (one plan, one round trip), in the order given;
	// "returning" names those written, so one kept meanwhile by someone else is told
	// apart. A unit separator cannot occur in a code we keep (control characters are
	// refused), so it joins a row's codes.
	private static final String SQL_INSERT_ALL = """
			insert into fhir.clinical_resource (id, resource_type, person_id, category, source_organisation_id,
				source_system, source_id, source_file, imported_by, imported_at, codes, categories, resource)
			select r.id, r.type, r.person, r.category, :source, r.system, r.source_id, :file, :by, :at,
				string_to_array(r.codes, chr(31)), string_to_array(r.categories, chr(31)), cast(r.resource as jsonb)
			from unnest(cast(array[:id] as uuid[]), cast(array[:type] as text[]), cast(array[:person] as uuid[]),
			            cast(array[:category] as text[]), cast(array[:system] as text[]),
			            cast(array[:sourceId] as text[]), cast(array[:codes] as text[]),
			            cast(array[:categories] as text[]), cast(array[:resource] as text[]))
			  with ordinality as r(id, type, person, category, system, source_id, codes, categories, resource, n)
			order by r.n
			on conflict (source_system, resource_type, source_id) do nothing
			returning id
			""";

	// By the whole unique key, one index probe per key (the lateral "limit 1" keeps the
	// planner from a hash join over every row kept): with the source id alone the index
	// gave every row the system ever sent, so an import slowed with each file it wrote.
	private static final String SQL_KNOWN = """
			select k.resource_type, k.source_id, c.id
			from unnest(cast(array[:types] as text[]), cast(array[:ids] as text[])) as k(resource_type, source_id)
			cross join lateral (
				select id from fhir.clinical_resource
				where source_system = :system and resource_type = k.resource_type and source_id = k.source_id
				limit 1) c
			""";

	private static final String SQL_FIND = """
			select id, resource_type, person_id, category, source_organisation_id from fhir.clinical_resource
			where id = :id and resource_type = :type
			""";

	private static final String SQL_PEOPLE_EXISTING = "select ids.id from unnest(cast(array[:ids] as uuid[])) as ids(id) where "
			+ care.seamless.person.People.existsSql("ids.id");

	private static final String SQL_PATIENT_FROM = """
			select person_id from fhir.imported_resource
			where source_system = :system and resource_type = 'Patient' and source_id = :id
			""";

	/** Rows written by one statement of {@link #insertAll}. */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	ClinicalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One row to keep; {@code codes} and {@code categories} are search tokens. Rows
	 * written together share the source organisation, file, account and time.
	 */
	record NewRow(UUID id, String type, UUID person, String category, @Nullable UUID source, String system,
			String sourceId, @Nullable String file, String by, Instant at, List<String> codes, List<String> categories,
			String json) {
	}

	/**
	 * Writes the rows, {@value #BATCH} to a statement; for each, whether it was written
	 * (false: the same resource was kept meanwhile by someone else).
	 */
	boolean[] insertAll(List<NewRow> rows) {
		boolean[] written = new boolean[rows.size()];
		for (int from = 0; from < rows.size(); from += BATCH) {
			List<NewRow> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
			NewRow first = chunk.get(0);
			Set<UUID> inserted = new HashSet<>(jdbc.sql(SQL_INSERT_ALL)
				.param("source", first.source())
				.param("file", first.file())
				.param("by", first.by())
				.param("at", Timestamp.from(first.at()))
				.param("id", chunk.stream().map(NewRow::id).toList())
				.param("type", chunk.stream().map(NewRow::type).toList())
				.param("person", chunk.stream().map(NewRow::person).toList())
				.param("category", chunk.stream().map(NewRow::category).toList())
				.param("system", chunk.stream().map(NewRow::system).toList())
				.param("sourceId", chunk.stream().map(NewRow::sourceId).toList())
				.param("codes", chunk.stream().map(row -> String.join("\u001f", row.codes())).toList())
				.param("categories", chunk.stream().map(row -> String.join("\u001f", row.categories())).toList())
				.param("resource", chunk.stream().map(NewRow::json).toList())
				.query(UUID.class)
				.list());
			for (int i = 0; i < chunk.size(); i++) {
				written[from + i] = inserted.contains(chunk.get(i).id());
			}
		}
		return written;
	}

	/** Those of {@code ids} that are people of ours. */
	Set<UUID> existingPeople(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql(SQL_PEOPLE_EXISTING).param("ids", List.copyOf(ids)).query(UUID.class).list());
	}

	/**
	 * Our ids of resources already kept from {@code system}, by "Type/id there";
	 * {@code types} and {@code sourceIds} are the keys asked about, pair by pair.
	 */
	Map<String, UUID> known(String system, List<String> types, List<String> sourceIds) {
		Map<String, UUID> known = new HashMap<>();
		for (int from = 0; from < sourceIds.size(); from += 1000) {
			int to = Math.min(sourceIds.size(), from + 1000);
			jdbc.sql(SQL_KNOWN)
				.param("system", system)
				.param("types", types.subList(from, to))
				.param("ids", sourceIds.subList(from, to))
				.query((rs, n) -> known.put(rs.getString(1) + "/" + rs.getString(2), rs.getObject(3, UUID.class)))
				.list();
		}
		return known;
	}

	Optional<UUID> patientFrom(String system, String sourceId) {
		return jdbc.sql(SQL_PATIENT_FROM).param("system", system).param("id", sourceId).query(UUID.class).optional();
	}

	/** What the access decision about one resource needs. */
	record Held(UUID id, String type, UUID person, String category, @Nullable UUID source) {
	}

	Optional<Held> find(String type, UUID id) {
		return jdbc.sql(SQL_FIND)
			.param("id", id)
			.param("type", type)
			.query((rs, n) -> new Held(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getObject(5, UUID.class)))
			.optional();
	}

	/** A search's criteria; null means "any". */
	record Criteria(@Nullable String type, @Nullable UUID id, @Nullable UUID person, @Nullable Instant from,
			@Nullable Instant before, @Nullable String code, @Nullable String category) {
	}

	/** A resource the caller may see, as kept. */
	record Visible(UUID id, String type, UUID person, String json) {
	}

	long count(Criteria criteria, SqlCondition visible) {
		Query query = where(criteria, visible);
		return jdbc.sql("select count(*) from fhir.clinical_resource c where " + query.sql())
			.params(query.params())
			.query(Long.class)
			.single();
	}

	List<Visible> page(Criteria criteria, SqlCondition visible, int count, int offset) {
		Query query = where(criteria, visible);
		return jdbc
			.sql("select c.id, c.resource_type, c.person_id, c.resource::text from fhir.clinical_resource c where "
					+ query.sql() + " order by c.imported_at, c.id limit :c_limit offset :c_offset")
			.params(query.params())
			.param("c_limit", count)
			.param("c_offset", offset)
			.query((rs, n) -> new Visible(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4)))
			.list();
	}

	/** Where a resource the caller may see came from. */
	record Origin(UUID id, String type, UUID person, String system, String sourceId, @Nullable String file,
			String importedBy, Instant importedAt) {
	}

	List<Origin> origins(Criteria criteria, SqlCondition visible, int limit, int offset) {
		Query query = where(criteria, visible);
		return jdbc
			.sql("""
					select c.id, c.resource_type, c.person_id, c.source_system, c.source_id, c.source_file,
						c.imported_by, c.imported_at from fhir.clinical_resource c where\s""" + query.sql()
					+ " order by c.imported_at, c.id limit :c_limit offset :c_offset")
			.params(query.params())
			.param("c_limit", limit)
			.param("c_offset", offset)
			.query((rs, n) -> new Origin(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	private record Query(String sql, Map<String, Object> params) {
	}

	private static Query where(Criteria criteria, SqlCondition visible) {
		List<String> clauses = new ArrayList<>();
		Map<String, Object> params = new HashMap<>(visible.params());
		clauses.add("(" + visible.sql() + ")");
		if (criteria.type() != null) {
			clauses.add("c.resource_type = :c_type");
			params.put("c_type", criteria.type());
		}
		if (criteria.id() != null) {
			clauses.add("c.id = :c_id");
			params.put("c_id", criteria.id());
		}
		if (criteria.person() != null) {
			clauses.add("c.person_id = :c_person");
			params.put("c_person", criteria.person());
		}
		if (criteria.from() != null) {
			clauses.add("c.imported_at >= :c_from");
			params.put("c_from", Timestamp.from(criteria.from()));
		}
		if (criteria.before() != null) {
			clauses.add("c.imported_at < :c_before");
			params.put("c_before", Timestamp.from(criteria.before()));
		}
		if (criteria.code() != null) {
			clauses.add("c.codes @> array[cast(:c_code as text)]");
			params.put("c_code", criteria.code());
		}
		if (criteria.category() != null) {
			clauses.add("c.categories @> array[cast(:c_category as text)]");
			params.put("c_category", criteria.category());
		}
		return new Query(String.join(" and ", clauses), params);
	}

}
