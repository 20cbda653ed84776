package care.seamless.assessment;

/**
 * What is already known in answer to a question, from any assessment the viewer may see.
 * A stale answer is shown to be checked again, not filled in.
 */
public record Prefill(Answer known, long ageInDays, boolean stale) {
}
