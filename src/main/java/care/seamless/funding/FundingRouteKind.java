package care.seamless.funding;

/**
 * Who pays for a need, and on what ground. Health care is free at the point of use (NHS
 * Act 2006 s1); council care is means-tested unless a regulation makes it free.
 */
public enum FundingRouteKind {

	/** Fully NHS-funded: a primary health need (National Framework for NHS CHC). */
	NHS_CONTINUING_HEALTHCARE,
	/**
	 * The NHS pays a flat weekly rate for registered nursing in a care home (NHS Act 2006
	 * s3).
	 */
	NHS_FUNDED_NURSING_CARE,
	/**
	 * Mental Health Act 1983 s117 aftercare: free, paid jointly by the NHS and the
	 * council.
	 */
	SECTION_117_AFTERCARE,
	/**
	 * Intermediate care and reablement: free for up to six weeks (2014 Charging
	 * Regulations reg 3).
	 */
	INTERMEDIATE_CARE,
	/**
	 * Aids and minor adaptations of £1,000 or less each: free (2014 Charging Regulations
	 * reg 3).
	 */
	MINOR_AIDS_AND_ADAPTATIONS,
	/**
	 * Arranged by the council and charged for after a financial assessment (Care Act 2014
	 * s14, s17).
	 */
	COUNCIL_MEANS_TESTED,
	/** An NHS personal health budget (NHS Act 2006 s12A). */
	PERSONAL_HEALTH_BUDGET,
	/**
	 * Paid jointly by partners in agreed shares (NHS Act 2006 s75 or a local agreement).
	 */
	JOINT_FUNDING;

	/** Whether the person pays nothing towards this need. */
	public boolean freeToThePerson() {
		return this != COUNCIL_MEANS_TESTED && this != JOINT_FUNDING;
	}

}
