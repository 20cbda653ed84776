package care.seamless.outcomes;

/**
 * The outcome measures, each defined in docs/partnership.md ("Outcome measures") and
 * computed by the aggregate function of the module that holds the facts.
 */
public enum Measure {

	DELAYED_DAYS(Kind.COUNT), USUAL_RESIDENCE(Kind.PERCENTAGE), HOME_91_DAYS(Kind.PERCENTAGE),
	CARE_HOME_ADMISSIONS_65(Kind.RATE_PER_100000), CARERS_ASSESSED(Kind.COUNT), REVIEWS_ON_TIME(Kind.PERCENTAGE),
	PLAN_AGREED(Kind.PERCENTAGE), FEEDBACK_LISTENED(Kind.PERCENTAGE), FEEDBACK_EXPLAINED(Kind.PERCENTAGE),
	FEEDBACK_AGREE_PLAN(Kind.PERCENTAGE), FEEDBACK_EASY(Kind.PERCENTAGE), FEEDBACK_ANSWERED(Kind.PERCENTAGE);

	/** How the figure is made from its numerator and denominator. */
	public enum Kind {

		COUNT, PERCENTAGE, RATE_PER_100000

	}

	private final Kind kind;

	Measure(Kind kind) {
		this.kind = kind;
	}

	public Kind kind() {
		return kind;
	}

	/** The age the population of a rate starts at. */
	static final int OLDER_AGE = 65;

}
