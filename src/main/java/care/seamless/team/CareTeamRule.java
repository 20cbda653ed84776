package care.seamless.team;

import org.jspecify.annotations.Nullable;

/**
 * A care-team change that would break a rule, e.g. leaving a person without a lead
 * professional; {@code field} names the form field to show it on, when there is one.
 */
public class CareTeamRule extends RuntimeException {

	private final @Nullable String field;

	public CareTeamRule(String message) {
		this(null, message);
	}

	public CareTeamRule(@Nullable String field, String message) {
		super(message);
		this.field = field;
	}

	public @Nullable String field() {
		return field;
	}

}
