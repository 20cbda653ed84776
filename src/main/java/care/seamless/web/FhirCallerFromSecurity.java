package care.seamless.web;

import java.util.Optional;

import care.seamless.fhir.FhirCaller;
import care.seamless.shared.Actor;
import care.seamless.shared.Purpose;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The FHIR server's caller: whoever the security chain signed in (Basic or bearer token),
 * for direct care, as {@link ActorArgumentResolver} does for pages.
 */
@Component
class FhirCallerFromSecurity implements FhirCaller {

	@Override
	public Optional<Actor> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return Optional.of(user.actor(Purpose.DIRECT_CARE));
		}
		return Optional.empty();
	}

}
