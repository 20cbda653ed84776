package care.seamless.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of re-computing the chain: how many entries were checked and the first
 * broken one, if any, and how many committed entries still wait for their place in the
 * chain (ADR 44).
 */
public record ChainVerification(long checked, @Nullable Long firstBrokenSeq, @Nullable String problem,
		@Nullable String headHash, long awaitingChain) {

	public boolean intact() {
		return firstBrokenSeq == null;
	}

}
