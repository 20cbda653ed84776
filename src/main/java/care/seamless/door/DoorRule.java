package care.seamless.door;

/**
 * A rule of the person's door broken by what was typed, shown beside its field; the
 * message is a message key, so people read it in plain English.
 */
public class DoorRule extends RuntimeException {

	private final String field;

	public DoorRule(String field, String messageKey) {
		super(messageKey);
		this.field = field;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return getMessage();
	}

}
