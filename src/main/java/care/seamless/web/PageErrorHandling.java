package care.seamless.web;

import care.seamless.consent.AccessDenied;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Error pages for people; the API gets problem+json from {@link ApiErrorHandling}
 * instead.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandling {

	@ExceptionHandler(AccessDenied.class)
	String accessDenied(AccessDenied ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("decision", ex.decision());
		model.addAttribute("personId", ex.person());
		return "error/access-denied";
	}

	@ExceptionHandler(ConcurrentEditException.class)
	String conflict(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		return "error/conflict";
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "error/not-found";
	}

}
