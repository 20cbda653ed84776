package care.seamless.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import care.seamless.consent.AccessDenied;
import care.seamless.linkage.NotAuthorisedToImport;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Turns every failure into an OperationOutcome with a stable code and, where known, the
 * place in the request it concerns; never a stack trace, and never a 500 for anything the
 * client sent. Only ids and codes are logged, never what was sent.
 */
@Component
class FhirErrors {

	private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

	/** HAPI's message when no method handles {@code Type/id/_history[/vid]}. */
	private static final java.util.regex.Pattern VERSION_READ = java.util.regex.Pattern
		.compile("does not know how to handle \\w+ operation\\[[A-Za-z]+/[^/\\]]+/_history");

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException translate(Throwable thrown) {
		return translateOne(thrown);
	}

	/**
	 * A failure an interceptor throws: HAPI's own exception, so HAPI does not log it as a
	 * server error, carrying the failure as its cause, so the outgoing translation above
	 * answers it exactly as when a provider throws it.
	 */
	static BaseServerResponseException fromInterceptor(FhirFailure failure) {
		BaseServerResponseException answer = translateOne(failure);
		answer.initCause(failure);
		return answer;
	}

	/** The failure as HAPI answers it, with our OperationOutcome inside. */
	static BaseServerResponseException translateOne(Throwable thrown) {
		Throwable cause = rootOf(thrown);
		if (cause instanceof FhirFailure failure) {
			return exception(failure.error(), failure.getMessage(), failure.expression());
		}
		if (cause instanceof NotAuthorisedToImport) {
			return exception(FhirError.ACCESS_DENIED, "Only administrators import people", null);
		}
		if (cause instanceof org.springframework.dao.DuplicateKeyException) {
			return exception(FhirError.CONFLICT, "The same resource arrived twice at once: send it again", null);
		}
		if (cause instanceof InvalidRequestException invalid && invalid.getMessage() != null
				&& invalid.getMessage().contains("resource type")) {
			return exception(FhirError.WRONG_RESOURCE_TYPE, withoutHapiPrefix(invalid.getMessage()), null);
		}
		if (cause instanceof InvalidRequestException invalid && invalid.getMessage() != null
				&& VERSION_READ.matcher(invalid.getMessage()).find()) {
			// No handler for a vread or history: only Patient keeps versions (its current
			// one); everything else is read as it is now.
			return exception(FhirError.VERSIONS_NOT_KEPT,
					"Earlier versions of this resource are not kept: read it without _history", "_history");
		}
		if (cause instanceof InvalidRequestException invalid && invalid.getMessage() != null
				&& invalid.getMessage().contains("does not know how to handle")) {
			// An interaction the CapabilityStatement does not claim (a Group read or
			// search, say): the stable code, not HAPI's text echoing the request.
			return exception(FhirError.NOT_SUPPORTED, "This interaction is not supported here: see /fhir/metadata",
					null);
		}
		if (cause instanceof InvalidRequestException invalid && invalid.getMessage() != null
				&& invalid.getMessage().contains("Failed to parse request body")) {
			return exception(FhirError.MALFORMED_BODY, "The body is not a readable FHIR resource", null);
		}
		if (cause instanceof AccessDenied denied) {
			return exception(FhirError.ACCESS_DENIED,
					"Access refused: " + denied.decision().policy() + ": " + denied.decision().reason(), null);
		}
		if (cause instanceof NotFoundException || cause instanceof ResourceNotFoundException) {
			return exception(FhirError.NOT_FOUND, "No such resource", null);
		}
		if (cause instanceof ConcurrentEditException) {
			return exception(FhirError.CONFLICT, "Someone else changed this resource: read it again", null);
		}
		if (cause instanceof DataFormatException) {
			return exception(FhirError.MALFORMED_BODY, "The body is not a readable FHIR resource", null);
		}
		if (cause instanceof MethodNotAllowedException || cause instanceof NotImplementedOperationException) {
			return exception(FhirError.NOT_SUPPORTED, "This interaction is not supported here: see /fhir/metadata",
					null);
		}
		if (cause instanceof ResourceVersionConflictException) {
			return exception(FhirError.CONFLICT, "Someone else changed this resource: read it again", null);
		}
		if (cause instanceof BaseServerResponseException hapi && hapi.getStatusCode() < 500) {
			return exception(hapi.getStatusCode() == 404 ? FhirError.NOT_FOUND : FhirError.INVALID_PARAMETER,
					withoutHapiPrefix(hapi.getMessage()), null);
		}
		log.error("FHIR request failed: {}", cause.getClass().getName(), cause);
		return exception(FhirError.INTERNAL, "Something went wrong on our side; it has been logged", null);
	}

	/**
	 * The first cause we know how to answer, through HAPI's and reflection's wrappers.
	 */
	private static Throwable rootOf(Throwable thrown) {
		Throwable current = thrown;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (current instanceof FhirFailure || current instanceof AccessDenied
					|| current instanceof NotAuthorisedToImport
					|| current instanceof org.springframework.dao.DuplicateKeyException
					|| current instanceof NotFoundException || current instanceof ConcurrentEditException
					|| current instanceof DataFormatException) {
				return current;
			}
			current = current.getCause();
		}
		return thrown;
	}

	// HAPI numbers its messages ("HAPI-1234: ..."); the number is its, not ours.
	private static String withoutHapiPrefix(@Nullable String message) {
		return message == null ? "Bad request" : message.replaceFirst("^HAPI-\\d+: ", "");
	}

	static OperationOutcome outcome(FhirError error, String message, @Nullable String expression) {
		OperationOutcome outcome = new OperationOutcome();
		OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
			.setSeverity(
					error.status() >= 500 ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
			.setCode(error.type())
			.setDetails(new CodeableConcept().setText(message));
		issue.getDetails().addCoding().setSystem(FhirError.SYSTEM).setCode(error.code());
		issue.setDiagnostics(message);
		if (expression != null) {
			issue.addExpression(expression);
		}
		return outcome;
	}

	static BaseServerResponseException exception(FhirError error, String message, @Nullable String expression) {
		OperationOutcome outcome = outcome(error, message, expression);
		return switch (error.status()) {
			case 403 -> new ForbiddenOperationException(message, outcome);
			case 404 -> new ResourceNotFoundException(message, outcome);
			case 405 -> new MethodNotAllowedException(message, outcome);
			case 409 -> new ResourceVersionConflictException(message, outcome);
			case 422 -> new UnprocessableEntityException(message, outcome);
			case 400 -> new InvalidRequestException(message, outcome);
			default -> new UnclassifiedServerFailureException(error.status(), message, outcome);
		};
	}

}
