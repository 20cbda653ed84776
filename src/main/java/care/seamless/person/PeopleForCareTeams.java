package care.seamless.person;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessPolicy;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.team.CareTeamPeople;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names people on care-team pages (requests, the manager's allocation list) only where
 * the access policy lets the reader see them, decided inside the query.
 */
@Component
class PeopleForCareTeams implements CareTeamPeople {

	private final CareTeamPeopleRepository repository;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	PeopleForCareTeams(CareTeamPeopleRepository repository, AccessPolicy accessPolicy, AuditLog auditLog) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<PersonId, String> visibleNames(Actor actor, Collection<PersonId> people) {
		if (people.isEmpty()) {
			return Map.of();
		}
		return repository.names(people, accessPolicy.visibleRecords(actor, "p.id"));
	}

	@Override
	@Transactional
	public List<Unallocated> unallocated(Actor actor) {
		List<Unallocated> waiting = repository.unallocated(accessPolicy.allocatable(actor, "p.source_organisation_id"));
		if (!waiting.isEmpty()) {
			auditLog.record(AuditEvent.permitted(actor, "read-unallocated", "Person", null, null)
				.withReason("allocation: " + waiting.size() + " waiting for a lead professional"));
		}
		return waiting;
	}

}
