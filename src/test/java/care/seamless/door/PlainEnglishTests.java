package care.seamless.door;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Everything a person or carer reads on their own pages, and in their copy of the plan,
 * is plain English: Flesch reading ease of at least 60 for the whole set and for each
 * message long enough to score, and none of the professional vocabulary.
 */
class PlainEnglishTests {

	private static final double PLAIN = 60;

	/**
	 * Below this, a message is a label or a button, and a score says nothing about it.
	 */
	private static final int SCORED_FROM_WORDS = 12;

	/**
	 * Words from the professional vocabulary that the common language already has plain
	 * words for: ICF and SAP are the classifications behind the assessment, a "domain" is
	 * an area of life, eligibility criteria and safeguarding are legal terms a person is
	 * not expected to know, dissent and objection are the consent model's names for "no",
	 * and a code such as d510 is an ICF category (say "washing yourself" instead).
	 */
	private static final List<Pattern> JARGON = List.of(word("ICF"), word("SAP"), word("domains?"),
			word("eligibility criteria"), word("eligib\\w*"), word("safeguarding"), word("Caldicott"), word("dissent"),
			word("consent"), word("data subject"), word("practitioners?"), word("multi-agency"),
			Pattern.compile("\\b[bdes]\\d{3,5}\\b"));

	private static Pattern word(String regex) {
		return Pattern.compile("\\b" + regex + "\\b", Pattern.CASE_INSENSITIVE);
	}

	@Test
	void theSyllableHeuristicCountsCommonWordsRight() {
		Map<String, Integer> known = Map.ofEntries(Map.entry("cat", 1), Map.entry("care", 1), Map.entry("home", 1),
				Map.entry("makes", 1), Map.entry("lived", 1), Map.entry("water", 2), Map.entry("table", 2),
				Map.entry("people", 2), Map.entry("started", 2), Map.entry("changes", 2), Map.entry("agreed", 2),
				Map.entry("beautiful", 3), Map.entry("information", 4), Map.entry("organisation", 5));
		known.forEach((word, syllables) -> assertThat(ReadingEase.syllables(word)).as(word).isEqualTo(syllables));
	}

	@Test
	void readingEaseMatchesTheFleschFormulaOnKnownSentences() {
		// 6 words, 6 syllables, 1 sentence: the textbook example, 116.1.
		assertThat(ReadingEase.count("The cat sat on the mat.")).isEqualTo(new ReadingEase.Counts(1, 6, 6));
		assertThat(ReadingEase.ease("The cat sat on the mat.")).isCloseTo(116.1, within(0.1));
		// Two sentences; placeholders are not words.
		assertThat(ReadingEase.count("Your plan is for {0}. We will look at it again.").sentences()).isEqualTo(2);
		assertThat(ReadingEase.count("Your plan is for {0}. We will look at it again.").words()).isEqualTo(10);
		// Long words in one long sentence score low, as a professional letter does.
		assertThat(ReadingEase.ease("The multidisciplinary assessment determined eligibility under the statutory "
				+ "national criteria following consideration of documentation."))
			.isLessThan(0);
	}

	@Test
	void everyMessageAPersonReadsIsPlainEnglish() throws IOException {
		Map<String, String> messages = personFacing();
		assertThat(messages).hasSizeGreaterThan(100);
		List<String> failures = new ArrayList<>();
		ReadingEase.Counts all = new ReadingEase.Counts(0, 0, 0);
		for (Map.Entry<String, String> message : messages.entrySet()) {
			ReadingEase.Counts counts = ReadingEase.count(message.getValue());
			all = all.plus(counts);
			if (counts.words() >= SCORED_FROM_WORDS && counts.ease() < PLAIN) {
				failures.add(String.format(Locale.ROOT, "%s scores %.0f: %s", message.getKey(), counts.ease(),
						message.getValue()));
			}
			for (Pattern jargon : JARGON) {
				if (jargon.matcher(message.getValue()).find()) {
					failures.add(message.getKey() + " uses \"" + jargon.pattern() + "\": " + message.getValue());
				}
			}
		}
		assertThat(failures).as("messages that are not plain English").isEmpty();
		assertThat(all.ease()).as("reading ease of all the person's messages together").isGreaterThanOrEqualTo(PLAIN);
	}

	private static Map<String, String> personFacing() throws IOException {
		Map<String, String> messages = new TreeMap<>();
		load("messages/door.properties").forEach((key, value) -> messages.put((String) key, (String) value));
		load("messages/careplan.properties").forEach((key, value) -> {
			if (((String) key).startsWith("copy.")) {
				messages.put((String) key, (String) value);
			}
		});
		// Who pays, as the person reads it on their plan at the door.
		load("messages/funding.properties").forEach((key, value) -> {
			if (((String) key).startsWith("funding.person.")) {
				messages.put((String) key, (String) value);
			}
		});
		return messages;
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = PlainEnglishTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
