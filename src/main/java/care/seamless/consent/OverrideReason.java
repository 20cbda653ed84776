package care.seamless.consent;

/**
 * The listed reasons for breaking the glass; the practitioner adds their own words to
 * each.
 */
public enum OverrideReason {

	SAFEGUARDING_ADULT, SAFEGUARDING_CHILD, EMERGENCY_CARE, RISK_TO_OTHERS, PREVENTION_OF_SERIOUS_CRIME

}
