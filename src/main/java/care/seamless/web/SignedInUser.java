package care.seamless.web;

import java.util.Collection;
import java.util.List;

import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal kept in the session: the account's facts, never the person records it has
 * seen.
 */
class SignedInUser implements UserDetails {

	private final Account account;

	SignedInUser(Account account) {
		this.account = account;
	}

	Actor actor(Purpose purpose) {
		return new Actor(account.id(), account.username(), account.practitionerId(), account.organisationId(),
				account.organisationCode(), account.roles(), purpose);
	}

	AccountId accountId() {
		return account.id();
	}

	long sessionEpoch() {
		return account.sessionEpoch();
	}

	String displayName() {
		return account.displayName() == null ? account.username() : account.displayName();
	}

	String organisationName() {
		return account.organisationName() == null ? "" : account.organisationName();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = account.roles()
			.stream()
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return account.passwordHash();
	}

	@Override
	public String getUsername() {
		return account.username();
	}

	@Override
	public boolean isEnabled() {
		return account.enabled();
	}

}
