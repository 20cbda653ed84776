package care.seamless.fhir;

import org.jspecify.annotations.Nullable;

/**
 * A refusal this module raises itself, already knowing its stable code and where in the
 * request the problem is ({@code expression}: a search parameter's name or a FHIRPath
 * into the resource sent).
 */
class FhirFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final FhirError error;

	private final @Nullable String expression;

	FhirFailure(FhirError error, @Nullable String expression, String message) {
		super(message);
		this.error = error;
		this.expression = expression;
	}

	FhirError error() {
		return error;
	}

	@Nullable String expression() {
		return expression;
	}

}
