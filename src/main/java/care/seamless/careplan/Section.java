package care.seamless.careplan;

/**
 * The part of the one shared plan an objective belongs to. Both sections live in the same
 * document: there is never a separate health plan and social care plan.
 */
public enum Section {

	HEALTH, SOCIAL_CARE

}
