package care.seamless.shared;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A column of rows as one SQL array parameter ({@code cast(:name as text[])}). Spring
 * spells a list out as one parameter per element, so a statement fed lists is a new text
 * for PostgreSQL at every number of rows; an array keeps one text, parsed and planned
 * once per connection (ADRs 85 and 129).
 */
public final class ArrayParameters {

	private ArrayParameters() {
	}

	/** Each row's value as text, in the rows' order; a null stays null. */
	public static <T> @Nullable String[] texts(List<T> rows, Function<T, @Nullable String> value) {
		@Nullable String[] column = new String[rows.size()];
		for (int i = 0; i < column.length; i++) {
			column[i] = value.apply(rows.get(i));
		}
		return column;
	}

}
