package care.seamless.consent;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

/**
 * One break-glass access: who, whom, why, how long, and the Caldicott guardian's review;
 * {@code withoutTraining} when the practitioner had no current information-governance
 * training at the time (allowed in an emergency, but the guardian is told).
 */
public record Override(UUID id, PersonId personId, String account, @Nullable PractitionerId practitionerId,
		@Nullable OrganisationId organisationId, @Nullable String organisationName, OverrideReason reasonCode,
		String reasonText, Instant startedAt, Instant expiresAt, ReviewStatus reviewStatus, @Nullable String reviewedBy,
		@Nullable Instant reviewedAt, @Nullable String reviewNote, @Nullable Instant escalatedAt, long version,
		boolean withoutTraining) {

	public enum ReviewStatus {

		PENDING, APPROPRIATE, INAPPROPRIATE

	}

	public boolean active(Instant now) {
		return expiresAt.isAfter(now);
	}

	public boolean escalated() {
		return escalatedAt != null && reviewStatus == ReviewStatus.PENDING;
	}

}
