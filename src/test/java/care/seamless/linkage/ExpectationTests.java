package care.seamless.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ExpectationTests {

	// Three comparisons with three, two and four levels; matches agree, non-matches
	// mostly do not.
	private static final double[][] TRUE_M = { { 0.80, 0.15, 0.05 }, { 0.90, 0.10 }, { 0.60, 0.25, 0.10, 0.05 } };

	private static final double[][] TRUE_U = { { 0.05, 0.15, 0.80 }, { 0.30, 0.70 }, { 0.02, 0.08, 0.20, 0.70 } };

	private static final double TRUE_LAMBDA = 0.15;

	@Test
	void recoversKnownMAndUFromGeneratedPairs() {
		Random random = new Random(42);
		// EM sees counts per distinct comparison vector, as it does in training.
		Map<List<Integer>, Long> histogram = new HashMap<>();
		for (int i = 0; i < 200_000; i++) {
			double[][] source = random.nextDouble() < TRUE_LAMBDA ? TRUE_M : TRUE_U;
			List<Integer> vector = new ArrayList<>();
			for (double[] probabilities : source) {
				vector.add(draw(probabilities, random));
			}
			histogram.merge(vector, 1L, Long::sum);
		}
		int[][] vectors = new int[histogram.size()][];
		long[] counts = new long[histogram.size()];
		int row = 0;
		for (Map.Entry<List<Integer>, Long> entry : histogram.entrySet()) {
			vectors[row] = entry.getKey().stream().mapToInt(Integer::intValue).toArray();
			counts[row++] = entry.getValue();
		}

		Expectation.Estimate estimate = Expectation.estimate(vectors, counts, start(0.6), start(0.2), 0.5, false, 1000);

		assertThat(estimate.lambda()).isCloseTo(TRUE_LAMBDA, within(0.01));
		for (int c = 0; c < TRUE_M.length; c++) {
			for (int level = 0; level < TRUE_M[c].length; level++) {
				assertThat(estimate.m()[c][level]).as("m[%d][%d]", c, level).isCloseTo(TRUE_M[c][level], within(0.02));
				assertThat(estimate.u()[c][level]).as("u[%d][%d]", c, level).isCloseTo(TRUE_U[c][level], within(0.02));
			}
		}
	}

	@Test
	void keepsUFixedWhenAsked() {
		int[][] vectors = { { 0, 0, 0 }, { 2, 1, 3 } };
		long[] counts = { 10, 90 };

		Expectation.Estimate estimate = Expectation.estimate(vectors, counts, start(0.6), TRUE_U, 0.5, true, 100);

		assertThat(estimate.u()).isDeepEqualTo(TRUE_U);
		assertThat(estimate.lambda()).isBetween(0.05, 0.2);
	}

	private static int draw(double[] probabilities, Random random) {
		double x = random.nextDouble();
		for (int level = 0; level < probabilities.length - 1; level++) {
			x -= probabilities[level];
			if (x < 0) {
				return level;
			}
		}
		return probabilities.length - 1;
	}

	// A starting guess with the given share on the first level and the rest spread
	// evenly.
	private static double[][] start(double first) {
		double[][] start = new double[TRUE_M.length][];
		for (int c = 0; c < TRUE_M.length; c++) {
			int levels = TRUE_M[c].length;
			start[c] = new double[levels];
			for (int level = 0; level < levels; level++) {
				start[c][level] = level == 0 ? first : (1 - first) / (levels - 1);
			}
		}
		return start;
	}

}
