package care.seamless.terminology;

/**
 * A problem with one line of an imported vocabulary, precise enough for a partner to fix
 * the file.
 *
 * @param line the line in the file, counting the header as line 1
 * @param column the column at fault, or empty when the whole line is
 */
public record CsvError(int line, String column, String message) implements java.io.Serializable {

	@Override
	public String toString() {
		return "Line " + this.line + (this.column.isEmpty() ? "" : ", column " + this.column) + ": " + this.message;
	}

}
