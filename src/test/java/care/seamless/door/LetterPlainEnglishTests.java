package care.seamless.door;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The letters the person is sent (the decision on their care and support) are plain
 * English by the same measure as their own pages ({@link PlainEnglishTests}). A letter
 * may use the words of the decision itself ("eligible", "Care Act"), so only the reading
 * ease is held here, not the vocabulary list. Kept beside {@code ReadingEase} so the one
 * measure serves both.
 */
class LetterPlainEnglishTests {

	private static final double PLAIN = 60;

	private static final int SCORED_FROM_WORDS = 12;

	@Test
	void everySentenceOfALetterIsPlainEnglish() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("messages/eligibility.properties")) {
			assertThat(in).isNotNull();
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		List<String> failures = new ArrayList<>();
		ReadingEase.Counts all = new ReadingEase.Counts(0, 0, 0);
		int letters = 0;
		for (String key : messages.stringPropertyNames()) {
			if (!key.startsWith("letter.")) {
				continue;
			}
			letters++;
			// A choice pattern's parts are words only once a number picks one.
			String text = messages.getProperty(key).replaceAll("\\{\\d+,choice,(?:[^{}]|\\{[^}]*})*}", "some things");
			ReadingEase.Counts counts = ReadingEase.count(text);
			all = all.plus(counts);
			if (counts.words() >= SCORED_FROM_WORDS && counts.ease() < PLAIN) {
				failures.add(String.format(Locale.ROOT, "%s scores %.0f: %s", key, counts.ease(), text));
			}
		}
		assertThat(letters).as("letter messages").isGreaterThan(40);
		assertThat(failures).as("letter sentences that are not plain English").isEmpty();
		assertThat(all.ease()).as("reading ease of the letters together").isGreaterThanOrEqualTo(PLAIN);
	}

}
