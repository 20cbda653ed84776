package care.seamless.door.web;

import java.io.IOException;

import care.seamless.door.PersonAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a person-side session as soon as its account is disabled or its sessions are
 * ended, by reading the account's standing on each request (as staff sessions are).
 */
final class PersonStandingFilter extends OncePerRequestFilter {

	private final PersonAccounts accounts;

	PersonStandingFilter(PersonAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof PersonSignedIn user) {
			boolean allowed = accounts.current(user.accountId())
				.map(a -> a.enabled() && a.sessionEpoch() == user.sessionEpoch())
				.orElse(false);
			if (!allowed) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
		}
		chain.doFilter(request, response);
	}

}
