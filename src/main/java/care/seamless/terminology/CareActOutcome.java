package care.seamless.terminology;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ten outcomes of the Care and Support (Eligibility Criteria) Regulations 2015, reg
 * 2(2). Being unable to achieve two or more of them is one of the three eligibility
 * conditions, so every need should say which it affects.
 */
public enum CareActOutcome {

	NUTRITION("nutrition", "Managing and maintaining nutrition", "Eating and drinking well"),
	HYGIENE("hygiene", "Maintaining personal hygiene", "Keeping clean"),
	TOILET("toilet", "Managing toilet needs", "Using the toilet"),
	CLOTHING("clothing", "Being appropriately clothed", "Getting dressed"),
	HOME_SAFETY("home-safety", "Being able to make use of the adult's home safely", "Getting around my home safely"),
	HABITABLE_HOME("habitable-home", "Maintaining a habitable home environment", "Keeping my home clean and safe"),
	RELATIONSHIPS("relationships", "Developing and maintaining family or other personal relationships",
			"Keeping in touch with family and friends"),
	WORK_EDUCATION("work-education", "Accessing and engaging in work, training, education or volunteering",
			"Work, learning or volunteering"),
	COMMUNITY("community",
			"Making use of necessary facilities or services in the local community including public transport "
					+ "and recreational facilities or services",
			"Getting out and using local places"),
	CARING_FOR_CHILD("caring-for-child", "Carrying out any caring responsibilities the adult has for a child",
			"Looking after my children");

	private final String code;

	private final String regulationWording;

	private final String plainEnglish;

	CareActOutcome(String code, String regulationWording, String plainEnglish) {
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

	public static Optional<CareActOutcome> fromCode(String code) {
		return Arrays.stream(values()).filter((outcome) -> outcome.code.equals(code)).findFirst();
	}

}
