package care.seamless.eligibility;

/**
 * One condition of the test, whether it is met, and why, in the practitioner's terms.
 */
public record ConditionResult(int number, String title, boolean met, String reason) {
}
