package care.seamless.shared;

/**
 * What an account may do, independent of the profession of the practitioner behind it.
 */
public enum Role {

	PRACTITIONER, TEAM_MANAGER, CALDICOTT_GUARDIAN, ADMINISTRATOR;

	public String authority() {
		return "ROLE_" + name();
	}

}
