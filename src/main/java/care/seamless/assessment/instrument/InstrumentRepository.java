package care.seamless.assessment.instrument;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InstrumentRepository {

	private static final String SQL_LOCK = """
			lock table assessment.instrument_definition in share row exclusive mode
			""";

	private static final String SQL_LAST_SEQ = """
			select coalesce(max(seq), 0) from assessment.instrument_definition
			""";

	private static final String SQL_SINCE = """
			select seq, instrument_id, version, definition, source_file, imported_by, imported_at
			from assessment.instrument_definition where seq > :since order by seq
			""";

	private static final String SQL_INSERT = """
			insert into assessment.instrument_definition
			       (instrument_id, version, title, definition, source_file, imported_by, imported_at)
			values (:id, :version, :title, :definition, :sourceFile, :importedBy, :importedAt)
			returning seq
			""";

	private static final String SQL_PROVENANCE = """
			select seq, instrument_id, version, definition, source_file, imported_by, imported_at
			from assessment.instrument_definition where instrument_id = :id and version = :version
			""";

	private final JdbcClient jdbc;

	InstrumentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Puts imports from every node one after another until the caller's transaction ends;
	 * plain reads are not blocked.
	 */
	void lockForImport() {
		this.jdbc.sql(SQL_LOCK).update();
	}

	long lastSeq() {
		return this.jdbc.sql(SQL_LAST_SEQ).query(Long.class).single();
	}

	List<StoredDefinition> since(long seq) {
		return this.jdbc.sql(SQL_SINCE).param("since", seq).query(InstrumentRepository::stored).list();
	}

	Optional<StoredDefinition> find(String id, int version) {
		return this.jdbc.sql(SQL_PROVENANCE)
			.param("id", id)
			.param("version", version)
			.query(InstrumentRepository::stored)
			.optional();
	}

	long insert(Instrument instrument, String definition, String sourceFile, String importedBy, Instant importedAt) {
		return this.jdbc.sql(SQL_INSERT)
			.param("id", instrument.id())
			.param("version", instrument.version())
			.param("title", instrument.title())
			.param("definition", definition)
			.param("sourceFile", sourceFile)
			.param("importedBy", importedBy)
			.param("importedAt", Timestamp.from(importedAt))
			.query(Long.class)
			.single();
	}

	private static StoredDefinition stored(ResultSet rs, int n) throws SQLException {
		return new StoredDefinition(rs.getLong("seq"), rs.getString("instrument_id"), rs.getInt("version"),
				rs.getString("definition"), new ImportedInstrument(rs.getString("imported_by"),
						rs.getTimestamp("imported_at").toInstant(), rs.getString("source_file")));
	}

	record StoredDefinition(long seq, String instrumentId, int version, String definition,
			ImportedInstrument provenance) {
	}

}
