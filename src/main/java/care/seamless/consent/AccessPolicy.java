package care.seamless.consent;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy decision point. It fails closed: a read is permitted only when a policy
 * permits it. Today the one policy is the care relationship; agreements, consent,
 * capacity and overrides join it as further named policies, and callers do not change.
 */
@Service
public class AccessPolicy {

	private final RelationshipPolicy relationship;

	private final AuditLog auditLog;

	AccessPolicy(RelationshipPolicy relationship, AuditLog auditLog) {
		this.relationship = relationship;
		this.auditLog = auditLog;
	}

	/**
	 * Decides without side effects; use {@link #check} when the decision guards a read.
	 */
	@Transactional(readOnly = true)
	public AccessDecision decide(Actor actor, PersonId person, DataCategory category) {
		return relationship.decide(actor, person);
	}

	/**
	 * Decides and audits in one step. A denial is recorded and then thrown, so the
	 * caller's transaction must not roll back on {@link AccessDenied} (the audit entry of
	 * a refused look is the point).
	 */
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public AccessDecision check(Actor actor, PersonId person, DataCategory category, String action, String recordType) {
		AccessDecision decision = decide(actor, person, category);
		if (!decision.permitted()) {
			auditLog.record(AuditEvent.denied(actor, action, recordType, person, person,
					decision.policy() + ": " + decision.reason()));
			throw new AccessDenied(person, decision);
		}
		auditLog.record(AuditEvent.permitted(actor, action, recordType, person, person)
			.withReason(decision.policy() + ": " + decision.reason()));
		return decision;
	}

	/**
	 * The same rule as {@link #decide}, as an SQL condition over the person id in
	 * {@code personColumn}.
	 */
	public SqlCondition visibleRecords(Actor actor, String personColumn) {
		return relationship.condition(actor, personColumn);
	}

}
