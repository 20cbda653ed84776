package care.seamless.consent;

public enum ChoiceKind {

	/** Explicit consent (opt-in) to share. */
	CONSENT,
	/** The person does not agree to a proposed share. */
	DISSENT,
	/**
	 * The person objects to sharing (opt-out of the statutory duty to share for direct
	 * care).
	 */
	OBJECTION

}
