package care.seamless.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise quality against ground truth. Recall is over every true pair in the input, so
 * true pairs that blocking never proposed count as missed.
 *
 * @param truePositives decided matches that are true pairs
 * @param decidedMatches pairs decided as match
 * @param truePairs all true pairs in the input
 */
public record Evaluation(long truePositives, long decidedMatches, long truePairs) {

	/**
	 * @param links scored pairs; only those decided as match count
	 * @param truth the truth key of each record, in the linkage's record order (an empty
	 * key matches nothing)
	 */
	public static Evaluation of(Linkage linkage, List<Link> links, List<String> truth) {
		long truePositives = 0;
		long decided = 0;
		for (Link link : links) {
			if (link.decision() == Decision.MATCH) {
				decided++;
				String key = truth.get(link.left());
				if (!key.isEmpty() && key.equals(truth.get(link.right()))) {
					truePositives++;
				}
			}
		}
		return new Evaluation(truePositives, decided, truePairs(linkage, truth));
	}

	static long truePairs(Linkage linkage, List<String> truth) {
		Map<String, long[]> sides = new HashMap<>();
		for (int i = 0; i < truth.size(); i++) {
			if (!truth.get(i).isEmpty()) {
				sides.computeIfAbsent(truth.get(i), key -> new long[2])[i < linkage.leftCount() || !linkage.isJoin() ? 0
						: 1]++;
			}
		}
		long pairs = 0;
		for (long[] counts : sides.values()) {
			pairs += linkage.isJoin() ? counts[0] * counts[1] : counts[0] * (counts[0] - 1) / 2;
		}
		return pairs;
	}

	public double precision() {
		return decidedMatches == 0 ? 0 : (double) truePositives / decidedMatches;
	}

	public double recall() {
		return truePairs == 0 ? 0 : (double) truePositives / truePairs;
	}

	public double f1() {
		double sum = precision() + recall();
		return sum == 0 ? 0 : 2 * precision() * recall() / sum;
	}

}
