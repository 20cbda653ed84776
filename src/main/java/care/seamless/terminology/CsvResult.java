package care.seamless.terminology;

import java.util.List;

/**
 * What reading a vocabulary file found: the concepts on good lines and the errors on bad
 * ones. Callers that change the vocabulary must refuse the whole file when there is any
 * error, so a partner never ends up with half a list.
 */
public record CsvResult(List<Concept> concepts, List<CsvError> errors) {

	public CsvResult {
		concepts = List.copyOf(concepts);
		errors = List.copyOf(errors);
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

}
