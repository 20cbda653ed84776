package care.seamless.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private static final HexFormat HEX = HexFormat.of();

	// One digest per thread, reset by each digest(): looking SHA-256 up among the
	// providers and making a new one for every entry was most of what hashing a bulk
	// load's million entries allocated (ADR 92). The hash is the same.
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	});

	private ChainHash() {
	}

	static String of(AuditEntry entry) {
		return HEX.formatHex(SHA_256.get().digest(entry.canonical().getBytes(StandardCharsets.UTF_8)));
	}

}
