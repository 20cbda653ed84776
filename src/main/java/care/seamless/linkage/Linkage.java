package care.seamless.linkage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.LongConsumer;

/**
 * Links person records: deduplicates one list or joins two. Train a model on the records
 * themselves, then score every candidate pair that the blocking keys produce and keep
 * those at or above the review threshold.
 */
public final class Linkage {

	private final List<Prepared> records;

	private final int leftCount;

	private final boolean join;

	private final CandidatePairs candidates;

	private Linkage(List<Prepared> records, int leftCount, boolean join) {
		this.records = records;
		this.leftCount = leftCount;
		this.join = join;
		this.candidates = new CandidatePairs(records, leftCount, join);
	}

	public static Linkage dedupe(List<Record> records) {
		return new Linkage(prepare(records), records.size(), false);
	}

	public static Linkage join(List<Record> left, List<Record> right) {
		List<Record> all = new ArrayList<>(left);
		all.addAll(right);
		return new Linkage(prepare(all), left.size(), true);
	}

	private static List<Prepared> prepare(List<Record> records) {
		return records.parallelStream().map(Prepared::of).toList();
	}

	/**
	 * Pairs the blocking keys produce before de-duplication, an upper bound on the pairs
	 * compared.
	 */
	public long blockedPairs() {
		return candidates.blockedPairs();
	}

	/** Pairs each blocking key produces on its own, to show which keys cost most. */
	public Map<String, Long> blockedPairsByKey() {
		Map<String, Long> pairs = new LinkedHashMap<>();
		for (BlockingKey key : BlockingKey.values()) {
			pairs.put(key.name().toLowerCase(Locale.ROOT), candidates.blockedPairs(key));
		}
		return pairs;
	}

	/** Pairs the training sessions visit (their blocking keys' pairs, with overlap). */
	public long trainingPairs() {
		return Trainer.trainingPairs(candidates);
	}

	public double totalPairs() {
		return new Trainer(records, leftCount, join).totalPairs();
	}

	public Model train(LongConsumer progress) {
		return new Trainer(records, leftCount, join).train(candidates, progress);
	}

	/** Scores every candidate pair and returns those at or above the review threshold. */
	public List<Link> link(Matcher matcher, LongConsumer progress) {
		return candidates.reduce(ArrayList<Link>::new, (links, a, b) -> {
			Prepared left = records.get(a);
			int[] levels = Comparison.levels(left, records.get(b));
			double weight = matcher.weight(left, levels);
			Decision decision = matcher.decide(weight, left, records.get(b), levels);
			if (decision != Decision.NON_MATCH) {
				links.add(new Link(a, b, weight, decision));
			}
		}, (mine, theirs) -> {
			mine.addAll(theirs);
			return mine;
		}, progress);
	}

	/**
	 * Counts the candidate pairs that satisfy {@code test}, e.g. true pairs, to measure
	 * what blocking keeps.
	 */
	public long countCandidates(BiPredicate<Integer, Integer> test) {
		return candidates.reduce(() -> new long[1], (count, a, b) -> {
			if (test.test(a, b)) {
				count[0]++;
			}
		}, (mine, theirs) -> {
			mine[0] += theirs[0];
			return mine;
		}, pairs -> {
		})[0];
	}

	/**
	 * For each blocking key, how many pairs satisfying {@code test} its blocks hold on
	 * their own (whether or not an earlier key also proposes them): the recall of each
	 * rule, when {@code test} picks true pairs.
	 */
	public Map<String, Long> countCandidatesByKey(BiPredicate<Integer, Integer> test) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (BlockingKey key : BlockingKey.values()) {
			counts.put(key.name().toLowerCase(Locale.ROOT), candidates.reduce(key, () -> new long[1], (count, a, b) -> {
				if (test.test(a, b)) {
					count[0]++;
				}
			}, (mine, theirs) -> {
				mine[0] += theirs[0];
				return mine;
			}, pairs -> {
			})[0]);
		}
		return counts;
	}

	/** Pairs in blocks still over the size cap after splitting: never compared. */
	public long droppedPairs() {
		return candidates.droppedPairs();
	}

	/** How many of the pairs the size cap left uncompared satisfy {@code test}. */
	public long countDropped(BiPredicate<Integer, Integer> test) {
		return candidates.countDropped(test);
	}

	/** True when the two records are evidently different people (see {@link Matcher}). */
	boolean differentPeople(Matcher matcher, int a, int b) {
		Prepared left = records.get(a);
		int[] levels = Comparison.levels(left, records.get(b));
		return matcher.differentPeople(left, records.get(b), levels, matcher.weight(left, levels));
	}

	public ScoredPair explain(Matcher matcher, Link link) {
		return matcher.score(records.get(link.left()), records.get(link.right()));
	}

	public int size() {
		return records.size();
	}

	public int leftCount() {
		return leftCount;
	}

	public boolean isJoin() {
		return join;
	}

}
