package care.seamless.shared;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who is acting, for which organisation, in which roles, and for what purpose. Every read
 * or change of personal data takes one, so access decisions and audit entries always know
 * the same facts.
 */
public record Actor(AccountId accountId, String username, @Nullable PractitionerId practitionerId,
		@Nullable OrganisationId organisationId, @Nullable String organisationCode, Set<Role> roles, Purpose purpose) {

	public Actor {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** The role recorded in the audit log: the most privileged one held. */
	public Role primaryRole() {
		if (personSide()) {
			return Role.PERSON;
		}
		for (Role role : new Role[] { Role.ADMINISTRATOR, Role.CALDICOTT_GUARDIAN, Role.TEAM_MANAGER, Role.COMMISSIONER,
				Role.BOARD_MEMBER }) {
			if (roles.contains(role)) {
				return role;
			}
		}
		return Role.PRACTITIONER;
	}

	/**
	 * A person, carer, advocate or attorney signed in with their own account: never a
	 * practitioner, so no care-team rule can apply to them.
	 */
	public boolean personSide() {
		return roles.contains(Role.PERSON) && practitionerId == null;
	}

	/** The actor for a person's own account (see {@link Role#PERSON}). */
	public static Actor personSide(AccountId account, String username) {
		return new Actor(account, username, null, null, null, Set.of(Role.PERSON), Purpose.DIRECT_CARE);
	}

	public Actor forPurpose(Purpose newPurpose) {
		return new Actor(accountId, username, practitionerId, organisationId, organisationCode, roles, newPurpose);
	}

	/** The system itself, e.g. loading demo data or a scheduled job. */
	public static Actor system(String name) {
		return new Actor(new AccountId(new java.util.UUID(0, 0)), name, null, null, null, Set.of(Role.ADMINISTRATOR),
				Purpose.ADMINISTRATION);
	}

}
