package care.seamless.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Every way a FHIR call can fail, each with a stable code (in {@link #SYSTEM}) that
 * clients may rely on, the FHIR issue type and the HTTP status.
 */
enum FhirError {

	UNKNOWN_PARAMETER(IssueType.NOTSUPPORTED, 400), INVALID_PARAMETER(IssueType.VALUE, 400),
	MALFORMED_BODY(IssueType.STRUCTURE, 400), WRONG_RESOURCE_TYPE(IssueType.INVALID, 400),
	INVALID_RESOURCE(IssueType.INVALID, 422), NOT_FOUND(IssueType.NOTFOUND, 404),
	NOT_SUPPORTED(IssueType.NOTSUPPORTED, 405), ACCESS_DENIED(IssueType.FORBIDDEN, 403),
	UNAUTHENTICATED(IssueType.LOGIN, 401), CONFLICT(IssueType.CONFLICT, 409), VERSION_REQUIRED(IssueType.REQUIRED, 428),
	VERSIONS_NOT_KEPT(IssueType.NOTSUPPORTED, 400), INTERNAL(IssueType.EXCEPTION, 500);

	static final String SYSTEM = "https://seamless.care/fhir/CodeSystem/error";

	private final IssueType type;

	private final int status;

	FhirError(IssueType type, int status) {
		this.type = type;
		this.status = status;
	}

	IssueType type() {
		return type;
	}

	int status() {
		return status;
	}

	String code() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
