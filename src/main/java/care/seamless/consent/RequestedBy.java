package care.seamless.consent;

/**
 * On whose authority a choice is changed: the person, someone with legal authority to act
 * for them, or a recorded best-interests decision. Nobody else may change it.
 */
public enum RequestedBy {

	PERSON, ATTORNEY, DEPUTY, BEST_INTERESTS;

	boolean actsForThePerson() {
		return this == ATTORNEY || this == DEPUTY;
	}

}
