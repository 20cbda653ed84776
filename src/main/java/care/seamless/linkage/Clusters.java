package care.seamless.linkage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people a linkage finds: records joined by match decisions, taken transitively. If A
 * matches B and B matches C, all three are one person, as they become in the product when
 * a third record joins an existing link. Records with no match are alone.
 */
public final class Clusters {

	private final int[] parent;

	private Clusters(int size) {
		parent = new int[size];
		Arrays.setAll(parent, i -> i);
	}

	public static Clusters of(Linkage linkage, List<Link> links) {
		Clusters clusters = new Clusters(linkage.size());
		for (Link link : links) {
			if (link.decision() == Decision.MATCH) {
				clusters.union(link.left(), link.right());
			}
		}
		return clusters;
	}

	/** The cluster each record belongs to, named by one of its records' indexes. */
	public int clusterOf(int record) {
		int root = record;
		while (parent[root] != root) {
			root = parent[root];
		}
		// Path compression keeps later look-ups short.
		while (parent[record] != root) {
			int next = parent[record];
			parent[record] = root;
			record = next;
		}
		return root;
	}

	private void union(int a, int b) {
		int rootA = clusterOf(a);
		int rootB = clusterOf(b);
		if (rootA != rootB) {
			parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
		}
	}

	/**
	 * Quality of the pairs the clusters imply: every two records in one cluster (across
	 * the two files, for a join) are decided to be the same person.
	 */
	public Evaluation evaluate(Linkage linkage, List<String> truth) {
		Map<Integer, long[]> sides = new HashMap<>();
		Map<String, long[]> truthSides = new HashMap<>();
		for (int i = 0; i < parent.length; i++) {
			int side = linkage.isJoin() && i >= linkage.leftCount() ? 1 : 0;
			int cluster = clusterOf(i);
			sides.computeIfAbsent(cluster, key -> new long[2])[side]++;
			if (!truth.get(i).isEmpty()) {
				truthSides.computeIfAbsent(cluster + "|" + truth.get(i), key -> new long[2])[side]++;
			}
		}
		long decided = sides.values().stream().mapToLong(counts -> pairs(linkage, counts)).sum();
		long truePositives = truthSides.values().stream().mapToLong(counts -> pairs(linkage, counts)).sum();
		return new Evaluation(truePositives, decided, Evaluation.truePairs(linkage, truth));
	}

	private static long pairs(Linkage linkage, long[] counts) {
		return linkage.isJoin() ? counts[0] * counts[1] : counts[0] * (counts[0] - 1) / 2;
	}

}
