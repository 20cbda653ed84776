package care.seamless.partnership;

/**
 * The legal shape of a partnership: a section 75 pooled fund (NHS Act 2006), lead
 * commissioning, integrated provision, a care trust, or an informal arrangement.
 */
public enum PartnershipKind {

	POOLED_FUND, LEAD_COMMISSIONING, INTEGRATED_PROVISION, CARE_TRUST, INFORMAL;

	/**
	 * A pooled fund must name its host partner and its pool manager (section 75
	 * regulations).
	 */
	public boolean needsPoolManager() {
		return this == POOLED_FUND;
	}

}
