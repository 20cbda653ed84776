package care.seamless.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored audit entry as people read it on the access-history pages. {@code id}
 * identifies it from the moment it is written; {@code seq}, {@code prevHash} and
 * {@code hash} are its place in the chain, null until the chainer has reached it (moments
 * after its transaction commits, ADR 44).
 */
public record AuditEntry(long id, @Nullable Long seq, Instant occurredAt, String account, String role,
		@Nullable String organisationCode, String action, String recordType, @Nullable String recordId,
		@Nullable UUID personId, String purpose, String outcome, @Nullable String reason, boolean override,
		@Nullable String prevHash, @Nullable String hash) {

	/** This entry placed in the chain after the entry whose hash is {@code previous}. */
	AuditEntry chainedAt(long newSeq, String previous) {
		var placed = new AuditEntry(id, newSeq, occurredAt, account, role, organisationCode, action, recordType,
				recordId, personId, purpose, outcome, reason, override, previous, null);
		return new AuditEntry(id, newSeq, occurredAt, account, role, organisationCode, action, recordType, recordId,
				personId, purpose, outcome, reason, override, previous, ChainHash.of(placed));
	}

	/**
	 * The text the hash is computed over: the place in the chain and every field but the
	 * id and the hash itself, in a fixed order (the id is not covered: entries written
	 * before ADR 44 were hashed without one).
	 */
	String canonical() {
		return String.join("\u001f", String.valueOf(seq), InstantText.of(occurredAt), account, role,
				nullable(organisationCode), action, recordType, nullable(recordId), nullable(personId), purpose,
				outcome, nullable(reason), Boolean.toString(override), nullable(prevHash));
	}

	private static String nullable(@Nullable Object value) {
		return value == null ? "\u2400" : value.toString();
	}

}
