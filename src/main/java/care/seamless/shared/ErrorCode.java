package care.seamless.shared;

/**
 * Stable codes for errors shown to people and returned by the API; messages may change,
 * codes do not.
 */
public enum ErrorCode {

	VALIDATION_FAILED, NOT_FOUND, CONCURRENT_EDIT, DUPLICATE_NHS_NUMBER, INVALID_NHS_NUMBER, ACCESS_DENIED,
	RULE_VIOLATED,
	/** An API call without a valid session, password or bearer token. */
	UNAUTHENTICATED;

	public String slug() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
