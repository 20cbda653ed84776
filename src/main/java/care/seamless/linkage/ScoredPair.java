package care.seamless.linkage;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A compared pair with everything needed to explain it: the total match weight (prior
 * plus contributions), the match probability, the decision, the deterministic rule that
 * fired if any, and each field's contribution.
 */
public record ScoredPair(String leftId, String rightId, double weight, double probability, Decision decision,
		@Nullable String rule, List<Contribution> contributions) {

}
