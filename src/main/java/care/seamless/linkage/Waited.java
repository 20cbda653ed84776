package care.seamless.linkage;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The result of work an import handed to another thread, its failure rethrown on the
 * waiting thread as its own exception where it is unchecked.
 */
final class Waited {

	private Waited() {
	}

	/**
	 * @param doing what the work was, for the message when it fails with a checked
	 * exception or the wait is interrupted ("finding an import's pairs")
	 */
	static <T> T result(Future<T> work, String doing) {
		try {
			return work.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while " + doing, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Failed " + doing, ex.getCause());
		}
	}

}
