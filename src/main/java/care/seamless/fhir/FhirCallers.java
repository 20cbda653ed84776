package care.seamless.fhir;

import java.util.Optional;
import java.util.function.Supplier;

import care.seamless.shared.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** The calling actor, or a 401 OperationOutcome when there is none. */
@Component
class FhirCallers {

	// Looked up once: asking the bean factory on every request (twice per request, with
	// PersonSideScope) was about 5 % of a FHIR read's request-thread CPU.
	private final Supplier<@Nullable FhirCaller> caller;

	FhirCallers(ObjectProvider<FhirCaller> caller) {
		this.caller = SingletonSupplier.of(caller::getIfAvailable);
	}

	Actor actor() {
		return current().orElseThrow(() -> new FhirFailure(FhirError.UNAUTHENTICATED, null, "Sign in first"));
	}

	/** The calling actor, if anyone signed in. */
	Optional<Actor> current() {
		FhirCaller known = caller.get();
		return known == null ? Optional.empty() : known.current();
	}

}
