package care.seamless.person;

import care.seamless.shared.ErrorCode;

/**
 * A search that could list a large part of the population: no NHS number, no date of
 * birth and no name part of two letters or more. Carries the criteria's shape (never
 * their values) for the audit log.
 */
public class SearchTooBroad extends PersonRuleViolation {

	private final String shape;

	SearchTooBroad(String shape) {
		super("q", ErrorCode.VALIDATION_FAILED,
				"Enter at least two letters of a name, a date of birth or an NHS number");
		this.shape = shape;
	}

	String shape() {
		return shape;
	}

}
