package care.seamless.door;

import java.util.List;

import care.seamless.shared.Violation;

/**
 * Every rule of the person's door broken by one form, at once; each message is a message
 * key, so it is read in plain English beside its field. Nothing is saved.
 */
public class DoorRules extends RuntimeException {

	private final List<Violation> violations;

	public DoorRules(List<Violation> violations) {
		super(violations.toString());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}

}
