package care.seamless.fhir;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportedResourceRepository {

	// The keys as three parallel arrays: one statement for a whole bundle (a Patient
	// create or a transaction of many). Each is one array parameter, so the text is the
	// same whatever the bundle's size (ADR 129).
	private static final String SQL_FIND_ALL = """
			select r.source_system, r.resource_type, r.source_id, r.person_id
			from unnest(cast(:systems as text[]), cast(:types as text[]), cast(:ids as text[])) as k(system, type, id)
			join fhir.imported_resource r
			  on r.source_system = k.system and r.resource_type = k.type and r.source_id = k.id
			""";

	private static final String SQL_INSERT_ALL = """
			insert into fhir.imported_resource (source_system, resource_type, source_id, person_id, imported_by, imported_at, source_file)
			select k.system, k.type, k.id, k.person, :by, :at, :file
			from unnest(cast(:systems as text[]), cast(:types as text[]), cast(:ids as text[]), cast(:people as uuid[]))
				as k(system, type, id, person)
			""";

	private final JdbcClient jdbc;

	ImportedResourceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Our person for each of {@code keys} imported before; the others are absent. */
	Map<SourceKey, PersonId> findAll(Collection<SourceKey> keys) {
		Map<SourceKey, PersonId> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		jdbc.sql(SQL_FIND_ALL)
			.param("systems", keys.stream().map(SourceKey::system).toArray(String[]::new))
			.param("types", keys.stream().map(SourceKey::type).toArray(String[]::new))
			.param("ids", keys.stream().map(SourceKey::id).toArray(String[]::new))
			.query((rs, n) -> found.put(new SourceKey(rs.getString(1), rs.getString(2), rs.getString(3)),
					new PersonId(rs.getObject(4, UUID.class))))
			.list();
		return found;
	}

	/** Remembers where each person came from, in one statement. */
	void insertAll(Map<SourceKey, PersonId> people, String by, Instant at, @Nullable String file) {
		if (people.isEmpty()) {
			return;
		}
		List<Map.Entry<SourceKey, PersonId>> rows = List.copyOf(people.entrySet());
		jdbc.sql(SQL_INSERT_ALL)
			.param("systems", rows.stream().map(e -> e.getKey().system()).toArray(String[]::new))
			.param("types", rows.stream().map(e -> e.getKey().type()).toArray(String[]::new))
			.param("ids", rows.stream().map(e -> e.getKey().id()).toArray(String[]::new))
			.param("people", rows.stream().map(e -> e.getValue().id().toString()).toArray(String[]::new))
			.param("by", by)
			.param("at", java.sql.Timestamp.from(at))
			.param("file", file)
			.update();
	}

	/** Where a resource came from: the sending system and its id there. */
	record SourceKey(String system, String type, String id) {
	}

}
