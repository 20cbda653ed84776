package care.seamless.door;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flesch reading ease of English text: 206.835 - 1.015 (words / sentences) - 84.6
 * (syllables / words). Syllables are counted by a small heuristic (groups of vowels, less
 * a silent final e), which is close enough on the short, common words a person reads;
 * placeholders such as {0} are not words.
 */
final class ReadingEase {

	private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z']*");

	private static final Pattern SENTENCE_END = Pattern.compile("[.!?:]+(\\s|$)");

	private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

	private ReadingEase() {
	}

	record Counts(int sentences, int words, int syllables) {

		Counts plus(Counts other) {
			return new Counts(this.sentences + other.sentences, this.words + other.words,
					this.syllables + other.syllables);
		}

		double ease() {
			if (this.words == 0) {
				return 100;
			}
			return 206.835 - 1.015 * ((double) this.words / this.sentences)
					- 84.6 * ((double) this.syllables / this.words);
		}

	}

	static Counts count(String text) {
		String plain = text.replaceAll("\\{\\d+}", "");
		int words = 0;
		int syllables = 0;
		Matcher word = WORD.matcher(plain);
		while (word.find()) {
			words++;
			syllables += syllables(word.group());
		}
		int sentences = 0;
		Matcher end = SENTENCE_END.matcher(plain.strip());
		while (end.find()) {
			sentences++;
		}
		// A label or a sentence without its full stop is still one sentence.
		if (!plain.strip().matches("(?s).*[.!?:]$") && words > 0) {
			sentences++;
		}
		return new Counts(Math.max(sentences, 1), words, syllables);
	}

	static double ease(String text) {
		return count(text).ease();
	}

	static int syllables(String word) {
		String w = word.toLowerCase(Locale.ROOT).replace("'", "");
		if (w.length() <= 3) {
			return 1;
		}
		// A silent final e (make, home), but not -le after a consonant (table, simple).
		if (w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee") && !w.endsWith("ye")) {
			w = w.substring(0, w.length() - 1);
		}
		else if (w.endsWith("es") || w.endsWith("ed")) {
			// -es and -ed are silent after most letters (makes, lived), but not after
			// t, d, s, x, z, c, g (started, needed, passes, changes).
			char before = w.charAt(w.length() - 3);
			if ("tdsxzcg".indexOf(before) < 0) {
				w = w.substring(0, w.length() - 2);
			}
		}
		int count = 0;
		Matcher vowels = VOWELS.matcher(w);
		while (vowels.find()) {
			count++;
		}
		return Math.max(count, 1);
	}

}
