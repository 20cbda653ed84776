package care.seamless.door.web;

import java.util.Collection;
import java.util.List;

import care.seamless.door.PersonAccount;
import care.seamless.shared.Actor;
import care.seamless.shared.Role;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a person-side session: only {@code ROLE_PERSON}, which no staff route
 * accepts, and an {@link Actor} the access policy treats as acting for people, never as a
 * practitioner.
 */
final class PersonSignedIn implements UserDetails {

	private final PersonAccount account;

	PersonSignedIn(PersonAccount account) {
		this.account = account;
	}

	Actor actor() {
		return account.actor();
	}

	PersonAccount account() {
		return account;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(Role.PERSON.authority()));
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
