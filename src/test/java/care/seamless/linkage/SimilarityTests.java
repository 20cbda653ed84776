package care.seamless.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

class SimilarityTests {

	/**
	 * Our Jaro–Winkler must give Commons Text's figure to the last bit, or a pair's level
	 * (and so a match decision) could change with the implementation: names, typos,
	 * swaps, empty and one-letter strings, and random strings of a small alphabet (many
	 * repeated letters, so many transpositions).
	 */
	@Test
	void jaroWinklerIsCommonsTextsFigureExactly() {
		JaroWinklerSimilarity commons = new JaroWinklerSimilarity();
		List<String> words = new ArrayList<>(List.of("", "a", "b", "ab", "ba", "martha", "marhta", "dixon", "dicksonx",
				"jellyfish", "smellyfish", "olive", "oliver", "theo", "theoo", "o'neil", "oneil", "sergufon",
				"ferguson", "crate", "trace", "dwayne", "duane", "abcdefghij", "jihgfedcba", "aaaa", "aaab", "baaa"));
		SplittableRandom random = new SplittableRandom(17);
		for (int i = 0; i < 200; i++) {
			StringBuilder word = new StringBuilder();
			int length = random.nextInt(13);
			for (int k = 0; k < length; k++) {
				word.append("abcde".charAt(random.nextInt(5)));
			}
			words.add(word.toString());
		}
		for (String a : words) {
			for (String b : words) {
				double expected = a.equals(b) ? 1.0 : commons.apply(a, b);
				assertThat(Similarity.jaroWinkler(a, b)).as("%s / %s", a, b).isEqualTo(expected);
			}
		}
	}

}
