package care.seamless.door;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.PersonId;

/**
 * A person's question about one access to their record ({@code auditSeq}), waiting in the
 * Caldicott guardian's queue.
 */
public record AccessQuestion(UUID id, PersonId person, String personName, long auditSeq, String words,
		Instant askedAt) {
}
