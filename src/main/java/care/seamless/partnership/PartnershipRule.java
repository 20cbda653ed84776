package care.seamless.partnership;

import java.util.List;

import care.seamless.shared.Violation;

/**
 * A partnership change that breaks one or more rules, each naming its form field so a
 * form shows every problem at once; nothing is saved.
 */
public class PartnershipRule extends RuntimeException {

	private final List<Violation> violations;

	public PartnershipRule(List<Violation> violations) {
		super(violations.get(0).message());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}

}
