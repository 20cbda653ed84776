package care.seamless.discharge;

import java.util.ArrayList;
import java.util.List;

/**
 * A change that would break one or more discharge rules (a discharge before the
 * admission, a date in the future, a notice the rule set does not have). Each violation
 * names its form field, so a form shows every problem at once; nothing is saved.
 */
public class DischargeRule extends RuntimeException {

	private final List<Violation> violations;

	public DischargeRule(String field, String message) {
		this(List.of(new Violation(field, message)));
	}

	public DischargeRule(List<Violation> violations) {
		super(violations.get(0).message());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}

	/** One broken rule and the field it belongs to. */
	public record Violation(String field, String message) {
	}

	/** Gathers every broken rule of one change before refusing it. */
	static final class Collector {

		private final List<Violation> found = new ArrayList<>();

		void add(String field, String message) {
			found.add(new Violation(field, message));
		}

		boolean has(String field) {
			return found.stream().anyMatch(v -> v.field().equals(field));
		}

		List<Violation> found() {
			return List.copyOf(found);
		}

		void refuseIfAny() {
			if (!found.isEmpty()) {
				throw new DischargeRule(found);
			}
		}

	}

}
