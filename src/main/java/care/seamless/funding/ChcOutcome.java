package care.seamless.funding;

/**
 * The outcome of the NHS Continuing Healthcare checklist: screened out, or referred for a
 * full assessment of eligibility.
 */
public enum ChcOutcome {

	NEGATIVE, POSITIVE_REFERRED_FOR_FULL_ASSESSMENT

}
