package care.seamless.consent;

/**
 * The listed reasons for breaking the glass; the practitioner adds their own words to
 * each. Emergency access is read-only unless its reason is one where the practitioner may
 * have to record what they found or did: emergency care (an immediate risk to life) and
 * safeguarding. Risk to others and serious crime justify disclosure, not changes to the
 * record.
 */
public enum OverrideReason {

	SAFEGUARDING_ADULT(true), SAFEGUARDING_CHILD(true), EMERGENCY_CARE(true), RISK_TO_OTHERS(false),
	PREVENTION_OF_SERIOUS_CRIME(false);

	private final boolean permitsChange;

	OverrideReason(boolean permitsChange) {
		this.permitsChange = permitsChange;
	}

	public boolean permitsChange() {
		return permitsChange;
	}

}
