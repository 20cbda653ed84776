package care.seamless.assessment.instrument;

import java.util.List;

/**
 * A definition file that cannot be used. Every problem found is listed, each naming the
 * file and the JSON path, so an author can fix them all at once.
 */
public class InvalidInstrumentException extends RuntimeException {

	private final List<String> errors;

	public InvalidInstrumentException(String source, List<String> errors) {
		super("Instrument definition " + source + " is not valid:\n  " + String.join("\n  ", errors));
		this.errors = List.copyOf(errors);
	}

	public List<String> errors() {
		return this.errors;
	}

}
