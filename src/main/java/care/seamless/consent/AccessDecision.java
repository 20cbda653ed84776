package care.seamless.consent;

/**
 * The outcome of one access question, with the reason people see and the audit log keeps.
 */
public record AccessDecision(Outcome outcome, String policy, String reason) {

	public enum Outcome {

		PERMIT, PERMIT_REDACTED, DENY

	}

	public static AccessDecision permit(String policy, String reason) {
		return new AccessDecision(Outcome.PERMIT, policy, reason);
	}

	public static AccessDecision deny(String policy, String reason) {
		return new AccessDecision(Outcome.DENY, policy, reason);
	}

	public boolean permitted() {
		return outcome != Outcome.DENY;
	}

}
