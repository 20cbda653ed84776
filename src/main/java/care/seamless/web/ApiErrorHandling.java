package care.seamless.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import care.seamless.consent.AccessDenied;
import care.seamless.person.PersonRuleViolation;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.ErrorCode;
import care.seamless.shared.NotFoundException;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** RFC 9457 problem details for the JSON API, each with a stable error code. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandling {

	@ExceptionHandler(AccessDenied.class)
	ProblemDetail accessDenied(AccessDenied ex) {
		ProblemDetail problem = problem(HttpStatus.FORBIDDEN, ErrorCode.ACCESS_DENIED, ex.getMessage());
		problem.setProperty("policy", ex.decision().policy());
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "No such record");
	}

	@ExceptionHandler(ConcurrentEditException.class)
	ProblemDetail conflict(ConcurrentEditException ex) {
		return problem(HttpStatus.CONFLICT, ErrorCode.CONCURRENT_EDIT, ex.getMessage());
	}

	@ExceptionHandler(PersonRuleViolation.class)
	ProblemDetail rule(PersonRuleViolation ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ex.code(), ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "Some fields are invalid");
		problem.setProperty("errors",
				ex.getBindingResult()
					.getFieldErrors()
					.stream()
					.map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
					.toList());
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
				"The value of '" + ex.getName() + "' is not valid");
		problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", "Not a valid value")));
		return problem;
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
				"'" + ex.getParameterName() + "' is required");
		problem.setProperty("errors", List.of(Map.of("field", ex.getParameterName(), "message", "Required")));
		return problem;
	}

	/**
	 * A body that is not JSON, or a value of the wrong type (an id that is not a UUID, an
	 * unknown enum value): named by its field where the parser knows it. The value itself
	 * is not echoed, as it may be personal data.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		String field = field(ex);
		if (field.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "The request body is not valid JSON");
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
				"The value of '" + field + "' is not valid");
		problem.setProperty("errors", List.of(Map.of("field", field, "message", "Not a valid value")));
		return problem;
	}

	@ExceptionHandler(RefusedInput.class)
	ProblemDetail refused(RefusedInput ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return problem;
	}

	/**
	 * The same code and words as {@code UploadLimitFilter}'s refusal, for an upload found
	 * too large only once a handler reads it: a client sees one refusal, however it came.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, ErrorCode.UPLOAD_TOO_LARGE,
				"The file must be smaller than " + DataErrors.uploadLimit(ex));
	}

	/**
	 * The database's own refusal of a value (a number out of range, a malformed date):
	 * the request was bad, not the server, and its transaction was rolled back.
	 */
	@ExceptionHandler(DataAccessException.class)
	ProblemDetail dataError(DataAccessException ex) throws DataAccessException {
		if (!DataErrors.isBadValue(ex)) {
			throw ex;
		}
		return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "A value could not be stored");
	}

	private static String field(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null && !(cause instanceof JacksonException jackson && !jackson.getPath().isEmpty())) {
			cause = cause.getCause();
		}
		if (!(cause instanceof JacksonException jackson)) {
			return "";
		}
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : jackson.getPath()) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	private static ProblemDetail problem(HttpStatus status, ErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:seamless:problem:" + code.slug()));
		problem.setProperty("code", code.name());
		return problem;
	}

}
