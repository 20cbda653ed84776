package care.seamless.linkage;

import java.util.Set;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The small string measures comparisons share; the measures themselves come from Commons
 * Text.
 */
final class Similarity {

	private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

	private static final LevenshteinDistance UP_TO_ONE_EDIT = new LevenshteinDistance(1);

	private Similarity() {
	}

	static double jaroWinkler(String a, String b) {
		return a.equals(b) ? 1.0 : JARO_WINKLER.apply(a, b);
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
