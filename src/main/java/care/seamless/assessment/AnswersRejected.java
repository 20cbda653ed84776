package care.seamless.assessment;

import java.util.Map;

/**
 * Some answers of a section could not be accepted; nothing of the section was saved.
 *
 * @param errors message for each question id (or {@code source}) that was refused
 */
public class AnswersRejected extends RuntimeException {

	private final Map<String, String> errors;

	public AnswersRejected(Map<String, String> errors) {
		super("Answers refused: " + errors.keySet());
		this.errors = Map.copyOf(errors);
	}

	public Map<String, String> errors() {
		return this.errors;
	}

}
