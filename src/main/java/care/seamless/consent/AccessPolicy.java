package care.seamless.consent;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.team.CareTeams;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy decision point. It fails closed: information is visible only when every
 * named policy allows it (relationship, agreement, objection, sensitivity and consent;
 * capacity is enforced when choices are recorded), or a break-glass override applies.
 * Nothing is cached, so a changed choice counts on the very next request.
 */
@Service
public class AccessPolicy {

	private static final UUID NOBODY = new UUID(0, 0);

	private final AccessRepository repository;

	private static final AccessDecision READ_ONLY_OVERRIDE = AccessDecision.deny("override",
			"Emergency access for this reason lets you read the record, not change it");

	private final AuditLog auditLog;

	private final OverrideRepository overrides;

	AccessPolicy(AccessRepository repository, AuditLog auditLog, OverrideRepository overrides) {
		this.repository = repository;
		this.auditLog = auditLog;
		this.overrides = overrides;
	}

	/** Decides about one item of information without side effects. */
	@Transactional(readOnly = true)
	public AccessDecision decide(Actor actor, PersonId person, DataCategory category, @Nullable OrganisationId source) {
		return decision(repository.evaluate(params(actor), person, category, source));
	}

	/**
	 * {@link #check} for the record, plus {@link #decide} for two categories of one item
	 * (the record's own details), all from one query: the record view's hot path. Returns
	 * the record decision followed by the two item decisions.
	 */
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public java.util.List<AccessDecision> checkWithParts(Actor actor, PersonId person, String action, String recordType,
			DataCategory first, DataCategory second, @Nullable OrganisationId source) {
		AccessRepository.PairEvaluation e = repository.evaluatePair(params(actor), person, first, second, source);
		audit(actor, person, action, recordType, recordDecision(e.record()));
		return java.util.List.of(recordDecision(e.record()), decision(e.first()), decision(e.second()));
	}

	private static AccessDecision decision(AccessRepository.Evaluation e) {
		if (e.override()) {
			return AccessDecision.byOverride("Emergency access (break glass) is in force for you");
		}
		if (!e.relationship()) {
			return AccessDecision.withheld(WithheldReason.NO_RELATIONSHIP);
		}
		if (!e.agreement()) {
			return AccessDecision.withheld(WithheldReason.NO_AGREEMENT);
		}
		if (e.objected()) {
			return AccessDecision.withheld(WithheldReason.OBJECTION);
		}
		if (e.sensitiveCrossing() && !e.consented()) {
			return AccessDecision.withheld(WithheldReason.NO_CONSENT);
		}
		return AccessDecision.permit(e.sensitiveCrossing() ? "consent" : "relationship",
				e.sensitiveCrossing() ? "The person has consented to sharing this with your organisation"
						: "You are in this person's care team");
	}

	/**
	 * Decides whether the actor may open the person's record at all (individual items are
	 * filtered separately).
	 */
	@Transactional(readOnly = true)
	public AccessDecision decideRecord(Actor actor, PersonId person) {
		return recordDecision(repository.evaluateRecord(params(actor), person));
	}

	private static AccessDecision recordDecision(AccessRepository.RecordEvaluation e) {
		if (e.override()) {
			return AccessDecision.byOverride("Emergency access (break glass) is in force for you");
		}
		if (e.relationship()) {
			return AccessDecision.permit("relationship", "You are in this person's care team");
		}
		return AccessDecision.withheld(WithheldReason.NO_RELATIONSHIP);
	}

	/**
	 * Decides about the record and audits in one step. A denial is recorded and then
	 * thrown, so the caller's transaction must not roll back on {@link AccessDenied} (the
	 * audit entry of a refused look is the point).
	 */
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public AccessDecision check(Actor actor, PersonId person, DataCategory category, String action, String recordType) {
		AccessRepository.RecordEvaluation e = repository.evaluateRecord(params(actor), person);
		AccessDecision decision = recordDecision(e);
		if (e.override() && !e.relationship() && isChange(action) && !overridePermitsChange(actor, person)) {
			decision = READ_ONLY_OVERRIDE;
		}
		return audit(actor, person, action, recordType, decision);
	}

	/**
	 * Emergency access is for reading; it allows a change only under a reason that needs
	 * one ({@link OverrideReason#permitsChange}). Every action that is not a read is a
	 * change.
	 */
	private static boolean isChange(String action) {
		return !(action.equals("read") || action.startsWith("read-"));
	}

	private boolean overridePermitsChange(Actor actor, PersonId person) {
		return overrides.activeReasons(person, actor.username()).stream().anyMatch(OverrideReason::permitsChange);
	}

	private AccessDecision audit(Actor actor, PersonId person, String action, String recordType,
			AccessDecision decision) {
		AuditEvent event = decision.permitted() ? AuditEvent.permitted(actor, action, recordType, person, person)
				: AuditEvent.denied(actor, action, recordType, person, person, "");
		event = event.withReason(decision.policy() + ": " + decision.reason());
		auditLog.record(decision.override() ? event.asOverride() : event);
		if (!decision.permitted()) {
			throw new AccessDenied(person, decision);
		}
		return decision;
	}

	/**
	 * Record-level visibility as SQL over the person id in {@code personColumn}
	 * (caseloads, search flags).
	 */
	public SqlCondition visibleRecords(Actor actor, String personColumn) {
		return new SqlCondition(
				"(" + AccessRules.override(personColumn) + " or " + AccessRules.recordRelationship(personColumn) + ")",
				params(actor));
	}

	/**
	 * Item-level visibility as SQL: the exact rule of {@link #decide}, to AND into a
	 * query's WHERE clause.
	 */
	public SqlCondition visibleItems(Actor actor, String personColumn, String categoryColumn, String sourceColumn) {
		return new SqlCondition(AccessRules.visible(personColumn, categoryColumn, sourceColumn), params(actor));
	}

	/**
	 * A text SQL expression naming a {@link WithheldReason} (or null when visible), with
	 * the same parameters.
	 */
	public SqlCondition withheldReason(Actor actor, String personColumn, String categoryColumn, String sourceColumn) {
		return new SqlCondition(AccessRules.withheldReason(personColumn, categoryColumn, sourceColumn), params(actor));
	}

	static Map<String, Object> params(Actor actor) {
		Map<String, Object> params = new HashMap<>();
		params.put(CareTeams.PRACTITIONER_PARAM, actor.practitionerId() == null ? NOBODY : actor.practitionerId().id());
		params.put("viewerOrg", actor.organisationId() == null ? NOBODY : actor.organisationId().id());
		params.put("purpose", actor.purpose().name());
		params.put("pdpAccount", actor.username());
		return params;
	}

}
