package care.seamless.linkage;

/**
 * Expectation–maximisation for the two-class Fellegi–Sunter mixture. Each pair is a match
 * with probability lambda; given its class, comparison levels are independent with
 * probabilities m (matches) or u (non-matches). The E step gives every comparison vector
 * its probability of being a match; the M step re-estimates m, u and lambda from those.
 */
final class Expectation {

	// A pseudo-count keeps a level never seen in one class from getting probability 0 and
	// an infinite weight.
	private static final double PSEUDO_COUNT = 0.5;

	private static final double TOLERANCE = 1e-6;

	record Estimate(double[][] m, double[][] u, double lambda, int iterations) {

	}

	private Expectation() {
	}

	/**
	 * @param vectors comparison vectors (level per comparison, -1 when missing)
	 * @param counts how many pairs showed each vector
	 * @param m starting m probabilities
	 * @param u starting u probabilities
	 * @param lambda starting share of matches
	 * @param fixU keep u as given (Splink's choice when u comes from random pairs)
	 */
	static Estimate estimate(int[][] vectors, long[] counts, double[][] m, double[][] u, double lambda, boolean fixU,
			int maxIterations) {
		double[][] mNow = copy(m);
		double[][] uNow = copy(u);
		double lambdaNow = lambda;
		double total = 0;
		for (long count : counts) {
			total += count;
		}
		for (int iteration = 1; iteration <= maxIterations; iteration++) {
			double[][] mCounts = zeros(m);
			double[][] uCounts = zeros(u);
			double matches = 0;
			for (int row = 0; row < vectors.length; row++) {
				double w = matchProbability(vectors[row], mNow, uNow, lambdaNow);
				matches += counts[row] * w;
				for (int c = 0; c < vectors[row].length; c++) {
					int level = vectors[row][c];
					if (level >= 0) {
						mCounts[c][level] += counts[row] * w;
						uCounts[c][level] += counts[row] * (1 - w);
					}
				}
			}
			double[][] mNext = normalise(mCounts);
			double[][] uNext = fixU ? uNow : normalise(uCounts);
			double change = Math.max(maxChange(mNow, mNext),
					Math.max(maxChange(uNow, uNext), Math.abs(lambdaNow - matches / total)));
			mNow = mNext;
			uNow = uNext;
			lambdaNow = matches / total;
			if (change < TOLERANCE) {
				return new Estimate(mNow, uNow, lambdaNow, iteration);
			}
		}
		return new Estimate(mNow, uNow, lambdaNow, maxIterations);
	}

	static double matchProbability(int[] levels, double[][] m, double[][] u, double lambda) {
		double logOdds = Math.log(lambda / (1 - lambda));
		for (int c = 0; c < levels.length; c++) {
			if (levels[c] >= 0) {
				logOdds += Math.log(m[c][levels[c]] / u[c][levels[c]]);
			}
		}
		return 1 / (1 + Math.exp(-logOdds));
	}

	static double[][] normalise(double[][] counts) {
		double[][] probabilities = new double[counts.length][];
		for (int c = 0; c < counts.length; c++) {
			double sum = 0;
			for (double count : counts[c]) {
				sum += count + PSEUDO_COUNT;
			}
			probabilities[c] = new double[counts[c].length];
			for (int level = 0; level < counts[c].length; level++) {
				probabilities[c][level] = (counts[c][level] + PSEUDO_COUNT) / sum;
			}
		}
		return probabilities;
	}

	private static double maxChange(double[][] before, double[][] after) {
		double change = 0;
		for (int c = 0; c < before.length; c++) {
			for (int level = 0; level < before[c].length; level++) {
				change = Math.max(change, Math.abs(before[c][level] - after[c][level]));
			}
		}
		return change;
	}

	private static double[][] zeros(double[][] shape) {
		double[][] zeros = new double[shape.length][];
		for (int c = 0; c < shape.length; c++) {
			zeros[c] = new double[shape[c].length];
		}
		return zeros;
	}

	private static double[][] copy(double[][] source) {
		double[][] copy = new double[source.length][];
		for (int c = 0; c < source.length; c++) {
			copy[c] = source[c].clone();
		}
		return copy;
	}

}
