package care.seamless.consent;

/**
 * A choice, assessment or override that breaks a rule, naming the form field it concerns.
 */
public class ConsentRule extends RuntimeException {

	private final String field;

	public ConsentRule(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
