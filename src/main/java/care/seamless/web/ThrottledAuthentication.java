package care.seamless.web;

import java.time.Clock;

import care.seamless.door.PersonAccounts;
import care.seamless.team.Accounts;
import care.seamless.team.Directory;
import care.seamless.team.SignInAtTheOtherDoor;
import care.seamless.team.SignInCheck;
import care.seamless.team.SignInThrottle;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Password sign-in (form and Basic) behind the {@link SignInThrottle}. Every refusal is
 * the same {@link BadCredentialsException}, whether the name is unknown, the password
 * wrong, the account disabled or locked, or the attempt too soon, so the response never
 * tells a guesser which it was. The one exception is the right password of a person-side
 * account, which is not a failure: it is refused as {@link SignInAtTheOtherDoor} and not
 * counted (ADR 126).
 */
class ThrottledAuthentication implements AuthenticationProvider {

	static final String REFUSED = "The username or password is not right";

	private final AuthenticationProvider passwords;

	private final RememberedCredentials remembered;

	private final SignInThrottle throttle;

	ThrottledAuthentication(AuthenticationProvider passwords, RememberedCredentials remembered,
			SignInThrottle throttle) {
		this.passwords = passwords;
		this.remembered = remembered;
		this.throttle = throttle;
	}

	/**
	 * A chain's password sign-in: the staff account's password (or a person-side
	 * account's, told apart), else an administrator's reset code, a right password
	 * remembered for a few minutes (ADR 40), all behind the throttle. Set on the chain
	 * itself so no parent manager can try the password again unthrottled.
	 */
	static ThrottledAuthentication forChain(UserDetailsService staff, PersonAccounts people, PasswordEncoder encoder,
			Accounts accounts, Directory directory, SignInThrottle throttle, Clock clock) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(
				new PersonSideAtTheStaffDoor(staff, people));
		passwords.setPasswordEncoder(encoder);
		RememberedCredentials remembered = new RememberedCredentials(passwords, clock);
		return new ThrottledAuthentication(new ResetCodeAuthentication(remembered, accounts, directory, throttle),
				remembered, throttle);
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName() == null ? "" : attempt.getName();
		String address = addressOf(attempt);
		// One statement reads the account, its standing and the throttle's answer (ADR
		// 52).
		// Checked first but acted on last: the password is still checked while held, so
		// every attempt costs the same and a wrong one still counts towards the lockout.
		SignInCheck check = throttle.check(username, address);
		Authentication result = remembered.recall(attempt, check.account());
		boolean recalled = result != null;
		if (!recalled) {
			try {
				result = passwords.authenticate(attempt);
			}
			catch (AuthenticationException ex) {
				throttle.failed(username, address);
				throw new BadCredentialsException(REFUSED);
			}
		}
		if (result == null || check.held()) {
			throw new BadCredentialsException(REFUSED);
		}
		if (result.getPrincipal() instanceof PersonSideAtTheStaffDoor.Account) {
			throw new SignInAtTheOtherDoor(false);
		}
		if (check.hasFailures()) {
			throttle.succeeded(username);
		}
		if (recalled && check.standing() != null) {
			// SignInSteps uses the standing read with the remembered sign-in rather than
			// reading it again; not after a password or reset-code check, which may have
			// changed the account since.
			RequestAttributes request = RequestContextHolder.getRequestAttributes();
			if (request != null) {
				request.setAttribute(AccountStandingFilter.STANDING, check.standing(), RequestAttributes.SCOPE_REQUEST);
			}
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return passwords.supports(authentication);
	}

	static @Nullable String addressOf(Authentication attempt) {
		return (attempt.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress() : null;
	}

}
