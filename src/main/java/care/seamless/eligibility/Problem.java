package care.seamless.eligibility;

/**
 * Something wrong with the recorded facts, named by the form field it belongs to, in
 * words a practitioner can act on.
 */
public record Problem(String field, String message) {
}
