package care.seamless.linkage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import care.seamless.shared.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CSV files each organisation has imported, known by their contents' digest. Rows
 * without an NHS number cannot be recognised as people the same file registered before,
 * so importing a file twice registers everyone in it twice and sends them all to the
 * review queue; the import page asks before it does that (docs/linkage.md, section 9).
 */
@Service
public class ImportedFiles {

	private final JdbcClient jdbc;

	private final Clock clock;

	ImportedFiles(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** When, by whom and with how many people a file was imported before. */
	public record Earlier(Instant importedAt, String importedBy, int people) {
	}

	/** The SHA-256 digest of a file's bytes, in hexadecimal. */
	public static String digest(byte[] contents) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contents));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** The latest import of the same file by the actor's organisation, if any. */
	public Optional<Earlier> latest(Actor actor, String digest) {
		if (actor.organisationId() == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select imported_at, imported_by, people from linkage.imported_file
				where organisation_id = :organisation and digest = :digest
				order by imported_at desc limit 1
				""")
			.param("organisation", actor.organisationId().id())
			.param("digest", HexFormat.of().parseHex(digest))
			.query((rs, row) -> new Earlier(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3)))
			.optional();
	}

	/**
	 * Runs the import and records the file in the same transaction, so a file is recorded
	 * exactly when its people are registered. A file the organisation imported before is
	 * imported again only when {@code confirmed} names its digest; otherwise the import
	 * is taken back whole. It is checked after the import, not before, so that a file
	 * with problems is told its problems first, and one the importer may not import is
	 * refused and audited as before.
	 * @throws ImportedBefore with nothing saved
	 */
	@Transactional(noRollbackFor = NotAuthorisedToImport.class)
	public ImportReport importing(Actor actor, String digest, @Nullable String confirmed,
			Supplier<ImportReport> importing) {
		ImportReport report = importing.get();
		if (actor.organisationId() == null) {
			return report;
		}
		Optional<Earlier> earlier = latest(actor, digest);
		if (earlier.isPresent() && !digest.equals(confirmed)) {
			throw new ImportedBefore(earlier.get());
		}
		jdbc.sql("""
				insert into linkage.imported_file (id, organisation_id, digest, imported_at, imported_by, people)
				values (:id, :organisation, :digest, :at, :by, :people)
				""")
			.param("id", UUID.randomUUID())
			.param("organisation", actor.organisationId().id())
			.param("digest", HexFormat.of().parseHex(digest))
			.param("at", Timestamp.from(clock.instant()))
			.param("by", actor.username())
			.param("people", report.people().size())
			.update();
		return report;
	}

	/**
	 * The same file was imported before and the importer has not said to import it again.
	 */
	public static final class ImportedBefore extends RuntimeException {

		private final transient Earlier earlier;

		ImportedBefore(Earlier earlier) {
			super("The same file was imported before", null, false, false);
			this.earlier = earlier;
		}

		public Earlier earlier() {
			return earlier;
		}

	}

}
