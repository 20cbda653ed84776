package care.seamless.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private static final HexFormat HEX = HexFormat.of();

	private static final byte[] SEPARATOR = "\u001f".getBytes(StandardCharsets.UTF_8);

	private static final byte[] ABSENT = "\u2400".getBytes(StandardCharsets.UTF_8);

	// One digest and one buffer for the canonical text per thread, reset by each hash:
	// looking SHA-256 up among the providers and making a new one for every entry (ADR
	// 92), and then the canonical text as a String (two bytes a character, for its
	// mark of an absent value) and again as UTF-8 (ADR 98), were most of what hashing a
	// bulk load's million entries allocated. The bytes hashed are the same.
	private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

	private ChainHash() {
	}

	/**
	 * The SHA-256 of the entry's canonical text ({@link AuditEntry#canonical()}) in
	 * UTF-8.
	 */
	static String of(AuditEntry entry) {
		return HASHER.get().hash(entry);
	}

	private static final class Hasher {

		private final MessageDigest digest;

		private byte[] text = new byte[1024];

		private int length;

		Hasher() {
			try {
				digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
			}
		}

		String hash(AuditEntry entry) {
			length = 0;
			plain(String.valueOf(entry.seq()));
			next(InstantText.of(entry.occurredAt()));
			next(entry.account());
			next(entry.role());
			nextNullable(entry.organisationCode());
			next(entry.action());
			next(entry.recordType());
			nextNullable(entry.recordId());
			nextNullable(entry.personId());
			next(entry.purpose());
			next(entry.outcome());
			nextNullable(entry.reason());
			next(Boolean.toString(entry.override()));
			nextNullable(entry.prevHash());
			digest.update(text, 0, length);
			return HEX.formatHex(digest.digest());
		}

		private void next(@Nullable String value) {
			put(SEPARATOR);
			plain(String.valueOf(value));
		}

		private void nextNullable(@Nullable Object value) {
			put(SEPARATOR);
			if (value == null) {
				put(ABSENT);
			}
			else {
				plain(value.toString());
			}
		}

		// ASCII as it is; anything else as String.getBytes encodes it, which a separator
		// on either side keeps the same as encoding the joined text.
		private void plain(String value) {
			int n = value.length();
			room(n);
			for (int i = 0; i < n; i++) {
				char c = value.charAt(i);
				if (c >= 0x80) {
					put(value.getBytes(StandardCharsets.UTF_8));
					return;
				}
				text[length + i] = (byte) c;
			}
			length += n;
		}

		private void put(byte[] bytes) {
			room(bytes.length);
			System.arraycopy(bytes, 0, text, length, bytes.length);
			length += bytes.length;
		}

		private void room(int more) {
			if (length + more > text.length) {
				text = Arrays.copyOf(text, Math.max(text.length * 2, length + more));
			}
		}

	}

}
