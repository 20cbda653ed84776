package care.seamless.bench;

import java.util.Arrays;
import java.util.List;

import care.seamless.shared.LongList;

/**
 * Per-request times in nanoseconds. One client adds to its own (no locking on the
 * measured path); the run merges them and sorts once. A sorted array rather than a
 * histogram: a run of a minute at a few thousand requests a second is a few megabytes,
 * and its percentiles are exact.
 */
final class Latencies {

	private final LongList nanos = new LongList();

	void add(long elapsedNanos) {
		nanos.add(elapsedNanos);
	}

	int size() {
		return nanos.size();
	}

	/** All the clients' times in one sorted array. */
	static long[] sortedTogether(List<Latencies> all) {
		int total = all.stream().mapToInt(Latencies::size).sum();
		long[] merged = new long[total];
		int at = 0;
		for (Latencies latencies : all) {
			latencies.nanos.copyInto(merged, at);
			at += latencies.size();
		}
		Arrays.sort(merged);
		return merged;
	}

	/**
	 * The nearest-rank percentile of sorted times: the smallest time at or below which
	 * {@code percent} of the requests fall. Zero for no requests.
	 */
	static long percentile(long[] sorted, double percent) {
		if (percent <= 0 || percent > 100) {
			throw new IllegalArgumentException("A percentile is above 0 and at most 100: " + percent);
		}
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

}
