package care.seamless.linkage;

/**
 * Only team managers, Caldicott guardians and administrators may review matches, link or
 * unlink records.
 */
public class NotAuthorisedToDecide extends RuntimeException {

	public NotAuthorisedToDecide() {
		super("Only a team manager, Caldicott guardian or administrator may review matches");
	}

}
