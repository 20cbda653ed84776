package care.seamless.web;

import care.seamless.shared.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;

/**
 * What someone sees when they are not signed in, or their session has ended under a form:
 * a page that says so in plain words for a browser, problem+json for an API client. A
 * missing or stale CSRF token almost always means the session it belonged to has ended.
 */
final class SessionProblems {

	static final String SESSION_ENDED_PAGE = "/session-ended";

	private SessionProblems() {
	}

	/**
	 * Browsers go to sign in (and come back after), an htmx request reloads its page so
	 * the same happens, and API clients get 401 with the bearer challenge, whatever
	 * credentials they were expected to send.
	 */
	static AuthenticationEntryPoint entryPoint(AuthenticationEntryPoint apiClients) {
		LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
		LoginUrlAuthenticationEntryPoint signInAgain = new LoginUrlAuthenticationEntryPoint("/login?expired");
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			if (Problems.forApi(request)) {
				apiClients.commence(request, response, ex);
			}
			else if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Refresh", "true");
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
				// The browser still holds the cookie of a session that has ended.
				signInAgain.commence(request, response, ex);
			}
			else {
				signIn.commence(request, response, ex);
			}
		};
	}

	static AccessDeniedHandler accessDeniedHandler() {
		AccessDeniedHandlerImpl sessionEnded = new AccessDeniedHandlerImpl();
		sessionEnded.setErrorPage(SESSION_ENDED_PAGE);
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) -> {
			boolean ended = ex instanceof CsrfException;
			if (Problems.forApi(request)) {
				Problems.write(response, HttpStatus.FORBIDDEN,
						ended ? ErrorCode.SESSION_ENDED : ErrorCode.ACCESS_DENIED,
						ended ? "The session has ended or the CSRF token is missing: sign in again"
								: "You do not have permission to do this");
			}
			else if (ended) {
				sessionEnded.handle(request, response, ex);
			}
			else {
				forbidden.handle(request, response, ex);
			}
		};
	}

}
