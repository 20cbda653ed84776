package care.seamless.partnership;

/**
 * Horizontal: more agencies working together in a locality. Vertical: deeper integration
 * between health and social care.
 */
public enum PartnershipDirection {

	HORIZONTAL, VERTICAL

}
