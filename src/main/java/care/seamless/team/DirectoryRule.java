package care.seamless.team;

/** A directory change that breaks a rule, naming the form field it concerns. */
public class DirectoryRule extends RuntimeException {

	private final String field;

	public DirectoryRule(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
