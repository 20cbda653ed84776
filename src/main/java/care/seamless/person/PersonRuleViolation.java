package care.seamless.person;

/**
 * A person change that breaks a rule, naming the form field it concerns so the form can
 * show it there.
 */
public class PersonRuleViolation extends RuntimeException {

	private final String field;

	private final care.seamless.shared.ErrorCode code;

	public PersonRuleViolation(String field, care.seamless.shared.ErrorCode code, String message) {
		super(message);
		this.field = field;
		this.code = code;
	}

	public String field() {
		return field;
	}

	public care.seamless.shared.ErrorCode code() {
		return code;
	}

}
