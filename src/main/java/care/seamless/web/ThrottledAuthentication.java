package care.seamless.web;

import care.seamless.team.SignInThrottle;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and Basic) behind the {@link SignInThrottle}. Every refusal is
 * the same {@link BadCredentialsException}, whether the name is unknown, the password
 * wrong, the account disabled or locked, or the attempt too soon, so the response never
 * tells a guesser which it was.
 */
class ThrottledAuthentication implements AuthenticationProvider {

	static final String REFUSED = "The username or password is not right";

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledAuthentication(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName() == null ? "" : attempt.getName();
		String address = addressOf(attempt);
		// Checked first but acted on last: the password is still checked while held, so
		// every attempt costs the same and a wrong one still counts towards the lockout.
		boolean held = throttle.held(username, address);
		Authentication result;
		try {
			result = passwords.authenticate(attempt);
		}
		catch (AuthenticationException ex) {
			throttle.failed(username, address);
			throw new BadCredentialsException(REFUSED);
		}
		if (result == null || held) {
			throw new BadCredentialsException(REFUSED);
		}
		throttle.succeeded(username);
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
