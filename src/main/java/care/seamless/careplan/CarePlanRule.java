package care.seamless.careplan;

import java.util.List;

import care.seamless.shared.Violation;

/**
 * A change that would break one or more rules of the plan (an objective without a
 * measure, an action without an owner, an owner outside the care team). Each violation
 * names the form field its message belongs to, so a form can show every problem at once;
 * nothing is saved. Rules are gathered with {@link care.seamless.shared.Violations}.
 */
public class CarePlanRule extends RuntimeException {

	private final List<Violation> violations;

	public CarePlanRule(String field, String message) {
		this(List.of(new Violation(field, message)));
	}

	public CarePlanRule(List<Violation> violations) {
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
