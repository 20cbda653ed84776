package care.seamless.web;

import java.util.Optional;

import care.seamless.fhir.FhirCaller;
import care.seamless.shared.Actor;
import care.seamless.shared.Role;
import care.seamless.team.SignedInAccount;
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
		// The person's own door account (door's FHIR chain): a person-side actor, which
		// the fhir module lets read only its own Patient and who saw it.
		if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount account
				&& account.getAuthorities().stream().anyMatch(a -> Role.PERSON.authority().equals(a.getAuthority()))) {
			return Optional.of(Actor.personSide(account.accountId(), account.getUsername()));
		}
		return Optional.empty();
	}

}
