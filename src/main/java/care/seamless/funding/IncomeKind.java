package care.seamless.funding;

/**
 * A kind of weekly income, with how much of it the 2014 Regulations (Schedule 1)
 * disregard: all of it, a fixed weekly amount, or none.
 */
public enum IncomeKind {

	STATE_PENSION(Disregard.NONE, "Counted in full (reg 14 and Annex C)"),
	OCCUPATIONAL_OR_PRIVATE_PENSION(Disregard.NONE, "Counted in full (reg 14 and Annex C)"),
	PENSION_CREDIT(Disregard.NONE, "Guarantee credit counted in full (Annex C)"),
	ATTENDANCE_ALLOWANCE_OR_CARE_COMPONENT(Disregard.NONE,
			"Attendance Allowance, DLA care component or PIP daily living counted (Annex C)"),
	MOBILITY_COMPONENT(Disregard.ALL, "DLA and PIP mobility disregarded (Schedule 1 paras 6 and 8)"),
	EARNINGS(Disregard.ALL, "Earnings disregarded (Schedule 1 para 1)"),
	WAR_PENSION(Disregard.TEN_POUNDS, "War pension: first £10 a week disregarded (Schedule 1 para 16)"),
	UNIVERSAL_CREDIT_OR_ESA(Disregard.NONE, "Counted in full (Annex C)"),
	OTHER(Disregard.NONE, "Counted in full (reg 14)");

	/** How much of the income is disregarded. */
	public enum Disregard {

		NONE, ALL, TEN_POUNDS

	}

	private final Disregard disregard;

	private final String rule;

	IncomeKind(Disregard disregard, String rule) {
		this.disregard = disregard;
		this.rule = rule;
	}

	public Disregard disregard() {
		return disregard;
	}

	public String rule() {
		return rule;
	}

}
