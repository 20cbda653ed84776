package care.seamless.team;

import java.util.Collection;
import java.util.Set;

import care.seamless.shared.AccountId;
import care.seamless.shared.Role;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * What a session keeps of whoever signed in, staff or person-side: the account's facts
 * (never the records it has seen), its roles as authorities, and the session epoch each
 * request's standing is checked against.
 */
public abstract class SignedInAccount implements UserDetails {

	// Kept in the shared session table (ADR 47): fixed, so a release that leaves the
	// fields alone does not sign everyone out.
	private static final long serialVersionUID = 1L;

	private final AccountId accountId;

	private final String username;

	private final String passwordHash;

	private final boolean enabled;

	private final long sessionEpoch;

	private final Set<Role> roles;

	protected SignedInAccount(AccountId accountId, String username, String passwordHash, boolean enabled,
			long sessionEpoch, Set<Role> roles) {
		this.accountId = accountId;
		this.username = username;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.sessionEpoch = sessionEpoch;
		this.roles = Set.copyOf(roles);
	}

	public AccountId accountId() {
		return accountId;
	}

	public long sessionEpoch() {
		return sessionEpoch;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

}
