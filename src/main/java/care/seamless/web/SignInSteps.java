package care.seamless.web;

import java.io.IOException;

import care.seamless.shared.ErrorCode;
import care.seamless.team.Directory;
import care.seamless.team.SessionStanding;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a signed-in session at the step it has not finished: a second-factor code for an
 * account that has one, then a new password after an administrator's reset. Until then
 * every other page sends the person back to that step (and remembers where they were
 * going), and the API refuses. Runs after every sign-in filter, so a Basic or token
 * sign-in is held too, and reuses {@link AccountStandingFilter}'s reading of the account.
 */
class SignInSteps extends OncePerRequestFilter {

	static final String CODE_PAGE = "/login/code";

	static final String PASSWORD_PAGE = "/account/password";

	/** The account whose second-factor code this session has given. */
	static final String SECOND_FACTOR_GIVEN = "seamless.secondFactorGiven";

	static final String RETURN_TO = "seamless.returnTo";

	private final Directory directory;

	SignInSteps(Directory directory) {
		this.directory = directory;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			SessionStanding current = standing(request, user);
			String step = current == null ? null : pendingStep(request, user, current);
			if (step != null && !allowedDuring(path(request), step)) {
				holdAt(step, request, response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	// Read once per request: a session's was read by AccountStandingFilter, a Basic
	// sign-in's is read here, after the filter that signed it in.
	private @Nullable SessionStanding standing(HttpServletRequest request, SignedInUser user) {
		if (request.getAttribute(AccountStandingFilter.STANDING) instanceof SessionStanding read) {
			return read;
		}
		return directory.standing(user.accountId()).orElse(null);
	}

	private static @Nullable String pendingStep(HttpServletRequest request, SignedInUser user,
			SessionStanding standing) {
		// The session only for an account with a second factor: a Basic call that sends a
		// cookie along would otherwise read the session row for nothing.
		if (standing.secondFactor()) {
			HttpSession session = request.getSession(false);
			if (session == null || !user.accountId().toString().equals(session.getAttribute(SECOND_FACTOR_GIVEN))) {
				return CODE_PAGE;
			}
		}
		return standing.mustChangePassword() ? PASSWORD_PAGE : null;
	}

	private static boolean allowedDuring(String path, String step) {
		return path.equals(step) || path.equals("/logout") || path.startsWith("/webjars/") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/assets/") || path.equals("/favicon.ico")
				|| path.equals("/error") || path.equals(SessionProblems.SESSION_ENDED_PAGE);
	}

	private static void holdAt(String step, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (Problems.forApi(request)) {
			Problems.write(response, step.equals(CODE_PAGE) ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN,
					ErrorCode.SIGN_IN_INCOMPLETE,
					step.equals(CODE_PAGE) ? "This account signs in on the sign-in page with a second-factor code"
							: "Choose a new password on the sign-in page first");
			return;
		}
		if ("GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null) {
			String query = request.getQueryString();
			request.getSession().setAttribute(RETURN_TO, path(request) + (query == null ? "" : "?" + query));
		}
		response.sendRedirect(request.getContextPath() + step);
	}

	/**
	 * Where to go once the steps are done: the page first asked for, if it is one of
	 * ours.
	 */
	static String returnTo(HttpSession session) {
		Object saved = session.getAttribute(RETURN_TO);
		session.removeAttribute(RETURN_TO);
		if (saved instanceof String path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")) {
			return path;
		}
		return "/";
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
