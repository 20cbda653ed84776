package care.seamless.shared;

/**
 * What kind of information a piece of the record is; some categories need explicit
 * consent to cross organisations.
 */
public enum DataCategory {

	GENERAL, MENTAL_HEALTH, SEXUAL_HEALTH, SUBSTANCE_MISUSE, HIV, SAFEGUARDING, FINANCES, THIRD_PARTY

}
