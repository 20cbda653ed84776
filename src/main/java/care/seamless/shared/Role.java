package care.seamless.shared;

/**
 * What an account may do, independent of the profession of the practitioner behind it.
 */
public enum Role {

	PRACTITIONER, TEAM_MANAGER, CALDICOTT_GUARDIAN, ADMINISTRATOR,

	/**
	 * Commissions services for the partnership and keeps its register and pooled funds:
	 * sees aggregates, and no person's record without a relationship like anyone else.
	 */
	COMMISSIONER,

	/**
	 * Sits on a partnership board: reads the register, the results and the aggregates.
	 */
	BOARD_MEMBER,

	/**
	 * A person who uses services, or their carer, advocate or attorney, signed in with
	 * their own kind of account (never a staff account): what they may see is decided by
	 * what they are recorded to act for, not by a care team.
	 */
	PERSON;

	/** The roles a staff account may hold; {@link #PERSON} is never one of them. */
	public static java.util.List<Role> staff() {
		return java.util.List.of(PRACTITIONER, TEAM_MANAGER, CALDICOTT_GUARDIAN, ADMINISTRATOR, COMMISSIONER,
				BOARD_MEMBER);
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
