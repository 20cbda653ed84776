package care.seamless.team;

import java.util.Set;

import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * An administrator's edit of an account and its practitioner, made against the version
 * they read. The practitioner's fields are ignored for an account without one.
 */
public record AccountChange(AccountId account, long version, @Nullable String givenName, @Nullable String familyName,
		@Nullable String email, @Nullable OrganisationId organisation, Set<TeamId> teams, Set<Role> roles) {
}
