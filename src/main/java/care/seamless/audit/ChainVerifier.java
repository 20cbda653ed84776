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
		if (entry.seq() != expectedSeq) {
			fail(entry.seq(), "entry " + expectedSeq + " is missing (next entry found is " + entry.seq() + ")");
		}
		else if (!entry.prevHash().equals(expectedPrevHash)) {
			fail(entry.seq(), "entry " + entry.seq() + " does not follow the entry before it (previous hash differs)");
		}
		else if (!ChainHash.of(entry).equals(entry.hash())) {
			fail(entry.seq(), "entry " + entry.seq() + " was altered (its contents no longer match its hash)");
		}
		expectedSeq = entry.seq() + 1;
		expectedPrevHash = entry.hash();
	}

	private void fail(long seq, String message) {
		brokenSeq = seq;
		problem = message;
	}

	ChainVerification result() {
		return new ChainVerification(checked, brokenSeq, problem, brokenSeq == null ? expectedPrevHash : null);
	}

}
