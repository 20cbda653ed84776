package care.seamless.person;

/**
 * Sex as recorded (the NHS Data Dictionary's person stated gender codes use the same four
 * values).
 */
public enum Sex {

	FEMALE, MALE, OTHER, UNKNOWN

}
