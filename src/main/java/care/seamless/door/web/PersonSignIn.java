package care.seamless.door.web;

import java.util.Optional;

import care.seamless.door.PersonAccount;
import care.seamless.door.PersonAccounts;
import care.seamless.team.Account;
import care.seamless.team.Directory;
import care.seamless.team.SignInAtTheOtherDoor;
import care.seamless.team.SignInThrottle;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A person-side password sign-in, behind the same {@link SignInThrottle} as staff
 * sign-ins (the name counted under its own prefix, as person-side usernames are their own
 * namespace; the address shared). Every refusal is the same message, so nothing tells a
 * guesser whether the name exists; the right password of a staff account is no failure
 * and is not counted, but refused as {@link SignInAtTheOtherDoor} (ADR 126).
 */
final class PersonSignIn implements AuthenticationProvider {

	static final String REFUSED = "The username or password is not right";

	// Compared against when the name is unknown, so every attempt costs the same. Made by
	// the first attempt, whatever its name, rather than at start-up, where the two
	// person-side chains' hashes were a measurable part of the start (ADR 61).
	private volatile @Nullable String noSuchHash;

	private final PersonAccounts accounts;

	private final PasswordEncoder passwords;

	private final SignInThrottle throttle;

	private final Directory directory;

	PersonSignIn(PersonAccounts accounts, PasswordEncoder passwords, SignInThrottle throttle, Directory directory) {
		this.accounts = accounts;
		this.directory = directory;
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String noSuchHash = noSuchHash();
		String username = attempt.getName() == null ? "" : attempt.getName();
		String name = "person:" + username;
		String address = (attempt.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
		boolean held = throttle.held(name, address);
		String typed = attempt.getCredentials() instanceof String text && text.length() <= 200 ? text : "";
		Optional<PersonAccount> account = username.length() > 100 ? Optional.empty() : accounts.forSignIn(username);
		// A name no person-side account has is compared with the staff account of that
		// name, if any, in place of the made-up hash: one hash either way (ADR 126).
		Optional<Account> staff = account.isPresent() || username.length() > 100 ? Optional.empty()
				: directory.accountForSignIn(username);
		String hash = account.map(PersonAccount::passwordHash)
			.or(() -> staff.map(Account::passwordHash))
			.orElse(noSuchHash);
		boolean matches = passwords.matches(typed, hash);
		boolean right = matches && account.isPresent() && account.get().enabled();
		boolean staffs = matches && staff.isPresent() && staff.get().enabled();
		if (!right && !staffs) {
			throttle.failed(name, address);
			throw new BadCredentialsException(REFUSED);
		}
		if (held) {
			throw new BadCredentialsException(REFUSED);
		}
		if (staffs) {
			throw new SignInAtTheOtherDoor(true);
		}
		throttle.succeeded(name);
		PersonSignedIn user = new PersonSignedIn(account.get());
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		result.setDetails(attempt.getDetails());
		return result;
	}

	private String noSuchHash() {
		String hash = noSuchHash;
		if (hash == null) {
			// Two first attempts at once may both make one; either serves.
			hash = passwords.encode("no such account");
			noSuchHash = hash;
		}
		return hash;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
