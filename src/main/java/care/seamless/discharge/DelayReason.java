package care.seamless.discharge;

/**
 * Why a person who no longer meets the criteria to reside is still in hospital, coded so
 * that the partners' monthly reports add up the same way.
 */
public enum DelayReason {

	AWAITING_ASSESSMENT, AWAITING_HOME_CARE, AWAITING_REABLEMENT, AWAITING_REHABILITATION_BED, AWAITING_CARE_HOME,
	AWAITING_EQUIPMENT, AWAITING_MEDICINES, AWAITING_TRANSPORT, AWAITING_CONTINUING_HEALTHCARE, HOUSING,
	PERSON_OR_FAMILY_CHOICE, OTHER

}
