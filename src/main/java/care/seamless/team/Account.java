package care.seamless.team;

import java.io.Serializable;
import java.util.Set;

import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Role;
import org.jspecify.annotations.Nullable;

/**
 * An account with what sign-in needs; the password hash never leaves the security layer.
 */
public record Account(AccountId id, String username, String passwordHash, boolean enabled, Set<Role> roles,
		@Nullable PractitionerId practitionerId, @Nullable String displayName, @Nullable OrganisationId organisationId,
		@Nullable String organisationCode, @Nullable String organisationName, long sessionEpoch,
		boolean mustChangePassword) implements Serializable {
}
