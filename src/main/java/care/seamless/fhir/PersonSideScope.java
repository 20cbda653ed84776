package care.seamless.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the person's own door account may do at {@code /fhir}: read a Patient (the access
 * policy then lets it open only its own record, or one it acts for as the door does) and
 * search {@code AuditEvent?patient=} (who saw the record: the person only). Anything else
 * is refused with 403 before any provider runs, and the refusal is audited.
 */
@Component
class PersonSideScope {

	static final String REFUSED = "A person's own account reads only its Patient and who saw the record "
			+ "(AuditEvent?patient=)";

	private final FhirCallers callers;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	PersonSideScope(FhirCallers callers, AuditLog auditLog, PlatformTransactionManager transactionManager) {
		this.callers = callers;
		this.auditLog = auditLog;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean check(RequestDetails request) {
		Actor actor = callers.current().orElse(null);
		if (actor == null || !actor.personSide() || allowed(request)) {
			return true;
		}
		String type = request.getResourceName() == null ? "System" : request.getResourceName();
		transactions.executeWithoutResult(status -> auditLog.record(AuditEvent.denied(actor, "read-fhir",
				type.length() > 40 ? "Unknown" : type, null, null, "person-side account outside its FHIR scope")));
		// HAPI's answer rather than our own exception: HAPI logs any other exception an
		// interceptor throws as a server error, and a refusal is not one.
		throw FhirErrors.fromInterceptor(new FhirFailure(FhirError.ACCESS_DENIED, null, REFUSED));
	}

	private static boolean allowed(RequestDetails request) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		String type = request.getResourceName();
		return operation == RestOperationTypeEnum.METADATA
				|| (operation == RestOperationTypeEnum.READ && "Patient".equals(type)
						&& !request.getId().hasVersionIdPart())
				|| (operation == RestOperationTypeEnum.SEARCH_TYPE && "AuditEvent".equals(type)
						&& request.getParameters().containsKey("patient"));
	}

}
