package care.seamless.careplan;

import java.util.List;

/**
 * A change that would break one or more rules of the plan (an objective without a
 * measure, an action without an owner, an owner outside the care team). Each violation
 * names the form field its message belongs to, so a form can show every problem at once;
 * nothing is saved.
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

	/** One broken rule and the form field it belongs to. */
	public record Violation(String field, String message) {
	}

	/** Gathers every broken rule of one change before refusing it. */
	static final class Collector {

		private final java.util.ArrayList<Violation> found = new java.util.ArrayList<>();

		void add(String field, String message) {
			found.add(new Violation(field, message));
		}

		boolean has(String field) {
			return found.stream().anyMatch((violation) -> violation.field().equals(field));
		}

		void refuseIfAny() {
			if (!found.isEmpty()) {
				throw new CarePlanRule(found);
			}
		}

	}

}
