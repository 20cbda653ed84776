package care.seamless.shared;

/**
 * One broken rule of a change, with the form field its message belongs to (the name of
 * the value in the command, for example {@code targetDate}); the API lists them in
 * {@code errors}, a page puts each beside its field and in the error summary.
 */
public record Violation(String field, String message) {
}
