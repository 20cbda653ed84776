package care.seamless.consent;

import care.seamless.shared.PersonId;

/**
 * Thrown when a read is refused; the decision travels with it so the page can say why.
 */
public class AccessDenied extends RuntimeException {

	private final PersonId person;

	private final AccessDecision decision;

	AccessDenied(PersonId person, AccessDecision decision) {
		super(decision.reason());
		this.person = person;
		this.decision = decision;
	}

	public PersonId person() {
		return person;
	}

	public AccessDecision decision() {
		return decision;
	}

}
