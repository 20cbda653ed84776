package care.seamless.terminology;

import java.util.List;

/**
 * The outcome of importing a partner's vocabulary: how many concepts were new, how many
 * replaced existing ones with the same code, and the errors that stopped the import (when
 * there are any, nothing was imported).
 */
public record ImportResult(int added, int replaced, List<CsvError> errors) implements java.io.Serializable {

	public ImportResult {
		errors = List.copyOf(errors);
	}

	static ImportResult refused(List<CsvError> errors) {
		return new ImportResult(0, 0, errors);
	}

	public boolean succeeded() {
		return this.errors.isEmpty();
	}

}
