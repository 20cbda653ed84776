package care.seamless.careplan;

/**
 * A change that would break a rule of the plan (an objective without a measure, an action
 * without an owner, an owner outside the care team). {@code field} names the form field
 * the message belongs to; nothing is saved.
 */
public class CarePlanRule extends RuntimeException {

	private final String field;

	public CarePlanRule(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
