package care.seamless.funding;

import java.util.List;

import care.seamless.shared.Violation;

/**
 * A change to a budget, a direct payment or an approval that breaks one or more rules.
 * Each violation names its form field, so a form shows every problem at once; nothing is
 * saved.
 */
public class BudgetRule extends RuntimeException {

	private final List<Violation> violations;

	public BudgetRule(String field, String message) {
		this(List.of(new Violation(field, message)));
	}

	public BudgetRule(List<Violation> violations) {
		super(violations.get(0).message());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}

}
