package care.seamless.eligibility;

/** The areas of wellbeing in section 1(2) of the Care Act 2014. */
public enum WellbeingArea {

	DIGNITY("Personal dignity (including treatment of the individual with respect)",
			"Being treated with dignity and respect"),
	HEALTH("Physical and mental health and emotional wellbeing", "My physical and mental health and how I feel"),
	PROTECTION("Protection from abuse and neglect", "Being safe from abuse and neglect"),
	CONTROL("Control by the individual over day-to-day life", "Having control over my day-to-day life"),
	PARTICIPATION("Participation in work, education, training or recreation",
			"Taking part in work, learning or things I enjoy"),
	SOCIAL_ECONOMIC("Social and economic wellbeing", "My social life and money"),
	RELATIONSHIPS("Domestic, family and personal relationships", "My family and personal relationships"),
	ACCOMMODATION("Suitability of living accommodation", "Having a home that suits me"),
	CONTRIBUTION("The individual's contribution to society", "Being able to contribute to my community");

	private final String actWording;

	private final String plainEnglish;

	WellbeingArea(String actWording, String plainEnglish) {
		this.actWording = actWording;
		this.plainEnglish = plainEnglish;
	}

	public String actWording() {
		return this.actWording;
	}

	public String plainEnglish() {
		return this.plainEnglish;
	}

}
