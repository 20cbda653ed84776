package care.seamless.referral;

/**
 * Why the information sent may go to the receiving team: the person agreed, a
 * best-interests decision stands in for their consent (recorded in {@code consent}), or a
 * safeguarding concern justifies sharing without consent.
 */
public enum SharingBasis {

	CONSENT, BEST_INTERESTS, SAFEGUARDING

}
