package care.seamless.consent;

import java.util.function.Consumer;

import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.audit.AuditPage;
import care.seamless.audit.AuditQuery;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Caldicott guardian's search of the audit log and its export for a subject access
 * request. Only guardians may use it: the log says who looked at whose record, which is
 * itself personal data. Every search, export and refusal is audited.
 */
@Service
public class GuardianAudit {

	public static final int PAGE_SIZE = 50;

	private static final String RECORD_TYPE = "AuditLog";

	private final AuditLog auditLog;

	GuardianAudit(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Transactional(noRollbackFor = AccessDeniedException.class)
	public AuditPage search(Actor actor, AuditQuery query, int page) {
		requireGuardian(actor, "search-audit", query);
		auditLog.record(AuditEvent.permitted(actor, "search-audit", RECORD_TYPE, null, person(query))
			.withReason(describe(query)));
		return auditLog.search(query, page, PAGE_SIZE);
	}

	/**
	 * Every entry about one person, oldest first, for a subject access request; the
	 * export itself is recorded before the first row is handed over.
	 */
	@Transactional(noRollbackFor = AccessDeniedException.class)
	public void exportForPerson(Actor actor, PersonId person, Consumer<AuditEntry> rows) {
		AuditQuery query = AuditQuery.forPerson(person.id());
		requireGuardian(actor, "export-audit", query);
		auditLog.record(AuditEvent.permitted(actor, "export-audit", RECORD_TYPE, null, person)
			.withReason("subject access request"));
		auditLog.export(query, rows);
	}

	private void requireGuardian(Actor actor, String action, AuditQuery query) {
		if (!actor.has(Role.CALDICOTT_GUARDIAN)) {
			String reason = "Only Caldicott guardians search the audit log";
			auditLog.record(AuditEvent.denied(actor, action, RECORD_TYPE, null, person(query), reason));
			throw new AccessDeniedException(reason);
		}
	}

	private static @Nullable PersonId person(AuditQuery query) {
		return query.personId() == null ? null : new PersonId(query.personId());
	}

	/** Which filters were used (no values that could be personal data). */
	private static String describe(AuditQuery query) {
		return "filters: " + (query.personId() != null ? "person " : "") + (query.account() != null ? "user " : "")
				+ (query.organisationCode() != null ? "organisation " : "")
				+ (query.from() != null || query.to() != null ? "dates" : "");
	}

}
