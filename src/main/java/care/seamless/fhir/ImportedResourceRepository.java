package care.seamless.fhir;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportedResourceRepository {

	private static final String SQL_FIND = """
			select person_id from fhir.imported_resource
			where source_system = :system and resource_type = :type and source_id = :id
			""";

	private static final String SQL_INSERT = """
			insert into fhir.imported_resource (source_system, resource_type, source_id, person_id, imported_by, imported_at, source_file)
			values (:system, :type, :id, :person, :by, :at, :file)
			""";

	private final JdbcClient jdbc;

	ImportedResourceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PersonId> find(SourceKey key) {
		return jdbc.sql(SQL_FIND)
			.param("system", key.system())
			.param("type", key.type())
			.param("id", key.id())
			.query(UUID.class)
			.optional()
			.map(PersonId::new);
	}

	void insert(SourceKey key, PersonId person, String by, Instant at, @org.jspecify.annotations.Nullable String file) {
		jdbc.sql(SQL_INSERT)
			.param("system", key.system())
			.param("type", key.type())
			.param("id", key.id())
			.param("person", person.id())
			.param("by", by)
			.param("at", java.sql.Timestamp.from(at))
			.param("file", file)
			.update();
	}

	/** Where a resource came from: the sending system and its id there. */
	record SourceKey(String system, String type, String id) {
	}

}
