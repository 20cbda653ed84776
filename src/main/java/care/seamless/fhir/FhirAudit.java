package care.seamless.fhir;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits a FHIR read of something no domain read audits for us (the directory: who works
 * where), in a transaction of its own because the providers have none.
 */
@Component
class FhirAudit {

	private final AuditLog auditLog;

	FhirAudit(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Transactional
	public void read(Actor actor, String action, String recordType, @Nullable Object recordId) {
		auditLog.record(AuditEvent.permitted(actor, action, recordType, recordId, null));
	}

}
