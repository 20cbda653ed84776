package care.seamless.eligibility;

/**
 * The carer's outcomes in reg 3(3) of the Care and Support (Eligibility Criteria)
 * Regulations 2015, in the regulation's words and in plain English for letters. Being
 * unable to achieve any one of them can meet the carer's second condition.
 */
public enum CarerOutcome {

	CARING_FOR_CHILD("carer-child", "Carrying out any caring responsibilities the carer has for a child",
			"Looking after my children"),
	CARING_FOR_OTHERS("carer-others", "Providing care to other persons for whom the carer provides care",
			"Caring for other people I look after"),
	HABITABLE_HOME("carer-home", "Maintaining a habitable home environment in the carer's home",
			"Keeping my home clean and safe"),
	NUTRITION("carer-nutrition", "Managing and maintaining nutrition", "Eating and drinking well"),
	RELATIONSHIPS("carer-relationships",
			"Developing and maintaining family or other significant personal relationships",
			"Keeping in touch with family and friends"),
	WORK_EDUCATION("carer-work", "Engaging in work, training, education or volunteering",
			"Work, learning or volunteering"),
	COMMUNITY("carer-community",
			"Making use of necessary facilities or services in the local community, including recreational facilities or services",
			"Getting out and using local places"),
	RECREATION("carer-recreation", "Engaging in recreational activities", "Having time for myself and things I enjoy");

	private final String code;

	private final String regulationWording;

	private final String plainEnglish;

	CarerOutcome(String code, String regulationWording, String plainEnglish) {
		this.code = code;
		this.regulationWording = regulationWording;
		this.plainEnglish = plainEnglish;
	}

	public String code() {
		return this.code;
	}

	public String regulationWording() {
		return this.regulationWording;
	}

	public String plainEnglish() {
		return this.plainEnglish;
	}

}
