package care.seamless.fhir;

import care.seamless.shared.Actor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The calling actor, or a 401 OperationOutcome when there is none. */
@Component
class FhirCallers {

	private final ObjectProvider<FhirCaller> caller;

	FhirCallers(ObjectProvider<FhirCaller> caller) {
		this.caller = caller;
	}

	Actor actor() {
		FhirCaller current = caller.getIfAvailable();
		return (current == null ? java.util.Optional.<Actor>empty() : current.current())
			.orElseThrow(() -> new FhirFailure(FhirError.UNAUTHENTICATED, null, "Sign in first"));
	}

}
