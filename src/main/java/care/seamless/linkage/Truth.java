package care.seamless.linkage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where the answer key for an evaluation comes from. It is read beside the records, never
 * into them.
 *
 * @param kind none, FEBRL record ids, or a named column
 * @param column the truth column when {@code kind} is {@link Kind#COLUMN}
 */
public record Truth(Kind kind, @Nullable String column) {

	private static final Pattern FEBRL_ID = Pattern.compile("rec-(\\d+)-(?:org|dup-\\d+)");

	public enum Kind {

		NONE, FEBRL, COLUMN

	}

	public static Truth none() {
		return new Truth(Kind.NONE, null);
	}

	public static Truth febrl() {
		return new Truth(Kind.FEBRL, null);
	}

	public static Truth column(String column) {
		return new Truth(Kind.COLUMN, column.trim());
	}

	boolean isNone() {
		return kind == Kind.NONE;
	}

	String key(String id, String columnValue) {
		return switch (kind) {
			case NONE -> "";
			case COLUMN -> columnValue;
			case FEBRL -> {
				Matcher matcher = FEBRL_ID.matcher(id);
				if (!matcher.matches()) {
					throw new IllegalArgumentException("Not a FEBRL record id: " + id);
				}
				yield matcher.group(1);
			}
		};
	}

}
