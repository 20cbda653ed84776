package care.seamless.linkage;

/**
 * Why one line of an import cannot be registered.
 *
 * @param line the line in the source, 1 being the header of a CSV file
 * @param messageKey the message explaining the problem; it takes the line as argument {0}
 */
public record ImportProblem(int line, String messageKey) {

}
