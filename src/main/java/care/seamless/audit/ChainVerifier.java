package care.seamless.audit;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/** Walks the chain in order and stops judging at the first entry that does not fit. */
class ChainVerifier implements Consumer<AuditEntry> {

	private long checked;

	private long expectedSeq = 1;

	private String expectedPrevHash = ChainHash.GENESIS;

	private @Nullable Long brokenSeq;

	private @Nullable String problem;

	@Override
	public void accept(AuditEntry entry) {
		if (brokenSeq != null) {
			return;
		}
		checked++;
		long seq = entry.seq() == null ? -1 : entry.seq();
		if (seq != expectedSeq) {
			fail(seq, "entry " + expectedSeq + " is missing (next entry found is " + seq + ")");
		}
		else if (!expectedPrevHash.equals(entry.prevHash())) {
			fail(seq, "entry " + seq + " does not follow the entry before it (previous hash differs)");
		}
		else if (!ChainHash.of(entry).equals(entry.hash())) {
			fail(seq, "entry " + seq + " was altered (its contents no longer match its hash)");
		}
		expectedSeq = seq + 1;
		expectedPrevHash = String.valueOf(entry.hash());
	}

	private void fail(long seq, String message) {
		brokenSeq = seq;
		problem = message;
	}

	ChainVerification result(long awaitingChain) {
		return new ChainVerification(checked, brokenSeq, problem, brokenSeq == null ? expectedPrevHash : null,
				awaitingChain);
	}

}
