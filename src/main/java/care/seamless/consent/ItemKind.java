package care.seamless.consent;

/**
 * Itemised information a grant can name one by one: what a referral sends is these items,
 * not their whole category.
 */
public enum ItemKind {

	ASSESSMENT_SECTION, PLAN_OBJECTIVE, PLAN_ACTION

}
