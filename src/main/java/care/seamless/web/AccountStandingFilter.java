package care.seamless.web;

import java.io.IOException;
import java.util.Optional;

import care.seamless.team.Directory;
import care.seamless.team.SessionStanding;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session as soon as its account is disabled, or its roles or password are changed
 * by an administrator, by reading the account's standing from the database on each
 * request (with the session's own read where it can, ADR 70). A check per request, rather
 * than Spring Security's in-memory session registry, because it works with any session
 * store and on every node of a cluster. Once the context is cleared the request goes on
 * as anonymous, so pages are sent to sign-in and the API answers 401 as for anyone not
 * signed in.
 */
class AccountStandingFilter extends OncePerRequestFilter {

	/** The request attribute holding the standing read, for {@link SignInSteps}. */
	static final String STANDING = AccountStandingFilter.class.getName() + ".standing";

	private final Directory directory;

	AccountStandingFilter(Directory directory) {
		this.directory = directory;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			Optional<SessionStanding> standing = standing(request, user);
			standing.ifPresent(current -> request.setAttribute(STANDING, current));
			boolean allowed = standing.map(current -> current.allows(user.sessionEpoch())).orElse(false);
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

	/**
	 * The standing the session's own read brought, when it is this account's (ADR 70);
	 * otherwise, as for a session whose user name has since changed, a read of its own.
	 * Either way it was read in this request.
	 */
	private Optional<SessionStanding> standing(HttpServletRequest request, SignedInUser user) {
		HttpSession session = request.getSession(false);
		Directory.StandingRead read = session == null ? null : SessionWrites.standingReadWith(session.getId());
		if (read != null && read.account().equals(user.accountId())) {
			return Optional.of(read.standing());
		}
		return directory.standing(user.accountId());
	}

}
