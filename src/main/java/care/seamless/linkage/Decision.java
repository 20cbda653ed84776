package care.seamless.linkage;

/**
 * What the matcher concludes about a pair. A possible match goes to a person for review.
 */
public enum Decision {

	MATCH, POSSIBLE_MATCH, NON_MATCH

}
