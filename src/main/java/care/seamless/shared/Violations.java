package care.seamless.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Gathers every broken rule of one change before refusing it, so that a form names every
 * problem at once instead of one per submit. A module checks each rule in turn, adds what
 * is wrong, and only then refuses with its own exception:
 *
 * <pre>
 * Violations problems = new Violations();
 * if (blank(description)) {
 *     problems.add("description", "Describe the risk");
 * }
 * problems.refuseIfAny(CarePlanRule::new);
 * </pre>
 *
 * A module that can also say what is wrong without saving (for a form that found values
 * it could not read, see docs/pages.md) returns {@link #list()} instead of refusing.
 */
public final class Violations {

	private final List<Violation> found = new ArrayList<>();

	public void add(String field, String message) {
		found.add(new Violation(field, message));
	}

	public boolean has(String field) {
		return found.stream().anyMatch((violation) -> violation.field().equals(field));
	}

	public boolean isEmpty() {
		return found.isEmpty();
	}

	public List<Violation> list() {
		return List.copyOf(found);
	}

	/** Throws the module's refusal, carrying every violation found, if there is any. */
	public void refuseIfAny(Function<List<Violation>, ? extends RuntimeException> refusal) {
		if (!found.isEmpty()) {
			throw refusal.apply(List.copyOf(found));
		}
	}

}
