package care.seamless.web;

import java.net.URI;
import java.util.List;

import care.seamless.shared.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers: a person's browser gets the "Page not found" page with the
 * header, an API client gets problem+json.
 * <p>
 * No controller handles these, so neither {@link PageErrorHandling} nor
 * {@link ApiErrorHandling} sees them; without this, Boot's problem-details handler would
 * answer a browser with JSON. The header's user and the session's timing come from
 * {@link ErrorPageModel}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class UnknownAddressHandling {

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	Object unknownAddress(HttpServletRequest request) {
		if (wantsJson(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"Nothing is at this address");
			problem.setType(URI.create("urn:seamless:problem:" + ErrorCode.NOT_FOUND.slug()));
			problem.setProperty("code", ErrorCode.NOT_FOUND.name());
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		// The person's door has its own layout, words and way home (ADR 90).
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean door = path.equals("/me") || path.startsWith("/me/");
		return new ModelAndView(door ? "door/not-found" : "error/not-found", HttpStatus.NOT_FOUND);
	}

	/**
	 * An address that only takes a form's POST (an administrator's action pasted into the
	 * address bar, a page reloaded after its form was refused): a person gets a page
	 * saying so, with the header; the API keeps problem+json and the Allow header.
	 */
	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object wrongMethod(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		if (ex.getSupportedHttpMethods() != null) {
			headers.setAllow(ex.getSupportedHttpMethods());
		}
		if (wantsJson(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
					"This address does not answer " + ex.getMethod());
			problem.setType(URI.create("urn:seamless:problem:" + ErrorCode.METHOD_NOT_ALLOWED.slug()));
			problem.setProperty("code", ErrorCode.METHOD_NOT_ALLOWED.name());
			return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
				.headers(headers)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		return new ModelAndView("error/wrong-method", HttpStatus.METHOD_NOT_ALLOWED);
	}

	/**
	 * The API and FHIR addresses always answer JSON; elsewhere a client that asks for
	 * JSON and not for HTML gets it.
	 */
	static boolean wantsJson(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/fhir")) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		boolean html = types.stream()
			.anyMatch((type) -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
		boolean json = types.stream()
			.anyMatch((type) -> !type.isWildcardType() && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
					|| type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
		return json && !html;
	}

}
