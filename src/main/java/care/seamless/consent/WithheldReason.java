package care.seamless.consent;

/**
 * Why a piece of information is withheld; each has the note people see in place of the
 * information.
 */
public enum WithheldReason {

	NO_RELATIONSHIP("relationship", "You are not in this person's care team"),
	PARTIAL_ACCESS("relationship",
			"Your team has been given only part of this person's record (what a referral sent, or what a hospital ward needs), and this is not part of it"),
	NO_AGREEMENT("agreement",
			"Outside the sharing agreement: no information-sharing agreement between the two organisations covers this information for this purpose"),
	OBJECTION("objection", "Information withheld at the person's request"), NO_CONSENT("consent",
			"This kind of information needs the person's explicit consent (or a best-interests decision) before it is shared with your organisation");

	private final String policy;

	private final String note;

	WithheldReason(String policy, String note) {
		this.policy = policy;
		this.note = note;
	}

	public String policy() {
		return policy;
	}

	public String note() {
		return note;
	}

}
