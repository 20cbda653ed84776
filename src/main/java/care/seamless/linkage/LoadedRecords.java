package care.seamless.linkage;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Records read from a file, with the ground-truth key of each record kept apart so that
 * it can never reach the matcher. {@code truth} is null when no truth was asked for.
 */
public record LoadedRecords(List<Record> records, @Nullable List<String> truth) {

}
