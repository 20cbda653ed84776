package care.seamless.team;

/**
 * What each request checks about the signed-in account, read fresh from the database:
 * whether the session may go on at all, and whether it must first choose a new password
 * or give a second-factor code.
 */
public record SessionStanding(boolean enabled, long sessionEpoch, boolean mustChangePassword, boolean secondFactor) {

	/** Whether a session begun at this epoch may go on. */
	public boolean allows(long epochAtSignIn) {
		return enabled && sessionEpoch == epochAtSignIn;
	}

}
