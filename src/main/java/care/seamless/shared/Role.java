package care.seamless.shared;

/**
 * What an account may do, independent of the profession of the practitioner behind it.
 */
public enum Role {

	PRACTITIONER, TEAM_MANAGER, CALDICOTT_GUARDIAN, ADMINISTRATOR,

	/**
	 * A person who uses services, or their carer, advocate or attorney, signed in with
	 * their own kind of account (never a staff account): what they may see is decided by
	 * what they are recorded to act for, not by a care team.
	 */
	PERSON;

	/** The roles a staff account may hold; {@link #PERSON} is never one of them. */
	public static java.util.List<Role> staff() {
		return java.util.List.of(PRACTITIONER, TEAM_MANAGER, CALDICOTT_GUARDIAN, ADMINISTRATOR);
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
