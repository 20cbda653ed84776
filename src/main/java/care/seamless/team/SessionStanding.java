package care.seamless.team;

/**
 * What each request checks about the signed-in account, read fresh from the database.
 */
public record SessionStanding(boolean enabled, long sessionEpoch, boolean mustChangePassword) {

	/** Whether a session begun at this epoch may go on. */
	public boolean allows(long epochAtSignIn) {
		return enabled && sessionEpoch == epochAtSignIn;
	}

}
