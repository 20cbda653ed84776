package care.seamless.eligibility;

import java.util.List;

/** The facts or the rationale are incomplete or wrong; nothing was saved. */
public class EligibilityRuleViolation extends RuntimeException {

	private final List<Problem> problems;

	public EligibilityRuleViolation(List<Problem> problems) {
		super(problems.size() + " problem(s) with the eligibility determination");
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

}
