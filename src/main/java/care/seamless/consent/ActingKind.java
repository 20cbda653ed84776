package care.seamless.consent;

/**
 * How a person-side account stands towards a person: as the person themselves, or as
 * someone acting for them. Each kind has its own scope in {@link AccessRules#actingFor}.
 */
public enum ActingKind {

	SELF, CARER, ADVOCATE,

	/** A registered lasting power of attorney for health and welfare. */
	ATTORNEY_HEALTH_WELFARE,

	/** A registered lasting power of attorney for property and financial affairs. */
	ATTORNEY_PROPERTY_FINANCE;

	/** Someone acting for the person under a registered lasting power of attorney. */
	public boolean attorney() {
		return this == ATTORNEY_HEALTH_WELFARE || this == ATTORNEY_PROPERTY_FINANCE;
	}

}
