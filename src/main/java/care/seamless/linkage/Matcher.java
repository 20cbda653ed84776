package care.seamless.linkage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Scores pairs with a trained {@link Model}. One incoming record can be scored against
 * each candidate that an index query returns, so the same code serves batch linkage and
 * online matching.
 */
public final class Matcher {

	static final String IDENTIFIER_RULE = "identifier-exact";

	private final Model model;

	private final double[][] weights;

	public Matcher(Model model) {
		this.model = model;
		Comparison[] comparisons = Comparison.values();
		this.weights = new double[comparisons.length][];
		for (Comparison comparison : comparisons) {
			double[] levelWeights = new double[comparison.levels().size()];
			for (int level = 0; level < levelWeights.length; level++) {
				levelWeights[level] = model.weight(comparison, level);
			}
			weights[comparison.ordinal()] = levelWeights;
		}
	}

	public Model model() {
		return model;
	}

	public ScoredPair score(Record a, Record b) {
		return score(Prepared.of(a), Prepared.of(b));
	}

	/**
	 * Scores one incoming record against the candidates an index query found (same
	 * postcode, same date of birth, ...), best first. The incoming record is normalised
	 * once.
	 */
	public List<ScoredPair> score(Record incoming, List<Record> candidates) {
		Prepared prepared = Prepared.of(incoming);
		return candidates.stream()
			.map(candidate -> score(prepared, Prepared.of(candidate)))
			.sorted(Comparator.comparingDouble(ScoredPair::weight).reversed())
			.toList();
	}

	ScoredPair score(Prepared a, Prepared b) {
		int[] levels = Comparison.levels(a, b);
		List<Contribution> contributions = new ArrayList<>();
		for (Comparison comparison : Comparison.values()) {
			int level = levels[comparison.ordinal()];
			contributions.add(new Contribution(comparison, level < 0 ? "missing" : comparison.levels().get(level),
					weight(comparison, level, a)));
		}
		double weight = weight(a, levels);
		double probability = Model.probability(weight);
		String rule = ruleFor(levels);
		Decision decision = rule != null ? Decision.MATCH : model.decide(probability);
		return new ScoredPair(a.id(), b.id(), weight, probability, decision, rule, contributions);
	}

	/** The total match weight: prior plus every comparison's weight. */
	double weight(Prepared a, int[] levels) {
		double total = model.priorWeight();
		for (Comparison comparison : Comparison.values()) {
			total += weight(comparison, levels[comparison.ordinal()], a);
		}
		return total;
	}

	Decision decide(double weight, int[] levels) {
		return ruleFor(levels) != null ? Decision.MATCH : model.decide(Model.probability(weight));
	}

	// Deterministic rules come before the model: an identifier that agrees exactly is
	// taken as the same person.
	private static @Nullable String ruleFor(int[] levels) {
		return levels[Comparison.IDENTIFIER.ordinal()] == 0 ? IDENTIFIER_RULE : null;
	}

	private double weight(Comparison comparison, int level, Prepared a) {
		if (level < 0) {
			return 0;
		}
		if (level == 0 && comparison.hasTermFrequencies()) {
			return model.exactWeight(comparison, comparison.termFrequencyValue(a));
		}
		return weights[comparison.ordinal()][level];
	}

}
