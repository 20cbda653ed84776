package care.seamless.consent;

import java.util.List;

import care.seamless.shared.Violation;

/**
 * A choice, assessment or override that breaks one or more rules, each naming the form
 * field it concerns, so a form can show every problem at once.
 */
public class ConsentRule extends RuntimeException {

	private final List<Violation> violations;

	public ConsentRule(String field, String message) {
		this(List.of(new Violation(field, message)));
	}

	public ConsentRule(List<Violation> violations) {
		super(violations.get(0).message());
		this.violations = List.copyOf(violations);
	}

	/** The field of the first violation. */
	public String field() {
		return violations.get(0).field();
	}

	public List<Violation> violations() {
		return violations;
	}

}
