package care.seamless.consent;

import care.seamless.shared.PersonId;

/**
 * Thrown when a read is refused; the decision travels with it so the page can say why.
 */
public class AccessDenied extends RuntimeException {

	private final PersonId person;

	private final AccessDecision decision;

	private final boolean item;

	AccessDenied(PersonId person, AccessDecision decision, boolean item) {
		super(decision.reason());
		this.person = person;
		this.decision = decision;
		this.item = item;
	}

	/**
	 * Whether the refusal is of one item (assessment answers, an admission) rather than
	 * the whole record: the record itself may still be open to the reader.
	 */
	public boolean item() {
		return item;
	}

	public PersonId person() {
		return person;
	}

	public AccessDecision decision() {
		return decision;
	}

}
