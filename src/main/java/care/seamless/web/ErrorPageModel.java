package care.seamless.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.ModelMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Spring's resolver of {@code @ExceptionHandler} methods, which runs no model attribute
 * method: a page an exception handler renders (not found, refused, a conflict, any
 * module's own refusal page) gets what every page's advices give it, the header's user
 * and the session's timing, so the header keeps the sign-out button and the idle warning
 * still comes while the page is open (ADR 90). Only for a page: a handler that wrote its
 * answer itself (problem+json) or redirects is left alone.
 */
final class ErrorPageModel extends ExceptionHandlerExceptionResolver {

	private final ObjectProvider<CurrentUserAdvice> currentUser;

	private final ObjectProvider<SessionTimeoutAdvice> sessionTiming;

	ErrorPageModel(ObjectProvider<CurrentUserAdvice> currentUser, ObjectProvider<SessionTimeoutAdvice> sessionTiming) {
		this.currentUser = currentUser;
		this.sessionTiming = sessionTiming;
	}

	@Override
	protected @Nullable ModelAndView doResolveHandlerMethodException(HttpServletRequest request,
			HttpServletResponse response, @Nullable HandlerMethod handlerMethod, Exception exception) {
		ModelAndView page = super.doResolveHandlerMethodException(request, response, handlerMethod, exception);
		if (page == null || !page.hasView()
				|| page.getViewName() != null && page.getViewName().startsWith("redirect:")) {
			return page;
		}
		ModelMap model = page.getModelMap();
		// A handler may have put them in itself; its own stands.
		if (!model.containsAttribute("currentUser")) {
			model.addAttribute("currentUser", currentUser.getObject().current());
		}
		if (!model.containsAttribute("sessionTiming")) {
			model.addAttribute("sessionTiming", sessionTiming.getObject().sessionTiming(request));
		}
		return page;
	}

}
