package care.seamless.partnership;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One round of the Partnership Assessment Tool for one partnership. */
public record AssessmentRound(UUID id, UUID partnershipId, String title, Instant openedAt, @Nullable Instant closedAt,
		int raters, long version) {

	public boolean open() {
		return closedAt == null;
	}

}
