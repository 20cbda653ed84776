package care.seamless.linkage;

/**
 * How one comparison moved the score: the level that applied and its match weight (log2
 * Bayes factor, after any term-frequency adjustment). A missing value contributes 0.
 */
public record Contribution(Comparison comparison, String level, double weight) {

}
