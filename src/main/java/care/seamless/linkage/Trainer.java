package care.seamless.linkage;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Trains a {@link Model} on the records being linked, the way Splink does. u comes from
 * random pairs, almost all of which are non-matches. m comes from EM sessions over
 * blocked pairs with u held fixed; each session leaves out the comparisons its blocking
 * key forces to agree, because among pairs that share a date of birth the date says
 * nothing. Nothing here is tuned to a particular data set.
 */
final class Trainer {

	// Enough random pairs to see rare agreements (a shared date of birth is about 1 in
	// 25,000 pairs) in big inputs,
	// without making small inputs pay for a million comparisons.
	private static final int MIN_RANDOM_PAIRS = 100_000;

	private static final int MAX_RANDOM_PAIRS = 1_000_000;

	private static final long MAX_TRAINING_PAIRS = 1_000_000;

	private static final long SEED = 20_260_601L;

	private static final int MAX_ITERATIONS = 200;

	/**
	 * A training session: EM over the pairs one key blocks, ignoring the comparisons the
	 * key biases, and taking from the result only the m of the comparisons listed in
	 * {@code estimates} (empty: all the others). {@code keyAgreement} says, given the
	 * trained m, what share of all matches the key finds; the prior needs it.
	 */
	private record Session(BlockingKey key, Set<Comparison> ignored, Set<Comparison> estimates,
			ToDoubleFunction<double[][]> keyAgreement) {

	}

	// Dates of birth are independent of everything else among non-matches; names are not
	// independent of addresses (families share both), so the name-blocked session
	// contributes only the date of birth, unless no other session could estimate a
	// comparison (a file with no dates of birth).
	private static final List<Session> SESSIONS = List.of(
			new Session(BlockingKey.DATE_OF_BIRTH, EnumSet.of(Comparison.DATE_OF_BIRTH),
					EnumSet.noneOf(Comparison.class), m -> m[Comparison.DATE_OF_BIRTH.ordinal()][0]),
			// Without dates of birth, the address session supplies the names' m, which
			// the name session then needs to scale its matches up to all matches.
			new Session(BlockingKey.POSTCODE_AND_STREET,
					EnumSet.of(Comparison.POSTCODE, Comparison.ADDRESS, Comparison.LOCALITY),
					EnumSet.complementOf(EnumSet.of(Comparison.DATE_OF_BIRTH, Comparison.POSTCODE, Comparison.ADDRESS,
							Comparison.LOCALITY)),
					m -> 1.0),
			new Session(BlockingKey.NAME_SOUNDS, EnumSet.of(Comparison.GIVEN_NAME, Comparison.FAMILY_NAME),
					EnumSet.allOf(Comparison.class), Trainer::bothNameSoundsAgree));

	// The share of matches whose two name sounds both agree: exact, swapped and
	// sound-alike names do, a close spelling about half the time.
	private static double bothNameSoundsAgree(double[][] m) {
		double agree = 1;
		for (Comparison name : List.of(Comparison.GIVEN_NAME, Comparison.FAMILY_NAME)) {
			double[] levels = m[name.ordinal()];
			agree *= levels[0] + levels[1] + levels[3] + 0.5 * levels[2];
		}
		return Math.max(agree, 0.01);
	}

	private final List<Prepared> records;

	private final int leftCount;

	private final boolean join;

	Trainer(List<Prepared> records, int leftCount, boolean join) {
		this.records = records;
		this.leftCount = leftCount;
		this.join = join;
	}

	static long trainingPairs(CandidatePairs candidates) {
		return SESSIONS.stream().mapToLong(session -> candidates.blockedPairs(session.key())).sum();
	}

	Model train(CandidatePairs candidates, LongConsumer progress) {
		double[][] randomCounts = randomPairCounts();
		// The sessions' comparison vectors do not depend on u, so the second training
		// reuses them and visits no pair twice.
		Map<BlockingKey, Patterns> samples = new HashMap<>();
		Model first = train(candidates, Expectation.normalise(randomCounts), startingM(), samples, progress);
		// Random pairs are not all non-matches: in a small file where each person has
		// several records, one random pair in a few hundred is a match, and those
		// matches make exact agreement on an e-mail or a date look many times commoner
		// among non-matches than it is. Taking the matches' share (the prior, with m) out
		// of the random pairs' levels, then training again, removes that.
		double[][] u = withoutMatches(randomCounts, first);
		return train(candidates, u, first.m(), samples, progress);
	}

	private static double[][] withoutMatches(double[][] counts, Model model) {
		double prior = model.prior();
		double[][] u = new double[counts.length][];
		for (int c = 0; c < counts.length; c++) {
			double total = Arrays.stream(counts[c]).sum();
			double[] levels = new double[counts[c].length];
			for (int level = 0; level < levels.length; level++) {
				double nonMatches = counts[c][level] - prior * total * model.m()[c][level];
				levels[level] = Math.max(0, nonMatches / (1 - prior));
			}
			u[c] = levels;
		}
		return Expectation.normalise(u);
	}

	private Model train(CandidatePairs candidates, double[][] u, double[][] startM, Map<BlockingKey, Patterns> samples,
			LongConsumer progress) {
		double[][] m = copy(startM);
		Set<Comparison> estimated = EnumSet.noneOf(Comparison.class);
		double matchesFound = Double.NaN;
		Session priorSession = null;
		for (Session session : SESSIONS) {
			boolean estimatesSomething = Arrays.stream(Comparison.values())
				.anyMatch(comparison -> wanted(session, comparison, estimated));
			if (!estimatesSomething && priorSession != null) {
				continue;
			}
			Patterns sample = samples.computeIfAbsent(session.key(), key -> sample(candidates, session, progress));
			if (sample.total() == 0) {
				continue;
			}
			long[] counts = new long[sample.distinct()];
			int[][] vectors = sample.vectors(counts);
			Expectation.Estimate estimate = Expectation.estimate(vectors, counts, m, u, 0.1, true, MAX_ITERATIONS);
			for (Comparison comparison : Comparison.values()) {
				if (wanted(session, comparison, estimated)) {
					m[comparison.ordinal()] = estimate.m()[comparison.ordinal()];
					estimated.add(comparison);
				}
			}
			// The address session's key agreement among matches is unknown (it ignores
			// what it would need), so it never sets the prior.
			if (priorSession == null && session.key() != BlockingKey.POSTCODE_AND_STREET) {
				priorSession = session;
				matchesFound = estimate.lambda() * sample.visited();
			}
		}
		double prior = priorSession == null ? 1 / totalPairs()
				: prior(matchesFound / priorSession.keyAgreement().applyAsDouble(m));
		return new Model(m, u, prior, termFrequencies(), Model.DEFAULT_MATCH_THRESHOLD, Model.DEFAULT_REVIEW_THRESHOLD);
	}

	private static boolean wanted(Session session, Comparison comparison, Set<Comparison> estimated) {
		return (session.estimates().isEmpty() || session.estimates().contains(comparison))
				&& !session.ignored().contains(comparison) && !estimated.contains(comparison);
	}

	// The first session with data saw only the matches that agree on its key; scaled up
	// by how often matches agree
	// on it, that estimates all matches.
	private double prior(double matches) {
		return Math.min(0.5, Math.max(1, matches) / totalPairs());
	}

	double totalPairs() {
		double n = records.size();
		return join ? (double) leftCount * (n - leftCount) : n * (n - 1) / 2;
	}

	private static double[][] copy(double[][] values) {
		double[][] copy = new double[values.length][];
		for (int i = 0; i < values.length; i++) {
			copy[i] = values[i].clone();
		}
		return copy;
	}

	private double[][] randomPairCounts() {
		SplittableRandom random = new SplittableRandom(SEED);
		int rightCount = records.size() - leftCount;
		int pairs = Math.min(MAX_RANDOM_PAIRS, Math.max(MIN_RANDOM_PAIRS, 2 * records.size()));
		int[] firsts = new int[pairs];
		int[] seconds = new int[pairs];
		for (int i = 0; i < pairs; i++) {
			firsts[i] = join ? random.nextInt(leftCount) : random.nextInt(records.size());
			seconds[i] = join ? leftCount + random.nextInt(rightCount) : random.nextInt(records.size());
		}
		Patterns patterns = IntStream.range(0, pairs).parallel().collect(Patterns::new, (sample, i) -> {
			if (firsts[i] != seconds[i]) {
				sample.add(Comparison.levels(records.get(firsts[i]), records.get(seconds[i])));
			}
		}, Patterns::merge);
		return patterns.levelCounts();
	}

	// Comparing every blocked pair is the expensive part; EM needs only a fair sample of
	// comparison vectors.
	private Patterns sample(CandidatePairs candidates, Session session, LongConsumer progress) {
		long blocked = Math.max(1, candidates.blockedPairs(session.key()));
		long keepOutOf = Math.max(1, (blocked + MAX_TRAINING_PAIRS - 1) / MAX_TRAINING_PAIRS);
		return candidates.reduce(session.key(), Patterns::new, (patterns, a, b) -> {
			patterns.visit();
			if (keepOutOf == 1 || Math.floorMod(mix(a, b), keepOutOf) == 0) {
				int[] levels = Comparison.levels(records.get(a), records.get(b));
				session.ignored().forEach(comparison -> levels[comparison.ordinal()] = Levels.MISSING);
				patterns.add(levels);
			}
		}, Patterns::merge, progress);
	}

	private static long mix(int a, int b) {
		long x = ((long) a << 32) ^ b ^ SEED;
		x ^= x >>> 33;
		x *= 0xff51afd7ed558ccdL;
		return x ^ (x >>> 33);
	}

	// Before EM, assume agreement is likely among matches; the first level gets most of
	// the mass.
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
