package care.seamless.linkage;

import java.util.Set;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The small string measures comparisons share.
 */
final class Similarity {

	private static final LevenshteinDistance UP_TO_ONE_EDIT = new LevenshteinDistance(1);

	private Similarity() {
	}

	/**
	 * Jaro–Winkler similarity, the same figure as Commons Text's
	 * {@code JaroWinklerSimilarity} to the last bit (the shorter string's characters
	 * looked for in the longer one, half the transpositions, a common prefix of up to
	 * four scaled by 0.1 once Jaro reaches 0.7), over the strings' own characters.
	 * Commons Text boxes every character it compares; this is about a quarter cheaper a
	 * call in a warm JVM, and it is called for several fields of every candidate.
	 */
	static double jaroWinkler(String a, String b) {
		if (a.equals(b)) {
			return 1.0;
		}
		String longer = a.length() > b.length() ? a : b;
		String shorter = longer == a ? b : a;
		int range = Math.max(longer.length() / 2 - 1, 0);
		int[] matchedAt = new int[shorter.length()];
		boolean[] taken = new boolean[longer.length()];
		int matches = 0;
		for (int i = 0; i < shorter.length(); i++) {
			matchedAt[i] = -1;
			char c = shorter.charAt(i);
			for (int j = Math.max(i - range, 0), end = Math.min(i + range + 1, longer.length()); j < end; j++) {
				if (!taken[j] && c == longer.charAt(j)) {
					matchedAt[i] = j;
					taken[j] = true;
					matches++;
					break;
				}
			}
		}
		if (matches == 0) {
			return 0;
		}
		// The matched characters of each string in its own order, compared position by
		// position.
		int transpositions = 0;
		for (int i = 0, j = 0; i < shorter.length(); i++) {
			if (matchedAt[i] < 0) {
				continue;
			}
			while (!taken[j]) {
				j++;
			}
			if (shorter.charAt(i) != longer.charAt(j)) {
				transpositions++;
			}
			j++;
		}
		int prefix = 0;
		while (prefix < Math.min(4, shorter.length()) && a.charAt(prefix) == b.charAt(prefix)) {
			prefix++;
		}
		double m = matches;
		double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
		return jaro < 0.7 ? jaro : jaro + 0.1 * prefix * (1.0 - jaro);
	}

	static boolean withinOneEdit(String a, String b) {
		return Math.abs(a.length() - b.length()) <= 1 && UP_TO_ONE_EDIT.apply(a, b) >= 0;
	}

	/**
	 * True when equal-length strings differ in one position, or by one swap of
	 * neighbouring characters.
	 */
	static boolean oneDigitOff(String a, String b) {
		if (a.length() != b.length()) {
			return false;
		}
		int first = -1;
		int differences = 0;
		for (int i = 0; i < a.length(); i++) {
			if (a.charAt(i) != b.charAt(i)) {
				differences++;
				if (first < 0) {
					first = i;
				}
			}
		}
		if (differences == 1) {
			return true;
		}
		return differences == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
				&& a.charAt(first + 1) == b.charAt(first);
	}

	/**
	 * The Sørensen–Dice overlap of the two strings' letters and digits taken as bags,
	 * ignoring their order: 1 for an anagram ("sergufon" for "ferguson"), high for a few
	 * letters shuffled, dropped or doubled, which Jaro–Winkler scores low once the first
	 * letters are disturbed.
	 */
	static double sameLetters(String a, String b) {
		int[] counts = new int[36];
		int letters = 0;
		for (int i = 0; i < a.length(); i++) {
			int slot = slot(a.charAt(i));
			if (slot >= 0) {
				counts[slot]++;
				letters++;
			}
		}
		int shared = 0;
		for (int i = 0; i < b.length(); i++) {
			int slot = slot(b.charAt(i));
			if (slot >= 0) {
				letters++;
				if (counts[slot] > 0) {
					counts[slot]--;
					shared++;
				}
			}
		}
		return letters == 0 ? 0 : 2.0 * shared / letters;
	}

	private static int slot(char c) {
		if (c >= 'a' && c <= 'z') {
			return c - 'a';
		}
		return c >= '0' && c <= '9' ? 26 + c - '0' : -1;
	}

	static double jaccard(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		int shared = 0;
		for (String token : a) {
			if (b.contains(token)) {
				shared++;
			}
		}
		return (double) shared / (a.size() + b.size() - shared);
	}

}
