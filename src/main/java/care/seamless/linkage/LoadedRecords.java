package care.seamless.linkage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Records read from a file, with the ground-truth key of each record kept apart so that
 * it can never reach the matcher. {@code truth} is null when no truth was asked for.
 * {@code unusedColumns} names the headers neither recognised nor mapped, so that the user
 * can map them with {@code --columns}.
 */
public record LoadedRecords(List<Record> records, @Nullable List<String> truth, List<String> unusedColumns) {

	public LoadedRecords(List<Record> records, @Nullable List<String> truth) {
		this(records, truth, List.of());
	}

	/** A plain-English note naming the columns not used, or empty when all are used. */
	public String unusedColumnsMessage() {
		if (unusedColumns.isEmpty()) {
			return "";
		}
		return "Columns not used for matching: " + String.join(", ", unusedColumns)
				+ ". To use one, name its role with --columns role=header (roles: "
				+ Arrays.stream(Role.values())
					.map(role -> role.name().toLowerCase(Locale.ROOT))
					.collect(Collectors.joining(", "))
				+ ").";
	}

}
