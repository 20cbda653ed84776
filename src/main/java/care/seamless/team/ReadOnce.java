package care.seamless.team;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Directory reads kept for the rest of one read-only transaction, so that a page whose
 * sections each ask for the reader's teams (the worklist: referrals in, referrals out,
 * action queues, training, direct payments) or the same organisation's name reads them
 * once (ADR 0053). Only in a read-only transaction: nothing in it can change the
 * directory, and its answers end with it. Anywhere else every call reads afresh, so a
 * write followed by a read in one transaction always sees the write.
 */
final class ReadOnce {

	private static final Object KEY = new Object();

	private ReadOnce() {
	}

	/**
	 * The value read for this kind and key in this transaction, reading it only the first
	 * time.
	 */
	@SuppressWarnings("unchecked")
	static <V> V get(String kind, Object key, Supplier<V> read) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return read.get();
		}
		Map<List<Object>, Object> kept = (Map<List<Object>, Object>) TransactionSynchronizationManager.getResource(KEY);
		if (kept == null) {
			Map<List<Object>, Object> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(KEY, fresh);
			TransactionSynchronizationManager.registerSynchronization(new Forget(fresh));
			kept = fresh;
		}
		List<Object> name = List.of(kind, key);
		Object value = kept.get(name);
		if (value == null) {
			value = read.get();
			kept.put(name, value);
		}
		return (V) value;
	}

	/**
	 * Unbinds the kept reads when their transaction ends, and while a transaction of its
	 * own runs inside it (which must not see them: it may write).
	 */
	private record Forget(Map<List<Object>, Object> kept) implements TransactionSynchronization {

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(KEY, kept);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
		}

	}

}
