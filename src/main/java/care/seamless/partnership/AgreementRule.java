package care.seamless.partnership;

/** An agreement that would not make sense, naming the form field it concerns. */
public class AgreementRule extends RuntimeException {

	private final String field;

	public AgreementRule(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
