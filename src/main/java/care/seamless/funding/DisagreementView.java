package care.seamless.funding;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A partner's disagreement with a funding route, and how it was resolved once it is. */
public record DisagreementView(UUID id, UUID routeId, String organisationName, String raisedBy,
		FundingRouteKind proposedKind, String reason, Instant raisedAt, @Nullable String resolution,
		@Nullable String resolvedBy, @Nullable Instant resolvedAt, long version) {

	public boolean open() {
		return resolvedAt == null;
	}

}
