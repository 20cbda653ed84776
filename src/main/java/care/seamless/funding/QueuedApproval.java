package care.seamless.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.PersonId;

/**
 * One budget waiting for approval, as the approvals queue shows it: how long it has
 * waited, and whether only the funding panel may decide it.
 */
public record QueuedApproval(UUID id, PersonId personId, String personName, String teamName, BigDecimal weeklyTotal,
		boolean needsPanel, String requestedBy, Instant requestedAt, long ageDays, boolean mayDecide, long version) {
}
