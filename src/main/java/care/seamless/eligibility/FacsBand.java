package care.seamless.eligibility;

/**
 * The Fair Access to Care Services bands (Department of Health 2003, revised as
 * "Prioritising need" in 2010), from the most to the least serious risk to independence.
 * Each council set a threshold band; needs in that band or a more serious one were
 * eligible.
 */
public enum FacsBand {

	CRITICAL, SUBSTANTIAL, MODERATE, LOW;

	/** Whether a need in this band met a threshold set at {@code threshold}. */
	public boolean meets(FacsBand threshold) {
		return this.ordinal() <= threshold.ordinal();
	}

}
