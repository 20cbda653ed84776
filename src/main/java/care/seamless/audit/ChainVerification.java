package care.seamless.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of re-computing the chain: how many entries were checked and the first
 * broken one, if any.
 */
public record ChainVerification(long checked, @Nullable Long firstBrokenSeq, @Nullable String problem,
		@Nullable String headHash) {

	public boolean intact() {
		return firstBrokenSeq == null;
	}

}
