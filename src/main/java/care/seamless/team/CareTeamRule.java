package care.seamless.team;

/**
 * A care-team change that would break a rule, e.g. leaving a person without a lead
 * professional.
 */
public class CareTeamRule extends RuntimeException {

	public CareTeamRule(String message) {
		super(message);
	}

}
