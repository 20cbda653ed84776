package care.seamless.web;

import java.time.Duration;

import care.seamless.shared.PageController;
import care.seamless.team.SignedInAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells each signed-in page how long its session lasts without use, so the page can warn
 * before it ends; which account it is, so text kept in the browser is offered back only
 * to the person who typed it; and where that kind of session is kept alive and signed out
 * (staff and the person's door have a filter chain each). Pages only: an API call's model
 * is never rendered (ADR 85). Error pages ask for it themselves (ADR 90).
 */
// Boot's error controller renders error.html in the same layout as any page.
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class SessionTimeoutAdvice {

	/**
	 * The person's door's chain ({@code door.web.DoorSecurityConfiguration}) answers
	 * these.
	 */
	static final String DOOR_KEEP_ALIVE = "/me/session/keep-alive";

	static final String DOOR_SIGN_OUT = "/me/sign-out";

	private final Duration warning;

	SessionTimeoutAdvice(@Value("${seamless.session.warning:PT2M}") Duration warning) {
		this.warning = warning;
	}

	/**
	 * @param timeoutSeconds the shortest the session may still last: the page warns
	 * before it
	 * @param endsSeconds the longest it may last: the page looks again only after it,
	 * since looking is itself a use that would keep a session not yet ended
	 * @param keepAlive where "stay signed in" posts, in the chain of the session's kind
	 * @param signOut where the warning's "sign out" posts
	 */
	record SessionTiming(int timeoutSeconds, long warningSeconds, int endsSeconds, String account, String keepAlive,
			String signOut) {
	}

	@ModelAttribute("sessionTiming")
	@Nullable SessionTiming sessionTiming(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session == null || authentication == null
				|| !(authentication.getPrincipal() instanceof SignedInAccount account)) {
			return null;
		}
		int ends = session.getMaxInactiveInterval();
		if (ends <= 0) {
			return null;
		}
		int timeout = ends;
		// The stored last use moves in steps (SessionWrites), so the session may end up
		// to one step before its full timeout: the page counts from the shorter time.
		int step = (int) SessionWrites.LAST_ACCESS_STEP.toSeconds();
		if (timeout > 2 * step) {
			timeout -= step;
		}
		// Never warn for more than half the session, however short it is.
		long warn = Math.min(warning.toSeconds(), timeout / 2);
		// Staff principals are SignedInUser; every other kind is the person's door's.
		boolean staff = account instanceof SignedInUser;
		return new SessionTiming(timeout, warn, ends, account.accountId().toString(),
				staff ? "/session/keep-alive" : DOOR_KEEP_ALIVE, staff ? "/logout" : DOOR_SIGN_OUT);
	}

}
