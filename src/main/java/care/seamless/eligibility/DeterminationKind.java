package care.seamless.eligibility;

/**
 * Which test a determination applied: the Care Act's adult (reg 2) or carer (reg 3)
 * criteria, or, for decisions made before April 2015, a Fair Access to Care Services
 * band.
 */
public enum DeterminationKind {

	ADULT, CARER, FACS;

	/** FACS determinations are kept as history only; new decisions use the Care Act. */
	public boolean historic() {
		return this == FACS;
	}

}
