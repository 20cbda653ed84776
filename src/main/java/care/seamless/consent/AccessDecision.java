package care.seamless.consent;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one access question, with the policy that decided it and the reason
 * people see and the audit log keeps. {@code override} is true when the outcome rests on
 * a break-glass override.
 */
public record AccessDecision(Outcome outcome, String policy, String reason, @Nullable WithheldReason withheld,
		boolean override) {

	public enum Outcome {

		PERMIT, PERMIT_REDACTED, DENY

	}

	static AccessDecision permit(String policy, String reason) {
		return new AccessDecision(Outcome.PERMIT, policy, reason, null, false);
	}

	static AccessDecision deny(String policy, String reason) {
		return new AccessDecision(Outcome.DENY, policy, reason, null, false);
	}

	static AccessDecision withheld(WithheldReason why) {
		return new AccessDecision(Outcome.DENY, why.policy(), why.note(), why, false);
	}

	static AccessDecision byOverride(String reason) {
		return new AccessDecision(Outcome.PERMIT, "override", reason, null, true);
	}

	public boolean permitted() {
		return outcome != Outcome.DENY;
	}

}
