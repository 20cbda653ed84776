package care.seamless.shared;

/**
 * Stable codes for errors shown to people and returned by the API; messages may change,
 * codes do not.
 */
public enum ErrorCode {

	VALIDATION_FAILED, NOT_FOUND, CONCURRENT_EDIT, DUPLICATE_NHS_NUMBER, INVALID_NHS_NUMBER, ACCESS_DENIED,
	RULE_VIOLATED,
	// Sign-in and sessions: no valid session, password or bearer token; a session (and so
	// its CSRF token) that has ended; a sign-in still waiting for a new password or a
	// second-factor code.
	UNAUTHENTICATED, SESSION_ENDED, SIGN_IN_INCOMPLETE,
	// An address asked with a method it does not answer (a form's POST address opened as
	// a page).
	METHOD_NOT_ALLOWED,
	// A multipart upload over the size limit, refused before anything read it.
	UPLOAD_TOO_LARGE;

	public String slug() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
