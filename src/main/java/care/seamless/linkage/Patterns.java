package care.seamless.linkage;

import java.util.HashMap;
import java.util.Map;

/**
 * How many pairs showed each comparison vector. EM needs only these counts, not the
 * pairs, so millions of pairs shrink to a few thousand distinct vectors. A vector is
 * packed four bits per comparison (level + 1, 0 when missing).
 */
final class Patterns {

	private final Map<Long, Long> counts = new HashMap<>();

	// Candidate pairs seen, sampled or not; the prior needs the full count.
	private long visited;

	void visit() {
		visited++;
	}

	long visited() {
		return visited;
	}

	void add(int[] levels) {
		add(encode(levels), 1);
	}

	void add(long pattern, long count) {
		counts.merge(pattern, count, Long::sum);
	}

	Patterns merge(Patterns other) {
		other.counts.forEach(this::add);
		visited += other.visited;
		return this;
	}

	long total() {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	int distinct() {
		return counts.size();
	}

	/** How often each level of each comparison occurred, ignoring missing values. */
	double[][] levelCounts() {
		Comparison[] comparisons = Comparison.values();
		double[][] levelCounts = new double[comparisons.length][];
		for (Comparison comparison : comparisons) {
			levelCounts[comparison.ordinal()] = new double[comparison.levels().size()];
		}
		counts.forEach((pattern, count) -> {
			int[] levels = decode(pattern);
			for (int c = 0; c < levels.length; c++) {
				if (levels[c] >= 0) {
					levelCounts[c][levels[c]] += count;
				}
			}
		});
		return levelCounts;
	}

	/** The vectors as rows of levels, with their counts, for the EM loop. */
	int[][] vectors(long[] countsOut) {
		int[][] vectors = new int[counts.size()][];
		int row = 0;
		for (Map.Entry<Long, Long> entry : counts.entrySet()) {
			vectors[row] = decode(entry.getKey());
			countsOut[row] = entry.getValue();
			row++;
		}
		return vectors;
	}

	static long encode(int[] levels) {
		long pattern = 0;
		for (int i = 0; i < levels.length; i++) {
			pattern |= (long) (levels[i] + 1) << (4 * i);
		}
		return pattern;
	}

	static int[] decode(long pattern) {
		int[] levels = new int[Comparison.values().length];
		for (int i = 0; i < levels.length; i++) {
			levels[i] = (int) ((pattern >>> (4 * i)) & 0xF) - 1;
		}
		return levels;
	}

}
