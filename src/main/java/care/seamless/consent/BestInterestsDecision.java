package care.seamless.consent;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * A best-interests decision (MCA s4) about sharing, standing in for the consent of a
 * person who lacks capacity.
 */
public record BestInterestsDecision(UUID id, PersonId personId, UUID capacityAssessmentId, String decision,
		String peopleConsulted, @Nullable String attorneyOrDeputy, @Nullable String advocate, boolean advocateInvolved,
		String decidedBy, Instant decidedAt) {
}
