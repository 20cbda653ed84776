package care.seamless.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A stored audit entry as people read it on the access-history pages. */
public record AuditEntry(long seq, Instant occurredAt, String account, String role, @Nullable String organisationCode,
		String action, String recordType, @Nullable String recordId, @Nullable UUID personId, String purpose,
		String outcome, @Nullable String reason, boolean override, String prevHash, String hash) {

	AuditEntry withHash(String newHash) {
		return new AuditEntry(seq, occurredAt, account, role, organisationCode, action, recordType, recordId, personId,
				purpose, outcome, reason, override, prevHash, newHash);
	}

	/**
	 * The text the hash is computed over: every field but the hash itself, in a fixed
	 * order.
	 */
	String canonical() {
		return String.join("\u001f", Long.toString(seq), occurredAt.toString(), account, role,
				nullable(organisationCode), action, recordType, nullable(recordId), nullable(personId), purpose,
				outcome, nullable(reason), Boolean.toString(override), prevHash);
	}

	private static String nullable(@Nullable Object value) {
		return value == null ? "\u2400" : value.toString();
	}

}
