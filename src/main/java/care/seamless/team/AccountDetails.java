package care.seamless.team;

import java.util.Set;

import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * An account as the administrators' edit form shows it; the practitioner's fields are
 * null for an account that is not a practitioner's.
 */
public record AccountDetails(AccountId id, String username, long version, boolean enabled, Set<Role> roles,
		@Nullable PractitionerId practitionerId, @Nullable String givenName, @Nullable String familyName,
		@Nullable String email, @Nullable OrganisationId organisationId, Set<TeamId> teams, boolean secondFactor,
		boolean mustChangePassword) {
}
