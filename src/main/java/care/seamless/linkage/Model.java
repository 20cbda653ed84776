package care.seamless.linkage;

import java.util.Map;

/**
 * A trained Fellegi–Sunter model: for each comparison level the probability of that level
 * among true matches (m) and among non-matches (u), the prior probability that two
 * records match, the term frequencies of common values, and the two decision thresholds
 * (as match probabilities).
 *
 * @param m m probabilities, indexed by comparison ordinal then level
 * @param u u probabilities, indexed the same way
 * @param prior probability that two records drawn at random are the same person
 * @param termFrequencies per comparison, the share of records holding each value
 * @param matchThreshold probability at or above which a pair is a match
 * @param reviewThreshold probability at or above which a pair is a possible match for
 * review
 */
public record Model(double[][] m, double[][] u, double prior, Map<Comparison, Map<String, Double>> termFrequencies,
		double matchThreshold, double reviewThreshold) {

	public static final double DEFAULT_MATCH_THRESHOLD = 0.95;

	public static final double DEFAULT_REVIEW_THRESHOLD = 0.50;

	/**
	 * log2 of the Bayes factor for one comparison level, without term-frequency
	 * adjustment.
	 */
	public double weight(Comparison comparison, int level) {
		if (level < 0) {
			return 0;
		}
		return log2(m[comparison.ordinal()][level] / u[comparison.ordinal()][level]);
	}

	/**
	 * The weight of an exact agreement on {@code value}: a shared common name ("smith")
	 * is weaker evidence than a shared rare one, so the average u of the exact level is
	 * replaced by how often that value occurs.
	 */
	double exactWeight(Comparison comparison, String value) {
		Double frequency = termFrequencies.getOrDefault(comparison, Map.of()).get(value);
		if (frequency == null) {
			return weight(comparison, 0);
		}
		return log2(m[comparison.ordinal()][0] / frequency);
	}

	double priorWeight() {
		return log2(prior / (1 - prior));
	}

	Decision decide(double probability) {
		if (probability >= matchThreshold) {
			return Decision.MATCH;
		}
		return probability >= reviewThreshold ? Decision.POSSIBLE_MATCH : Decision.NON_MATCH;
	}

	Model withThresholds(double match, double review) {
		return new Model(m, u, prior, termFrequencies, match, review);
	}

	static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

	static double probability(double weight) {
		return 1 / (1 + Math.pow(2, -weight));
	}

}
