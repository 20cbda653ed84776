package care.seamless.web;

import java.util.Collection;
import java.util.List;

import care.seamless.door.PersonAccount;
import care.seamless.door.PersonAccounts;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The accounts a staff password is checked against: the staff account of the name, or,
 * where no staff account has it, the person-side account of that name in place of the
 * made-up hash Spring compares an unknown name with, so an attempt still costs one hash
 * and no more. A right password for a person-side account never signs in here:
 * {@link ThrottledAuthentication} turns it into a
 * {@link care.seamless.team.SignInAtTheOtherDoor}, which is not counted as a failure (ADR
 * 126).
 */
record PersonSideAtTheStaffDoor(UserDetailsService staff, PersonAccounts people) implements UserDetailsService {

	// As the door's own sign-in: a longer name is no account's.
	private static final int LONGEST_NAME = 100;

	@Override
	public UserDetails loadUserByUsername(String username) {
		try {
			return staff.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			if (username.length() > LONGEST_NAME) {
				throw ex;
			}
			return people.forSignIn(username).map(Account::new).orElseThrow(() -> ex);
		}
	}

	/**
	 * A person-side account, with no authority, whose password is checked and no more.
	 */
	record Account(PersonAccount account) implements UserDetails {

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return List.of();
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

}
