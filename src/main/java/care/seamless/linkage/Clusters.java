package care.seamless.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people a linkage finds: records joined by match decisions, taken transitively. If A
 * matches B and B matches C, all three are one person, as they become in the product when
 * a third record joins an existing link. Records with no match are alone.
 *
 * <p>
 * Built with a {@link Matcher}, clusters also guard against chaining: matches are taken
 * strongest first, and two groups are never joined when any record of one is evidently a
 * different person from any record of the other (a household member, or a million to one
 * against). Possible matches never join groups, however many agree: at a million records
 * that step joined look-alike people (people precision 0.9967 to 0.98), and once
 * random-pair u was corrected for matches it was worth almost nothing (ADR 0043).
 */
public final class Clusters {

	// Checking every cross pair of two large groups would cost more than it tells; groups
	// this large are rare and their members' own matches already vouch for them.
	private static final int MAX_CROSS_CHECKS = 2_500;

	private final int[] parent;

	private final Map<Integer, List<Integer>> members = new HashMap<>();

	private int refused;

	private Clusters(int size) {
		parent = new int[size];
		Arrays.setAll(parent, i -> i);
	}

	/**
	 * Clusters guarded against chaining: see the class comment. {@link #refused()} counts
	 * the joins refused.
	 */
	public static Clusters of(Linkage linkage, Matcher matcher, List<Link> links) {
		Clusters clusters = new Clusters(linkage.size());
		List<Link> matches = new ArrayList<>(links.stream().filter(link -> link.decision() == Decision.MATCH).toList());
		matches.sort(Comparator.comparingDouble(Link::weight).reversed());
		for (Link link : matches) {
			clusters.joinUnlessDifferent(linkage, matcher, link.left(), link.right());
		}
		return clusters;
	}

	/** How many joins the chaining guard refused. */
	public int refused() {
		return refused;
	}

	private boolean joinUnlessDifferent(Linkage linkage, Matcher matcher, int a, int b) {
		int rootA = clusterOf(a);
		int rootB = clusterOf(b);
		if (rootA == rootB) {
			return false;
		}
		List<Integer> groupA = members.getOrDefault(rootA, List.of(rootA));
		List<Integer> groupB = members.getOrDefault(rootB, List.of(rootB));
		if ((long) groupA.size() * groupB.size() <= MAX_CROSS_CHECKS) {
			for (int x : groupA) {
				for (int y : groupB) {
					if (linkage.differentPeople(matcher, Math.min(x, y), Math.max(x, y))) {
						refused++;
						return false;
					}
				}
			}
		}
		List<Integer> joined = new ArrayList<>(groupA.size() + groupB.size());
		joined.addAll(groupA);
		joined.addAll(groupB);
		members.remove(rootA);
		members.remove(rootB);
		union(rootA, rootB);
		members.put(clusterOf(rootA), joined);
		return true;
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
