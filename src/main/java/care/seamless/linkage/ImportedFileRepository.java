package care.seamless.linkage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.OrganisationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files each organisation has imported, by digest (V466). */
@Repository
class ImportedFileRepository {

	private final JdbcClient jdbc;

	ImportedFileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ImportedFiles.Earlier> latest(OrganisationId organisation, String digest) {
		return jdbc.sql("""
				select imported_at, imported_by, people from linkage.imported_file
				where organisation_id = :organisation and digest = :digest
				order by imported_at desc limit 1
				""")
			.param("organisation", organisation.id())
			.param("digest", HexFormat.of().parseHex(digest))
			.query((rs, row) -> new ImportedFiles.Earlier(rs.getTimestamp(1).toInstant(), rs.getString(2),
					rs.getInt(3)))
			.optional();
	}

	/**
	 * Holds the organisation's lock on the file until the transaction ends. Read
	 * Committed reads with a fresh snapshot per statement, so a check after the lock sees
	 * an import of the same file that committed while this one waited.
	 */
	void lock(OrganisationId organisation, String digest) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "linkage.imported_file:" + organisation.id() + ":" + digest)
			.query()
			.listOfRows();
	}

	void record(OrganisationId organisation, String digest, Instant at, String by, int people) {
		jdbc.sql("""
				insert into linkage.imported_file (id, organisation_id, digest, imported_at, imported_by, people)
				values (:id, :organisation, :digest, :at, :by, :people)
				""")
			.param("id", UUID.randomUUID())
			.param("organisation", organisation.id())
			.param("digest", HexFormat.of().parseHex(digest))
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("people", people)
			.update();
	}

}
