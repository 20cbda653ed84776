package care.seamless.door;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped assessment forms speak to each reader in their own way: what the person and
 * their carer read ({@code plainText}, which is also the practitioner's "You could ask")
 * is a short, plain question or label with no codes or professional words; what the
 * practitioner reads ({@code text}) is a prompt to record something, never a question put
 * to the person.
 */
class InstrumentPlainWordsTests {

	private static final List<String> SHIPPED = List.of("sap-contact", "sap-overview", "carers-assessment",
			"ot-home-assessment", "falls-nursing-assessment", "mental-health-assessment");

	/** Words a person is not expected to know, and the codes of the classifications. */
	private static final List<Pattern> JARGON = List.of(word("ICF"), word("SAP"), word("domains?"), word("eligib\\w*"),
			word("safeguarding"), word("continence"), word("vestibular"), word("postural"), word("impairment"),
			word("formulation"), word("clinical"), word("referrals?"), word("unaided"), word("deteriorat\\w*"),
			word("economic"), word("sedatives?"), Pattern.compile("\\b[bdes]\\d{3,5}\\b"), Pattern.compile("\\("));

	private static Pattern word(String regex) {
		return Pattern.compile("\\b" + regex + "\\b", Pattern.CASE_INSENSITIVE);
	}

	/**
	 * Each question's two wordings, read from the file's text rather than through a JSON
	 * library: the shipped files keep "text" and "plainText" on consecutive lines and
	 * hold no escaped characters, and this keeps the test free of any start-up cost.
	 */
	private static final Pattern QUESTION = Pattern
		.compile("\"id\": \"([^\"]+)\",\\s*\"text\": \"([^\"]+)\",\\s*\"plainText\": \"([^\"]+)\"");

	@Test
	void everyQuestionThePersonReadsIsPlainAndEveryPromptSaysWhatToRecord() throws IOException {
		List<String> failures = new ArrayList<>();
		int questions = 0;
		for (String instrument : SHIPPED) {
			String file = read(instrument);
			assertThat(file).doesNotContain("\\");
			Matcher question = QUESTION.matcher(file);
			while (question.find()) {
				questions++;
				String where = instrument + "/" + question.group(1);
				String prompt = question.group(2);
				String plain = question.group(3);
				for (Pattern jargon : JARGON) {
					if (jargon.matcher(plain).find()) {
						failures.add(where + " asks the person with \"" + jargon.pattern() + "\": " + plain);
					}
				}
				if (ReadingEase.count(plain).words() >= 12 && ReadingEase.ease(plain) < 60) {
					failures
						.add(String.format(Locale.ROOT, "%s scores %.0f: %s", where, ReadingEase.ease(plain), plain));
				}
				if (prompt.strip().endsWith("?") || word("you(r)?").matcher(prompt).find()) {
					failures.add(where + " puts the practitioner's prompt as a question to the person: " + prompt);
				}
			}
			assertThat(questions).as(instrument + " read").isPositive();
		}
		assertThat(questions).as("questions read").isEqualTo(162);
		assertThat(failures).as("wording for the wrong reader").isEmpty();
	}

	private static String read(String instrument) throws IOException {
		try (InputStream in = InstrumentPlainWordsTests.class.getClassLoader()
			.getResourceAsStream("instruments/" + instrument + ".json")) {
			assertThat(in).as(instrument).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
