package care.seamless.team;

/**
 * Sign-in through an organisation's identity provider was refused, for a reason safe to
 * show the person who tried: they have already proved who they are to their own
 * organisation.
 */
public class ExternalSignInRefused extends RuntimeException {

	/** Why, as a stable code for pages and API answers. */
	public enum Reason {

		/** No Seamless account is linked to this identity. */
		NOT_LINKED,
		/** The linked account is disabled. */
		DISABLED

	}

	private final Reason reason;

	ExternalSignInRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
