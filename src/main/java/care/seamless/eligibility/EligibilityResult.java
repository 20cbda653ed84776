package care.seamless.eligibility;

import java.util.List;

/**
 * The decision that follows from the facts: eligible only when every condition is met.
 * When there are problems the facts are incomplete and nothing may be saved.
 */
public record EligibilityResult(boolean eligible, List<ConditionResult> conditions, List<Problem> problems) {

	public EligibilityResult {
		conditions = List.copyOf(conditions);
		problems = List.copyOf(problems);
	}

	public boolean valid() {
		return problems.isEmpty();
	}

}
