package care.seamless.audit;

import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * One thing to record. {@code reason} explains a decision (why access was denied, or the
 * override's stated reason); it must never contain personal data, because the log is read
 * more widely than the record.
 */
public record AuditEvent(Actor actor, String action, String recordType, @Nullable String recordId,
		@Nullable PersonId person, Outcome outcome, @Nullable String reason, boolean override) {

	public enum Outcome {

		PERMITTED, DENIED

	}

	public static AuditEvent permitted(Actor actor, String action, String recordType, @Nullable Object recordId,
			@Nullable PersonId person) {
		return new AuditEvent(actor, action, recordType, recordId == null ? null : recordId.toString(), person,
				Outcome.PERMITTED, null, false);
	}

	public static AuditEvent denied(Actor actor, String action, String recordType, @Nullable Object recordId,
			@Nullable PersonId person, String reason) {
		return new AuditEvent(actor, action, recordType, recordId == null ? null : recordId.toString(), person,
				Outcome.DENIED, reason, false);
	}

	public AuditEvent withReason(String newReason) {
		return new AuditEvent(actor, action, recordType, recordId, person, outcome, newReason, override);
	}

	public AuditEvent asOverride() {
		return new AuditEvent(actor, action, recordType, recordId, person, outcome, reason, true);
	}

}
