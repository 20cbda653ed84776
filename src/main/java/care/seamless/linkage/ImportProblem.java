package care.seamless.linkage;

import org.jspecify.annotations.Nullable;

/**
 * Why one line of an import cannot be registered.
 *
 * @param line the line in the source, 1 being the header of a CSV file
 * @param field the field at fault (a column role such as {@code date_of_birth}, or the
 * registration field), null for a problem with the whole file
 * @param messageKey the message explaining the problem; it takes the line as argument {0}
 */
public record ImportProblem(int line, @Nullable String field, String messageKey) {

}
