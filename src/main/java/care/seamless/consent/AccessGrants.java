package care.seamless.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time-limited access for a whole team to some categories of a person's information: what
 * a pending referral gives the receiving team so it can decide, without joining the care
 * team yet. Agreements, objections and consent still apply to everything a grant reaches.
 */
@Service
public class AccessGrants {

	private final AccessGrantRepository repository;

	private final AuditLog auditLog;

	private final Clock clock;

	private final WritePermissions permissions;

	private final AccessPolicy accessPolicy;

	AccessGrants(AccessGrantRepository repository, AuditLog auditLog, Clock clock, WritePermissions permissions,
			AccessPolicy accessPolicy) {
		this.repository = repository;
		this.auditLog = auditLog;
		this.clock = clock;
		this.permissions = permissions;
		this.accessPolicy = accessPolicy;
	}

	/**
	 * Gives the team access to the categories until {@code expiresAt}, if the actor may
	 * ({@link WritePermissions#teamGrant}): all the categories or none, and the decision
	 * audited either way.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void grant(Actor actor, PersonId person, TeamId team, Set<DataCategory> categories, Instant expiresAt,
			String source) {
		AccessDecision decision = permissions.teamGrant(actor, person, team, categories);
		if (!decision.permitted()) {
			accessPolicy.audited(actor, "grant", "AccessGrant", null, person, decision);
		}
		for (DataCategory category : categories) {
			UUID id = UUID.randomUUID();
			repository.insert(id, person, team, category, source, expiresAt, clock.instant());
			auditLog.record(
					AuditEvent
						.permitted(actor, "grant-" + category.name().toLowerCase(java.util.Locale.ROOT), "AccessGrant",
								id, person)
						.withReason(WritePermissions.reason(decision)));
		}
	}

	/**
	 * Gives the team access to exactly what a referral sends: the categories of the
	 * record (core details, documents, alerts; never their assessment sections or plan
	 * items) and each chosen item by name, until {@code expiresAt}, if the actor may
	 * ({@link WritePermissions#teamGrant} over every category involved). All or nothing,
	 * and audited either way, each item by its id.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void grantChosen(Actor actor, PersonId person, TeamId team, Set<DataCategory> categories,
			java.util.List<GrantedItem> items, Instant expiresAt, String source) {
		Set<DataCategory> involved = new java.util.LinkedHashSet<>(categories);
		items.forEach(item -> involved.add(item.category()));
		AccessDecision decision = permissions.teamGrant(actor, person, team, involved);
		if (!decision.permitted()) {
			accessPolicy.audited(actor, "grant", "AccessGrant", null, person, decision);
		}
		Instant now = clock.instant();
		for (DataCategory category : categories) {
			UUID id = UUID.randomUUID();
			repository.insertScoped(id, person, team, category, null, source, expiresAt, now);
			auditLog.record(
					AuditEvent
						.permitted(actor, "grant-" + category.name().toLowerCase(java.util.Locale.ROOT), "AccessGrant",
								id, person)
						.withReason(WritePermissions.reason(decision)));
		}
		for (GrantedItem item : items) {
			repository.insertScoped(UUID.randomUUID(), person, team, item.category(), item, source, expiresAt, now);
			auditLog.record(AuditEvent
				.permitted(actor, "grant-" + item.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
						"AccessGrant", item.id(), person)
				.withReason(WritePermissions.reason(decision)));
		}
	}

	/**
	 * Gives the admitting ward team access to the person's general information until
	 * {@code expiresAt}, if the actor may ({@link WritePermissions#admittingWard}); the
	 * decision is audited either way.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void grantToAdmittingWard(Actor actor, PersonId person, TeamId ward, Instant expiresAt, String source) {
		AccessDecision decision = permissions.admittingWard(actor, person, ward);
		if (!decision.permitted()) {
			accessPolicy.audited(actor, "grant", "AccessGrant", null, person, decision);
		}
		UUID id = UUID.randomUUID();
		repository.insert(id, person, ward, DataCategory.GENERAL, source, expiresAt, clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "grant-general", "AccessGrant", id, person)
			.withReason(WritePermissions.reason(decision)));
	}

	@Transactional
	public int revoke(Actor actor, PersonId person, TeamId team, String source) {
		int revoked = repository.revoke(person, team, source, clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "revoke-grants", "AccessGrant", source, person));
		return revoked;
	}

}
