package care.seamless.linkage;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Trains a {@link Model} on the records being linked, the way Splink does: u from random pairs (almost all of which
 * are non-matches), then m by EM over the blocked candidate pairs, and the prior from EM's share of matches among the
 * candidates scaled to all pairs. Nothing here is tuned to a particular data set.
 */
final class Trainer {

	private static final int RANDOM_PAIRS = 300_000;

	private static final long MAX_TRAINING_PAIRS = 2_000_000;

	private static final long SEED = 20_260_601L;

	private final List<Prepared> records;

	private final int leftCount;

	private final boolean join;

	Trainer(List<Prepared> records, int leftCount, boolean join) {
		this.records = records;
		this.leftCount = leftCount;
		this.join = join;
	}

	Model train(CandidatePairs candidates, LongConsumer progress) {
		double[][] u = randomPairU();
		Patterns sample = candidateSample(candidates, progress);
		long[] counts = new long[sample.distinct()];
		int[][] vectors = sample.vectors(counts);
		Expectation.Estimate estimate = Expectation.estimate(vectors, counts, startingM(), u, 0.2, false, 200);
		double matches = estimate.lambda() * sample.visited();
		double prior = Math.min(0.5, Math.max(matches, 1) / totalPairs());
		return new Model(estimate.m(), u, prior, termFrequencies(), Model.DEFAULT_MATCH_THRESHOLD,
				Model.DEFAULT_REVIEW_THRESHOLD);
	}

	double totalPairs() {
		double n = records.size();
		return join ? (double) leftCount * (n - leftCount) : n * (n - 1) / 2;
	}

	private double[][] randomPairU() {
		SplittableRandom random = new SplittableRandom(SEED);
		Comparison[] comparisons = Comparison.values();
		double[][] counts = new double[comparisons.length][];
		for (Comparison comparison : comparisons) {
			counts[comparison.ordinal()] = new double[comparison.levels().size()];
		}
		int rightCount = records.size() - leftCount;
		for (int i = 0; i < RANDOM_PAIRS; i++) {
			int a = join ? random.nextInt(leftCount) : random.nextInt(records.size());
			int b = join ? leftCount + random.nextInt(rightCount) : random.nextInt(records.size());
			if (a != b) {
				int[] levels = Comparison.levels(records.get(a), records.get(b));
				for (int c = 0; c < levels.length; c++) {
					if (levels[c] >= 0) {
						counts[c][levels[c]]++;
					}
				}
			}
		}
		return Expectation.normalise(counts);
	}

	// Comparing every candidate pair is the expensive part; EM needs only a fair sample of comparison vectors.
	private Patterns candidateSample(CandidatePairs candidates, LongConsumer progress) {
		long blocked = Math.max(1, candidates.blockedPairs());
		long keepOutOf = Math.max(1, (blocked + MAX_TRAINING_PAIRS - 1) / MAX_TRAINING_PAIRS);
		return candidates.reduce(Patterns::new, (patterns, a, b) -> {
			patterns.visit();
			if (keepOutOf == 1 || Math.floorMod(mix(a, b), keepOutOf) == 0) {
				patterns.add(Comparison.levels(records.get(a), records.get(b)));
			}
		}, Patterns::merge, progress);
	}

	private static long mix(int a, int b) {
		long x = ((long) a << 32) ^ b ^ SEED;
		x ^= x >>> 33;
		x *= 0xff51afd7ed558ccdL;
		return x ^ (x >>> 33);
	}

	// Before EM, assume agreement is likely among matches; the first level gets most of the mass.
	private static double[][] startingM() {
		Comparison[] comparisons = Comparison.values();
		double[][] counts = new double[comparisons.length][];
		for (Comparison comparison : comparisons) {
			double[] levels = new double[comparison.levels().size()];
			for (int level = 0; level < levels.length; level++) {
				levels[level] = 1000 * Math.pow(0.2, level);
			}
			counts[comparison.ordinal()] = levels;
		}
		return Expectation.normalise(counts);
	}

	private Map<Comparison, Map<String, Double>> termFrequencies() {
		Map<Comparison, Map<String, Double>> frequencies = new EnumMap<>(Comparison.class);
		for (Comparison comparison : Comparison.values()) {
			if (!comparison.hasTermFrequencies()) {
				continue;
			}
			Map<String, Double> counts = new HashMap<>();
			for (Prepared record : records) {
				String value = comparison.termFrequencyValue(record);
				if (!value.isEmpty()) {
					counts.merge(value, 1.0, Double::sum);
				}
			}
			double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
			counts.replaceAll((value, count) -> count / total);
			frequencies.put(comparison, counts);
		}
		return frequencies;
	}

}
