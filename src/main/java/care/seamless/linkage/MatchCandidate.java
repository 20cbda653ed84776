package care.seamless.linkage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A proposed pair for review: both records' demographics, the score and every field's
 * match weight, and the decision so far.
 */
public record MatchCandidate(UUID id, Demographics left, Demographics right, double weight, double probability,
		@Nullable String rule, List<Contribution> contributions, MatchStatus status, @Nullable String decidedBy,
		@Nullable Instant decidedAt, long version) {

}
