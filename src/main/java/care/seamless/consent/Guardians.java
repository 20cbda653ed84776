package care.seamless.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Role;
import care.seamless.team.Account;
import care.seamless.team.Directory;

import org.springframework.stereotype.Component;

/**
 * Finds the Caldicott guardians who must hear about something: each organisation's own
 * guardians, or, for an organisation that has none, the partnership's named fallback
 * guardian, so nothing goes unreviewed.
 */
@Component
class Guardians {

	private final Directory directory;

	private final OverrideRepository repository;

	Guardians(Directory directory, OverrideRepository repository) {
		this.directory = directory;
		this.repository = repository;
	}

	/** The practitioners to tell about something concerning these organisations. */
	Set<PractitionerId> concernedWith(Collection<OrganisationId> organisations) {
		List<Account> guardians = guardianAccounts();
		Set<PractitionerId> recipients = new LinkedHashSet<>();
		boolean needsFallback = false;
		for (OrganisationId organisation : organisations) {
			Set<PractitionerId> own = guardians.stream()
				.filter(a -> organisation.equals(a.organisationId()))
				.map(Account::practitionerId)
				.collect(Collectors.toSet());
			recipients.addAll(own);
			needsFallback |= own.isEmpty();
		}
		if (needsFallback || organisations.isEmpty()) {
			fallback().map(Account::practitionerId).ifPresent(recipients::add);
		}
		return recipients;
	}

	/** Organisations with at least one guardian able to sign in. */
	Set<OrganisationId> guardedOrganisations() {
		return guardianAccounts().stream().map(Account::organisationId).collect(Collectors.toSet());
	}

	Set<OrganisationId> allOrganisations() {
		return directory.organisations().stream().map(o -> o.id()).collect(Collectors.toSet());
	}

	Optional<Account> fallback() {
		return repository.fallbackGuardian()
			.flatMap(directory::accountForSignIn)
			.filter(a -> a.enabled() && a.roles().contains(Role.CALDICOTT_GUARDIAN) && a.practitionerId() != null);
	}

	boolean isFallback(String username) {
		return fallback().map(a -> a.username().equals(username)).orElse(false);
	}

	boolean isGuardian(String username) {
		return directory.accountForSignIn(username)
			.filter(a -> a.enabled() && a.roles().contains(Role.CALDICOTT_GUARDIAN))
			.isPresent();
	}

	void nameFallback(String username, String namedBy, Instant at) {
		repository.nameFallbackGuardian(username, namedBy, at);
	}

	private List<Account> guardianAccounts() {
		return directory.accounts()
			.stream()
			.filter(a -> a.enabled() && a.roles().contains(Role.CALDICOTT_GUARDIAN) && a.practitionerId() != null
					&& a.organisationId() != null)
			.toList();
	}

}
