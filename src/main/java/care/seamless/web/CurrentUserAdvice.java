package care.seamless.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import care.seamless.notification.Notifications;
import care.seamless.shared.PageController;
import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts the signed-in user's name and organisation on every page for the header, and how
 * many of their notices are unread for the navigation.
 */
// Boot's error controller renders error.html in the same layout as any page.
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class CurrentUserAdvice {

	private final Notifications notifications;

	private final Map<Handler, Boolean> answersWithBody = new ConcurrentHashMap<>();

	CurrentUserAdvice(Notifications notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute("currentUser")
	@Nullable CurrentUser currentUser(HttpServletRequest request) {
		// Only page controllers get this (ADR 85), but some of their methods answer with
		// a
		// body (a download, a fragment of JSON): never a page with a header, so the
		// unread
		// count is not read for them.
		if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
				&& answersWithBody(handler)) {
			return null;
		}
		return current();
	}

	// Known once per controller method: the merged annotation search was about 1 % of
	// an API call's CPU (docs/benchmarks.md, session 13, reqcut).
	private boolean answersWithBody(HandlerMethod handler) {
		return answersWithBody.computeIfAbsent(new Handler(handler.getBeanType(), handler.getMethod()),
				key -> handler.hasMethodAnnotation(ResponseBody.class)
						|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class));
	}

	/**
	 * The signed-in user, or null; {@link ErrorPageModel} asks for it for error pages,
	 * because Spring does not run model attribute methods for exception handlers, and
	 * without it the header would lose the user's name and the sign-out button.
	 */
	@Nullable CurrentUser current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return new CurrentUser(user.displayName(), user.organisationName(), has(user, "ROLE_ADMINISTRATOR"),
					has(user, "ROLE_CALDICOTT_GUARDIAN") || has(user, "ROLE_TEAM_MANAGER"),
					has(user, "ROLE_CALDICOTT_GUARDIAN"),
					notifications.unread(user.actor(care.seamless.shared.Purpose.DIRECT_CARE)));
		}
		return null;
	}

	private static boolean has(SignedInUser user, String authority) {
		return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
	}

	private record Handler(Class<?> type, Method method) {
	}

	record CurrentUser(String name, String organisation, boolean administrator, boolean overseesAccess,
			boolean guardian, long unreadNotices) {
	}

}
