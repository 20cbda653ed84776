package care.seamless.referral;

/**
 * A step that the referral's current state, or the actor's place, does not allow (accept
 * a withdrawn referral, acknowledge it twice, act for a team one is not in): a conflict
 * with the referral as it now is.
 */
public class StepNotAllowed extends RuntimeException {

	public StepNotAllowed(String message) {
		super(message);
	}

}
