package care.seamless.web;

import care.seamless.team.Accounts;
import care.seamless.team.Directory;
import care.seamless.team.SignInThrottle;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Signs in with the password, or else with an administrator's one-time reset code in its
 * place. Behind the same {@link ThrottledAuthentication} as passwords, so codes cannot be
 * guessed faster; while the name is held the code is not even tried, so a hold cannot use
 * it up.
 */
class ResetCodeAuthentication implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final Accounts accounts;

	private final Directory directory;

	private final SignInThrottle throttle;

	ResetCodeAuthentication(AuthenticationProvider passwords, Accounts accounts, Directory directory,
			SignInThrottle throttle) {
		this.passwords = passwords;
		this.accounts = accounts;
		this.directory = directory;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		try {
			return passwords.authenticate(attempt);
		}
		catch (AuthenticationException ex) {
			return withResetCode(attempt);
		}
	}

	private Authentication withResetCode(Authentication attempt) {
		String username = attempt.getName() == null ? "" : attempt.getName();
		Object code = attempt.getCredentials();
		if (!(code instanceof String typed) || typed.isBlank() || typed.length() > 64
				|| throttle.held(username, ThrottledAuthentication.addressOf(attempt))) {
			throw new BadCredentialsException(ThrottledAuthentication.REFUSED);
		}
		SignedInUser user = accounts.redeemResetCode(username, typed)
			.flatMap(account -> directory.accountForSignIn(username))
			.map(SignedInUser::new)
			.orElseThrow(() -> new BadCredentialsException(ThrottledAuthentication.REFUSED));
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		result.setDetails(attempt.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
