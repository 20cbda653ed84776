package care.seamless.discharge;

/** Whose responsibility a delayed day is. */
public enum Attribution {

	NHS, SOCIAL_CARE, BOTH, PERSON_CHOICE

}
