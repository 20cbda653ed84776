package care.seamless.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The union of the blocking keys' pairs, each pair visited once. Records are sorted by
 * key code per key, so a block is a run of equal codes. A pair found under one key is
 * skipped if an earlier key already put both records in the same block, which removes
 * duplicates without holding every pair in memory.
 */
final class CandidatePairs {

	private static final int INDEX_BITS = 24;

	private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

	// A block this large says more about the key (a default value, a huge town) than
	// about people. It is split by a finer key rather than dropped, and what is still too
	// large after that is counted, never silently lost.
	private static final long MAX_BLOCK_PAIRS = 5_000_000;

	interface PairConsumer<R> {

		void accept(R result, int left, int right);

	}

	private record Block(int key, int start, int end, long pairs) {

	}

	/**
	 * A block over the cap, split by {@link #refinement}; the refinements still over the
	 * cap were dropped.
	 */
	private record Capped(Set<Long> droppedRefinements) {

	}

	private final List<Prepared> records;

	private final int leftCount;

	private final boolean join;

	private final long[][] codes;

	private final long[][] sorted;

	private final List<Map<Long, Capped>> oversized = new ArrayList<>();

	private final List<Block> blocks = new ArrayList<>();

	private final List<Block> dropped = new ArrayList<>();

	// Birth year and both initials: coarse enough that a block split by it keeps most
	// true pairs (which usually agree on all three), fine enough to break up a common
	// name or a default value.
	private final long[] refinement;

	/**
	 * @param records all records; for a join the left file's records come first
	 * @param leftCount how many records belong to the left file (all of them for
	 * deduplication)
	 */
	CandidatePairs(List<Prepared> records, int leftCount, boolean join) {
		if (records.size() > INDEX_MASK) {
			throw new IllegalArgumentException("At most " + INDEX_MASK + " records can be linked at once");
		}
		this.records = records;
		this.leftCount = leftCount;
		this.join = join;
		BlockingKey[] keys = BlockingKey.values();
		this.codes = new long[keys.length][];
		this.sorted = new long[keys.length][];
		this.refinement = records.parallelStream().mapToLong(CandidatePairs::refinement).toArray();
		for (BlockingKey key : keys) {
			index(key);
		}
	}

	private void index(BlockingKey key) {
		int k = key.ordinal();
		long[] keyCodes = records.parallelStream().mapToLong(key::code).toArray();
		long[] packed = new long[keyCodes.length];
		int used = 0;
		for (int i = 0; i < keyCodes.length; i++) {
			if (keyCodes[i] != 0) {
				packed[used++] = (keyCodes[i] << INDEX_BITS) | i;
			}
		}
		packed = Arrays.copyOf(packed, used);
		Arrays.parallelSort(packed);
		codes[k] = keyCodes;
		sorted[k] = packed;
		Map<Long, Capped> tooBig = new HashMap<>();
		for (int start = 0; start < packed.length;) {
			int end = start + 1;
			while (end < packed.length && (packed[end] >>> INDEX_BITS) == (packed[start] >>> INDEX_BITS)) {
				end++;
			}
			if (key.rareValuesOnly() && end - start > BlockingKey.RARE_VALUE_RECORDS) {
				for (int i = start; i < end; i++) {
					keyCodes[(int) (packed[i] & INDEX_MASK)] = 0;
				}
				start = end;
				continue;
			}
			long pairs = pairsIn(packed, start, end);
			if (pairs > MAX_BLOCK_PAIRS) {
				long code = packed[start] >>> INDEX_BITS;
				tooBig.put(code, split(k, code, packed, start, end));
			}
			else if (pairs > 0) {
				blocks.add(new Block(k, start, end, pairs));
			}
			start = end;
		}
		oversized.add(tooBig);
	}

	// Re-orders the slice by refinement then index, so each refinement is a run whose
	// records still come in index order.
	private Capped split(int k, long code, long[] packed, int start, int end) {
		long[] byRefinement = new long[end - start];
		for (int i = start; i < end; i++) {
			int index = (int) (packed[i] & INDEX_MASK);
			byRefinement[i - start] = (refinement[index] << INDEX_BITS) | index;
		}
		Arrays.sort(byRefinement);
		for (int i = start; i < end; i++) {
			packed[i] = (code << INDEX_BITS) | (byRefinement[i - start] & INDEX_MASK);
		}
		Set<Long> droppedRefinements = new HashSet<>();
		for (int from = start; from < end;) {
			long refined = byRefinement[from - start] >>> INDEX_BITS;
			int to = from + 1;
			while (to < end && (byRefinement[to - start] >>> INDEX_BITS) == refined) {
				to++;
			}
			long pairs = pairsIn(packed, from, to);
			if (pairs > MAX_BLOCK_PAIRS) {
				droppedRefinements.add(refined);
				dropped.add(new Block(k, from, to, pairs));
			}
			else if (pairs > 0) {
				blocks.add(new Block(k, from, to, pairs));
			}
			from = to;
		}
		return new Capped(droppedRefinements);
	}

	private static long refinement(Prepared record) {
		String year = record.dob().length() == 8 ? record.dob().substring(0, 4) : "";
		String key = year + "|" + (record.given().isEmpty() ? "" : record.given().substring(0, 1)) + "|"
				+ (record.family().isEmpty() ? "" : record.family().substring(0, 1));
		return key.hashCode() & 0xFFFF_FFFFL;
	}

	/**
	 * Pairs in blocks that were still over the cap after splitting, and so not compared.
	 */
	long droppedPairs() {
		return dropped.stream().mapToLong(Block::pairs).sum();
	}

	/** Pairs the cap left uncompared under {@code key}. */
	long droppedPairs(BlockingKey key) {
		return dropped.stream().filter(block -> block.key() == key.ordinal()).mapToLong(Block::pairs).sum();
	}

	/**
	 * Counts the pairs the cap left uncompared that satisfy {@code test} (true pairs,
	 * when evaluating), so that no loss goes unreported.
	 */
	long countDropped(BiPredicate<Integer, Integer> test) {
		long[] count = new long[1];
		dropped.forEach(block -> visit(block, false, count, (c, a, b) -> {
			if (test.test(a, b)) {
				c[0]++;
			}
		}));
		return count[0];
	}

	private long pairsIn(long[] packed, int start, int end) {
		long size = end - start;
		if (!join) {
			return size * (size - 1) / 2;
		}
		long left = 0;
		for (int i = start; i < end; i++) {
			if ((packed[i] & INDEX_MASK) < leftCount) {
				left++;
			}
		}
		return left * (size - left);
	}

	/**
	 * Pairs in blocks before de-duplication: an upper bound, used to size progress bars
	 * and samples.
	 */
	long blockedPairs() {
		return blocks.stream().mapToLong(Block::pairs).sum();
	}

	/** Pairs that blocking on {@code key} alone produces. */
	long blockedPairs(BlockingKey key) {
		return blocks.stream().filter(block -> block.key() == key.ordinal()).mapToLong(Block::pairs).sum();
	}

	/**
	 * Visits every candidate pair once, in parallel, each worker filling its own result
	 * which are then merged.
	 */
	<R> R reduce(Supplier<R> local, PairConsumer<R> consumer, BinaryOperator<R> merge, LongConsumer progress) {
		return reduce(blocks, true, local, consumer, merge, progress);
	}

	/**
	 * Visits the pairs of one key's blocks, whether or not other keys also produce them.
	 */
	<R> R reduce(BlockingKey key, Supplier<R> local, PairConsumer<R> consumer, BinaryOperator<R> merge,
			LongConsumer progress) {
		List<Block> keyBlocks = blocks.stream().filter(block -> block.key() == key.ordinal()).toList();
		return reduce(keyBlocks, false, local, consumer, merge, progress);
	}

	private <R> R reduce(List<Block> selected, boolean once, Supplier<R> local, PairConsumer<R> consumer,
			BinaryOperator<R> merge, LongConsumer progress) {
		return selected.parallelStream().map(block -> {
			R result = local.get();
			visit(block, once, result, consumer);
			progress.accept(block.pairs());
			return result;
		}).reduce(merge).orElseGet(local);
	}

	private <R> void visit(Block block, boolean once, R result, PairConsumer<R> consumer) {
		long[] packed = sorted[block.key()];
		for (int x = block.start(); x < block.end(); x++) {
			int a = (int) (packed[x] & INDEX_MASK);
			for (int y = x + 1; y < block.end(); y++) {
				int b = (int) (packed[y] & INDEX_MASK);
				// Packed values sort by index within a block, so a < b and in a join the
				// left record comes first.
				if (join && (a >= leftCount || b < leftCount)) {
					continue;
				}
				if (!once || !seenUnderEarlierKey(block.key(), a, b)) {
					consumer.accept(result, a, b);
				}
			}
		}
	}

	private boolean seenUnderEarlierKey(int key, int a, int b) {
		for (int k = 0; k < key; k++) {
			long code = codes[k][a];
			if (code != 0 && code == codes[k][b]) {
				Capped capped = oversized.get(k).get(code);
				if (capped == null
						|| (refinement[a] == refinement[b] && !capped.droppedRefinements().contains(refinement[a]))) {
					return true;
				}
			}
		}
		return false;
	}

}
