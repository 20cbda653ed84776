package care.seamless.training;

import java.util.List;

import care.seamless.shared.Violation;

/**
 * A training change that breaks one or more rules, each naming its form field so the form
 * shows every problem at once; nothing is saved.
 */
public class TrainingRule extends RuntimeException {

	private final List<Violation> violations;

	public TrainingRule(List<Violation> violations) {
		super(violations.get(0).message());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}

}
