package care.seamless.careplan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.SqlCondition;
import care.seamless.consent.WithheldReason;
import care.seamless.shared.Actor;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import care.seamless.team.Directory;
import care.seamless.team.Practitioner;
import care.seamless.team.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overdue escalation and the work queues. Nothing is ever ownerless, and nothing overdue
 * goes unnoticed: an overdue action goes to its owner's team manager, and each
 * organisation sees its overdue and offered-in actions.
 */
@Service
public class ActionQueues {

	private static final Logger log = LoggerFactory.getLogger(ActionQueues.class);

	private final ActionRepository repository;

	private final AccessPolicy accessPolicy;

	private final Directory directory;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ActionQueues(ActionRepository repository, AccessPolicy accessPolicy, Directory directory, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.directory = directory;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(cron = "${seamless.careplan.escalation-cron:0 0 * * * *}", zone = "Europe/London")
	void escalateOnSchedule() {
		int escalated = escalateOverdue();
		if (escalated > 0) {
			log.info("Escalated {} overdue care plan actions", escalated);
		}
	}

	/**
	 * Marks every open action past its due date that is not yet escalated, puts it in the
	 * queue of its owner's team manager, and tells the managers. Returns how many.
	 */
	@Transactional
	public int escalateOverdue() {
		Actor system = Actor.system("overdue-escalation");
		Instant now = clock.instant();
		int count = 0;
		for (ActionRepository.Row action : repository.overdueNotEscalated(LocalDate.now(clock))) {
			if (repository.markEscalated(action.id(), now, action.ownerTeam()) == 0) {
				continue;
			}
			repository.history(action.id(), action.personId(), "escalated", null, system.username(), now);
			auditLog.record(AuditEvent.permitted(system, "escalate", "CarePlanAction", action.id(), action.personId()));
			Set<PractitionerId> managers = action.ownerTeam() == null ? Set.of()
					: directory.managers(action.ownerTeam()).stream().map(Practitioner::id).collect(Collectors.toSet());
			events.publishEvent(new CarePlanChanged(action.planId(), action.personId(),
					CarePlanChanged.Change.ACTION_ESCALATED, Set.of(), managers, null));
			count++;
		}
		return count;
	}

	/**
	 * The actor's queues: only the actions the access policy lets them see, decided in
	 * the query, with a notice per reason and organisation for the rest. Audited as one
	 * read, like a search.
	 */
	@Transactional
	public WorkQueues queues(Actor actor) {
		// An action is listed only where its person's record opens too: the queue names
		// the
		// person, and a name must not reach someone the record is closed to (an item
		// reached through a linked record can be visible when the record is not).
		SqlCondition visible = accessPolicy
			.visibleItems(actor, "act.person_id", "act.category", "act.owner_organisation_id")
			.and(accessPolicy.visibleRecords(actor, "act.person_id"));
		SqlCondition reason = accessPolicy.withheldReason(actor, "act.person_id", "act.category",
				"act.owner_organisation_id");
		LocalDate today = LocalDate.now(clock);
		PlanAccess.Names names = new PlanAccess.Names(directory);
		Set<WithheldPart> withheld = new LinkedHashSet<>();
		List<QueueItem> organisation = List.of();
		if (actor.organisationId() != null) {
			organisation = repository.organisationQueue(actor.organisationId(), today, visible)
				.stream()
				.map(row -> item(row, names, today, actor))
				.toList();
			repository.organisationQueueWithheld(actor.organisationId(), today, reason)
				.forEach(w -> withheld.add(part(w, names)));
		}
		List<TeamId> managed = actor.practitionerId() == null ? List.of()
				: directory.managedTeams(actor.practitionerId()).stream().map(Team::id).toList();
		List<QueueItem> escalated = repository.escalatedTo(managed, visible)
			.stream()
			.map(row -> item(row, names, today, actor))
			.toList();
		repository.escalatedWithheld(managed, reason).forEach(w -> withheld.add(part(w, names)));
		auditLog.record(AuditEvent.permitted(actor, "read-queue", "CarePlanAction", null, null));
		return new WorkQueues(organisation.stream().filter(i -> !i.offeredToViewer()).toList(),
				organisation.stream().filter(QueueItem::offeredToViewer).toList(), escalated, List.copyOf(withheld));
	}

	private static WithheldPart part(CarePlanRepository.Withheld withheld, PlanAccess.Names names) {
		return new WithheldPart(WithheldReason.valueOf(withheld.reason()), names.of(withheld.source()));
	}

	private static QueueItem item(ActionRepository.QueueRow row, PlanAccess.Names names, LocalDate today, Actor actor) {
		return new QueueItem(row.id(), row.personId(), row.personName(), row.description(), names.of(row.owner()),
				names.of(row.ownerOrganisation()), row.dueOn(), row.status(),
				row.offeredTo() == null ? null : names.of(row.offeredTo()), row.escalatedAt(),
				row.dueOn().isBefore(today), row.offeredTo() != null && row.offeredTo().equals(actor.organisationId()));
	}

}
