package care.seamless.eligibility;

/**
 * The four senses of "unable to achieve" an outcome in reg 2(3). Carers' outcomes use
 * only the first three (reg 3(3)).
 */
public enum UnableSense {

	NEEDS_ASSISTANCE("a", "unable to achieve it without assistance"),
	PAIN_DISTRESS_ANXIETY("b", "able without assistance, but doing so causes significant pain, distress or anxiety"),
	ENDANGERS("c",
			"able without assistance, but doing so endangers or is likely to endanger the health or safety of the person or others"),
	TAKES_SIGNIFICANTLY_LONGER("d",
			"able without assistance, but it takes significantly longer than would normally be expected");

	private final String letter;

	private final String regulationWording;

	UnableSense(String letter, String regulationWording) {
		this.letter = letter;
		this.regulationWording = regulationWording;
	}

	/** The paragraph letter in the regulation, such as {@code b}. */
	public String letter() {
		return this.letter;
	}

	public String regulationWording() {
		return this.regulationWording;
	}

	public boolean appliesTo(DeterminationKind kind) {
		return kind == DeterminationKind.ADULT
				|| (kind == DeterminationKind.CARER && this != TAKES_SIGNIFICANTLY_LONGER);
	}

}
