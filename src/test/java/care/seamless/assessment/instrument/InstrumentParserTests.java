package care.seamless.assessment.instrument;

import care.seamless.shared.Profession;
import care.seamless.terminology.Terminology;
import org.junit.jupiter.api.Test;

import static care.seamless.assessment.instrument.InstrumentJson.WASHING;
import static care.seamless.assessment.instrument.InstrumentJson.definition;
import static care.seamless.assessment.instrument.InstrumentJson.stream;
import static care.seamless.assessment.instrument.InstrumentJson.withQuestions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InstrumentParserTests {

	private final InstrumentParser parser = new InstrumentParser(Terminology.starterVocabulary());

	@Test
	void readsAValidDefinition() {
		Instrument instrument = parse(definition("test-instrument", 2, "[\"physiotherapist\"]", WASHING));
		assertThat(instrument.version()).isEqualTo(2);
		Section section = instrument.sections().get(0);
		assertThat(section.mayBeCompletedBy(Profession.PHYSIOTHERAPIST)).isTrue();
		assertThat(section.mayBeCompletedBy(Profession.SOCIAL_WORKER)).isFalse();
		assertThat(instrument.question("washing").orElseThrow().options()).containsExactly("d510", "SEAM-SVC-01");
	}

	@Test
	void rejectsAnUnknownCodeNamingTheFileAndPath() {
		String json = withQuestions(WASHING.replace("SEAM-SVC-01", "SEAM-NOPE"));
		assertThat(errorsOf(json)).containsExactly(
				"test.json: $.sections[0].questions[0].options[1]: unknown concept code 'SEAM-NOPE' (not in the common language)");
	}

	@Test
	void rejectsADuplicateQuestionId() {
		assertThat(errorsOf(withQuestions(WASHING + ", " + WASHING)))
			.containsExactly("test.json: $.sections[0].questions[1].id: duplicate question id 'washing'");
	}

	@Test
	void rejectsAnUnknownProfession() {
		assertThat(errorsOf(definition("test-instrument", 1, "[\"gp\", \"wizard\"]", WASHING))).singleElement()
			.asString()
			.startsWith("test.json: $.sections[0].professions[1]: unknown profession 'wizard'");
	}

	@Test
	void rejectsAnUnknownCategory() {
		String json = withQuestions(WASHING).replace("\"general\"", "\"gossip\"");
		assertThat(errorsOf(json)).singleElement()
			.asString()
			.startsWith("test.json: $.sections[0].category: unknown category 'gossip'");
	}

	@Test
	void keepsThePersonsOwnWordsSectionToText() {
		String json = withQuestions(WASHING).replace("\"category\"", "\"personsOwnWords\": true, \"category\"");
		assertThat(errorsOf(json)).containsExactly(
				"test.json: $.sections[0].questions[0].type: a section in the person's own words may hold only text questions");
	}

	@Test
	void rejectsMisspeltFieldsSoTheyAreNotSilentlyIgnored() {
		String json = withQuestions(WASHING.replace("\"reuseKey\"", "\"reusekey\""));
		assertThat(errorsOf(json)).singleElement()
			.asString()
			.startsWith("test.json: $.sections[0].questions[0].reusekey: unknown field");
	}

	@Test
	void rejectsOptionsOnAnUncodedQuestionAndBoundsOnANonInteger() {
		String json = withQuestions(
				"""
						{ "id": "note", "text": "Note", "plainText": "Note", "type": "text", "options": ["d510"], "max": 3 }""");
		assertThat(errorsOf(json)).containsExactly(
				"test.json: $.sections[0].questions[0].options: only coded questions have options",
				"test.json: $.sections[0].questions[0].max: only integer questions have max");
	}

	@Test
	void reportsEveryProblemAtOnce() {
		String json = definition("Bad Id", 0, "[\"wizard\"]", WASHING.replace("d510", "x"));
		assertThat(errorsOf(json)).hasSize(4);
	}

	@Test
	void reportsMalformedJson() {
		assertThat(errorsOf("{ \"id\": ")).singleElement().asString().startsWith("test.json: not valid JSON");
	}

	@Test
	void namesTheLineAndColumnOfAValueOfTheWrongType() {
		String json = withQuestions(
				WASHING.replace("\"type\": \"coded\",", "\"type\": \"coded\", \"required\": \"yes\","));
		assertThat(errorsOf(json)).singleElement()
			.asString()
			.matches(
					"test\\.json: \\$\\.sections\\[0]\\.questions\\[0]\\.required: must be true or false \\(line \\d+, column \\d+\\)");
		assertThat(errorsOf(
				definition("test-instrument", 1, "\"any\"", WASHING).replace("\"version\": 1", "\"version\": \"1\"")))
			.singleElement()
			.asString()
			.startsWith("test.json: $.version: must be a whole number (line ");
		assertThat(errorsOf(withQuestions(WASHING.replace("\"text\": \"", "\"text\": 7, \"x\": \"")))).singleElement()
			.asString()
			.startsWith("test.json: $.sections[0].questions[0].text: must be a string (line ");
	}

	@Test
	void refusesControlCharactersInAnyTextWithWhereTheyAre() {
		String json = withQuestions(WASHING.replace("\"text\": \"", "\"text\": \"\\u0000"));
		assertThat(errorsOf(json)).singleElement()
			.asString()
			.startsWith("test.json: $.sections[0].questions[0].text: contains a control character")
			.contains("(line ");
		assertThat(errorsOf(withQuestions(WASHING.replace("\"text\": \"", "\"text\": \"\u0000")))).singleElement()
			.asString()
			.startsWith("test.json: not valid JSON (line ");
		assertThat(errorsOf(withQuestions(WASHING) + " {}")).singleElement()
			.asString()
			.startsWith("test.json: not valid JSON");
	}

	private Instrument parse(String json) {
		return this.parser.parse(stream(json), "test.json");
	}

	private java.util.List<String> errorsOf(String json) {
		return assertThatExceptionOfType(InvalidInstrumentException.class).isThrownBy(() -> parse(json))
			.actual()
			.errors();
	}

}
