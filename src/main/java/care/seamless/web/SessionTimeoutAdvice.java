package care.seamless.web;

import java.time.Duration;

import care.seamless.shared.PageController;
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
 * before it ends; and which account it is, so text kept in the browser is offered back
 * only to the person who typed it. Pages only: an API call's model is never rendered (ADR
 * 85).
 */
// Boot's error controller renders error.html in the same layout as any page.
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class SessionTimeoutAdvice {

	private final Duration warning;

	SessionTimeoutAdvice(@Value("${seamless.session.warning:PT2M}") Duration warning) {
		this.warning = warning;
	}

	record SessionTiming(int timeoutSeconds, long warningSeconds, String account) {
	}

	@ModelAttribute("sessionTiming")
	@Nullable SessionTiming sessionTiming(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session == null || authentication == null
				|| !(authentication.getPrincipal() instanceof SignedInUser user)) {
			return null;
		}
		int timeout = session.getMaxInactiveInterval();
		if (timeout <= 0) {
			return null;
		}
		// The stored last use moves in steps (SessionWrites), so the session may end up
		// to one step before its full timeout: the page counts from the shorter time.
		int step = (int) SessionWrites.LAST_ACCESS_STEP.toSeconds();
		if (timeout > 2 * step) {
			timeout -= step;
		}
		// Never warn for more than half the session, however short it is.
		long warn = Math.min(warning.toSeconds(), timeout / 2);
		return new SessionTiming(timeout, warn, user.accountId().toString());
	}

}
