package care.seamless.linkage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import care.seamless.shared.Actor;
import org.jspecify.annotations.Nullable;

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

	private final ImportedFileRepository repository;

	private final Clock clock;

	ImportedFiles(ImportedFileRepository repository, Clock clock) {
		this.repository = repository;
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

	/** The SHA-256 digest of a file's contents, read to the end, in hexadecimal. */
	public static String digest(InputStream contents) throws IOException {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read = contents.read(buffer); read >= 0; read = contents.read(buffer)) {
				sha256.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * The latest import of the same file by the actor's organisation, if any. The import
	 * page does not ask this first (a file's own problems come first there); the command
	 * does, because a file of a million people would be imported for half a minute only
	 * to be taken back.
	 */
	public Optional<Earlier> latest(Actor actor, String digest) {
		if (actor.organisationId() == null) {
			return Optional.empty();
		}
		return repository.latest(actor.organisationId(), digest);
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
		// Two uploads of one file at once would each find no earlier import (neither has
		// committed) and both register everyone; one lock per organisation and file makes
		// the second wait for the first to commit and then see it.
		repository.lock(actor.organisationId(), digest);
		Optional<Earlier> earlier = latest(actor, digest);
		if (earlier.isPresent() && !digest.equals(confirmed)) {
			throw new ImportedBefore(earlier.get());
		}
		repository.record(actor.organisationId(), digest, clock.instant(), actor.username(), report.people().size());
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
