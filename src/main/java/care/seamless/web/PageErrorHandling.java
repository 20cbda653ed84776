package care.seamless.web;

import care.seamless.consent.AccessDenied;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.team.SignedInAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Error pages for people; the API gets problem+json from {@link ApiErrorHandling}
 * instead. The header's user and the session's timing are put in every such page by
 * {@link ErrorPageModel}.
 * <p>
 * Ordered just after {@link ApiErrorHandling} so that a page's malformed request gets a
 * page rather than Boot's problem+json; every exception handled here is also handled
 * there, so the API never gets one of these pages.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageErrorHandling {

	@ExceptionHandler(AccessDenied.class)
	String accessDenied(AccessDenied ex, Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		// At the person's own door the staff page's reasons and offers (ask to join the
		// care team, emergency access) mean nothing: a carer whose access has ended is
		// told so in plain words and sent back to their own home page.
		if (request.getRequestURI().startsWith(request.getContextPath() + "/me/")) {
			Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
			Object principal = signedIn == null ? null : signedIn.getPrincipal();
			// The door's layout offers signing out to a person-side session.
			model.addAttribute("doorSignedIn",
					principal instanceof SignedInAccount && !(principal instanceof SignedInUser));
			return "door/denied";
		}
		model.addAttribute("decision", ex.decision());
		model.addAttribute("personId", ex.person());
		model.addAttribute("item", ex.item());
		return "error/access-denied";
	}

	@ExceptionHandler(ConcurrentEditException.class)
	String conflict(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		return "error/conflict";
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "error/not-found";
	}

	/**
	 * A malformed id in the address names nothing, so the page is not found; a malformed
	 * form value (a tampered hidden field or choice of a one-button action) is refused,
	 * naming the field, and nothing is saved.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String typeMismatch(MethodArgumentTypeMismatchException ex, Model model, HttpServletResponse response) {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return notFound(model, response);
		}
		return refused(new RefusedInput(ex.getName(), RefusedInput.Reason.NOT_VALID), model, response);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	String missingParameter(MissingServletRequestParameterException ex, Model model, HttpServletResponse response) {
		return refused(new RefusedInput(ex.getParameterName(), RefusedInput.Reason.MISSING), model, response);
	}

	@ExceptionHandler(RefusedInput.class)
	String refused(RefusedInput ex, Model model, HttpServletResponse response) {
		model.addAttribute("refusedField", ex.field());
		model.addAttribute("refusedReason", ex.reason().messageKey());
		return badRequest(model, response);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(MaxUploadSizeExceededException ex, Model model, HttpServletResponse response) {
		model.addAttribute("uploadLimit", DataErrors.uploadLimit(ex));
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		return "error/bad-request";
	}

	@ExceptionHandler(DataAccessException.class)
	String dataError(DataAccessException ex, Model model, HttpServletResponse response) throws DataAccessException {
		if (!DataErrors.isBadValue(ex)) {
			throw ex;
		}
		return badRequest(model, response);
	}

	private String badRequest(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "error/bad-request";
	}

}
