package care.seamless.team;

/**
 * A new second-factor secret, shown once while it is set up: as text to type into an
 * authenticator app, and as the otpauth address some apps accept.
 */
public record SecondFactorSetup(String secret, String address) {

	/** The secret in groups of four, easier to type. */
	public String grouped() {
		return secret.replaceAll("(.{4})(?!$)", "$1 ");
	}

}
