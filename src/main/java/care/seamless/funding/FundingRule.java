package care.seamless.funding;

import java.util.List;

import care.seamless.shared.Violation;

/**
 * A change that would break one or more funding rules (a negative amount, a joint route
 * whose shares do not make 100%, a rate year that does not exist). Each violation names
 * its form field, so a form shows every problem at once; nothing is saved.
 */
public class FundingRule extends RuntimeException {

	private final List<Violation> violations;

	public FundingRule(String field, String message) {
		this(List.of(new Violation(field, message)));
	}

	public FundingRule(List<Violation> violations) {
		super(violations.get(0).message());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}

}
