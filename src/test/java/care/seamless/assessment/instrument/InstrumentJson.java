package care.seamless.assessment.instrument;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Small definitions for tests, built from a template so each test changes only the part
 * it is about.
 */
final class InstrumentJson {

	private InstrumentJson() {
	}

	static String definition(String id, int version, String professions, String questions) {
		return """
				{
				  "id": "%s", "version": %d, "title": "Test instrument", "stage": "specialist",
				  "sections": [
				    { "id": "first", "title": "First", "sapDomain": "personal-care", "category": "general",
				      "professions": %s, "questions": [ %s ] }
				  ]
				}
				""".formatted(id, version, professions, questions);
	}

	static String withQuestions(String questions) {
		return definition("test-instrument", 1, "\"any\"", questions);
	}

	static InputStream stream(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

	static final String WASHING = """
			{ "id": "washing", "text": "Washing", "plainText": "Washing yourself", "type": "coded",
			  "options": ["d510", "SEAM-SVC-01"], "reuseKey": "test.washing" }""";

}
