package care.seamless.careplan;

import java.time.Instant;

import care.seamless.shared.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * A partner named as contributing to an objective and whether it has signed up: who
 * signed, on behalf of which organisation, and when. A withdrawal shows as not signed,
 * with who withdrew and why.
 */
public record PartnerSignUp(OrganisationId organisationId, String organisationName, boolean signed,
		@Nullable String practitionerName, @Nullable Instant at, @Nullable String withdrawalReason) {
}
