package care.seamless.careplan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.SqlCondition;
import care.seamless.consent.WithheldReason;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import care.seamless.team.Directory;
import care.seamless.team.Practitioner;
import care.seamless.team.Team;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Overdue escalation and the work queues. Nothing is ever ownerless, and nothing overdue
 * goes unnoticed: an overdue action goes to its owner's team manager, and each
 * organisation sees its overdue and offered-in actions.
 */
@Service
public class ActionQueues {

	private static final String RECORD = "CarePlanAction";

	private static final Logger log = LoggerFactory.getLogger(ActionQueues.class);

	private final ActionRepository repository;

	private final AccessPolicy accessPolicy;

	private final Directory directory;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CarePlanRepository plans;

	private final PlanActions actions;

	private final TransactionOperations transactions;

	ActionQueues(ActionRepository repository, AccessPolicy accessPolicy, Directory directory, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock, CarePlanRepository plans, PlanActions actions,
			TransactionOperations transactions) {
		this.transactions = transactions;
		this.plans = plans;
		this.actions = actions;
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.directory = directory;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(cron = "${seamless.careplan.escalation-cron:0 0 * * * *}", zone = "Europe/London")
	@SchedulerLock(name = "careplan-escalation", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void escalateOnSchedule() {
		// Called on the object itself, past the proxy that would open escalateOverdue's
		// transaction, so the transaction is opened here: without it the audit entry had
		// none to join and every scheduled run with an overdue action failed.
		Integer escalated = transactions.execute(status -> escalateOverdue());
		if (escalated != null && escalated > 0) {
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
					CarePlanChanged.Change.ACTION_ESCALATED, Set.of(), managers, null, action.id()));
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
		WorkQueues queues = queuesAuditedByCaller(actor);
		auditLog.record(AuditEvent.permitted(actor, "read-queue", "CarePlanAction", null, null));
		return queues;
	}

	/**
	 * {@link #queues} without its audit entry, for a caller that audits what it shows
	 * itself. Reads whole queues: the worklist reads them a page at a time with
	 * {@link #page} instead (ADR 0058).
	 */
	@Transactional(readOnly = true)
	public WorkQueues queuesAuditedByCaller(Actor actor) {
		// An action is listed only where its person's record opens too: the queue names
		// the person, and a name must not reach someone the record is closed to (an item
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
		List<QueueItem> escalated = repository
			.teamQueue(managed, today, accessPolicy.visibleRecords(actor, "act.person_id"),
					accessPolicy.visibleItems(actor, "act.person_id", "act.category", "act.owner_organisation_id"))
			.stream()
			.map(row -> item(row, names, today, actor))
			.toList();
		repository.escalatedWithheld(managed, reason).forEach(w -> withheld.add(part(w, names)));
		return new WorkQueues(organisation.stream().filter(i -> !i.offeredToViewer()).toList(),
				organisation.stream().filter(QueueItem::offeredToViewer).toList(), escalated, List.copyOf(withheld));
	}

	/** The worklist's three queues of actions, each paged on its own. */
	public enum Queue {

		/** Actions offered to the viewer's organisation. */
		OFFERED,
		/** The viewer's organisation's overdue actions. */
		OVERDUE,
		/** The overdue and escalated actions of the teams the viewer manages. */
		ESCALATED

	}

	/**
	 * Up to {@code limit} actions of one queue after {@code after}, in the queue's order
	 * (due date, id), only those due before {@code dueBefore}. The organisation's queues
	 * hold only actions the viewer may see, decided in the query by the access policy as
	 * {@link #queues} does; the team queue holds every one, named and described as far as
	 * the policy admits. Not audited: the worklist audits what it shows.
	 */
	@Transactional(readOnly = true)
	public List<QueueItem> page(Actor actor, Queue queue, QueueKey after, LocalDate dueBefore, int limit) {
		return page(actor, queue, after, dueBefore, limit, true);
	}

	/**
	 * {@link #page}, its organisation queues read from the viewer's own people
	 * ({@code fromViewersSide}, the worklist's) or by walking the organisation's whole
	 * queue with the rule on each action (the form it replaced, kept to compare them).
	 */
	List<QueueItem> page(Actor actor, Queue queue, QueueKey after, LocalDate dueBefore, int limit,
			boolean fromViewersSide) {
		LocalDate today = LocalDate.now(clock);
		PlanAccess.Names names = new PlanAccess.Names(directory);
		List<ActionRepository.QueueRow> rows;
		if (queue == Queue.ESCALATED) {
			List<TeamId> managed = actor.practitionerId() == null ? List.of()
					: directory.managedTeams(actor.practitionerId()).stream().map(Team::id).toList();
			rows = repository.teamPage(managed, today, after, dueBefore, limit,
					accessPolicy.visibleRecords(actor, "act.person_id"),
					accessPolicy.visibleItems(actor, "act.person_id", "act.category", "act.owner_organisation_id"));
		}
		else if (actor.organisationId() == null) {
			rows = List.of();
		}
		else {
			// From the viewer's own people (ADR 77): the organisation's queue is
			// thousands of actions, most of them of people the viewer has no way to
			// reach, and walking it tested the rule on each of those to find a page of
			// the few the viewer may see.
			rows = fromViewersSide
					? repository.ownPage(accessPolicy.reachablePeople(actor), actor.organisationId(),
							queue == Queue.OFFERED, today, after, dueBefore, limit, organisationWide(actor))
					: repository.organisationPage(actor.organisationId(), queue == Queue.OFFERED, today, after,
							dueBefore, limit, organisationWide(actor));
		}
		return rows.stream().map(row -> item(row, names, today, actor)).toList();
	}

	/**
	 * Whether an organisation's queue holds, after {@code after} and up to {@code until}
	 * (the stretch a page covered), more actions than the {@code shown} ones the viewer
	 * was given from it: a yes or no, never how many or why (the queue page says why),
	 * read from the queue's index without the access rule. The team queue withholds
	 * nothing: it names less instead.
	 */
	@Transactional(readOnly = true)
	public boolean withholds(Actor actor, Queue queue, QueueKey after, QueueKey until, LocalDate dueBefore,
			long shown) {
		if (queue == Queue.ESCALATED || actor.organisationId() == null || !until.isAfter(after)) {
			return false;
		}
		return repository.organisationPageInScope(actor.organisationId(), queue == Queue.OFFERED, LocalDate.now(clock),
				after, until, dueBefore) > shown;
	}

	/**
	 * The rule of {@link #queuesAuditedByCaller}: the item and its person's record must
	 * both open.
	 */
	private SqlCondition organisationWide(Actor actor) {
		return accessPolicy.visibleItems(actor, "act.person_id", "act.category", "act.owner_organisation_id")
			.and(accessPolicy.visibleRecords(actor, "act.person_id"));
	}

	/**
	 * A manager chases an overdue action of a team they manage: its owner gets a notice
	 * linking to the action, and the chase is audited and kept in the action's history.
	 * The manager need not see the person: chasing shows them nothing.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void chase(Actor actor, UUID actionId) {
		ActionRepository.Row action = managedAction(actor, actionId, "chase");
		// The access policy's entry for "chase-action" is the chase's audit record.
		repository.history(actionId, action.personId(), "chased", null, actor.username(), clock.instant());
		events
			.publishEvent(new CarePlanChanged(action.planId(), action.personId(), CarePlanChanged.Change.ACTION_CHASED,
					Set.of(), Set.of(action.owner()), actor.practitionerId(), actionId));
	}

	/**
	 * A manager hands an action of their team to another practitioner in the person's
	 * care team: at once within the owner's organisation, as an offer their organisation
	 * accepts otherwise (as {@link PlanActions#reassign}). Returns whether it became an
	 * offer.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public boolean reassign(Actor actor, UUID actionId, long version, @Nullable PractitionerId newOwner) {
		ActionRepository.Row action = managedAction(actor, actionId, "reassign");
		CarePlanRepository.PlanRow plan = plans.planFor(action.personId())
			.orElseThrow(() -> new NotFoundException(RECORD, actionId));
		return actions.handOver(actor, plan, action, version, newOwner);
	}

	/** The practitioners a manager may hand their teams' actions to. */
	@Transactional(readOnly = true)
	public List<Practitioner> colleagues(Actor actor) {
		return actor.practitionerId() == null ? List.of()
				: directory.managedTeams(actor.practitionerId())
					.stream()
					.flatMap(t -> directory.teamMembers(t.id()).stream())
					.distinct()
					.sorted(java.util.Comparator.comparing(Practitioner::displayName))
					.toList();
	}

	/**
	 * The open action, if the actor manages its owner's team (or the team it was
	 * escalated to). Whether they oversee the person's care at all is the access policy's
	 * decision, audited once with its outcome; a manager of another team working with the
	 * person is then refused by the plan's rule, and nothing is saved.
	 */
	private ActionRepository.Row managedAction(Actor actor, UUID actionId, String what) {
		ActionRepository.Row action = repository.find(actionId)
			.orElseThrow(() -> new NotFoundException(RECORD, actionId));
		accessPolicy.require(actor,
				AccessRequest.toOpen(action.personId(), what + "-action", RECORD)
					.about(actionId)
					.by(AccessRequest.Who.OVERSEER));
		Set<TeamId> managed = actor.practitionerId() == null ? Set.of()
				: directory.managedTeams(actor.practitionerId()).stream().map(Team::id).collect(Collectors.toSet());
		if (!managed.contains(action.ownerTeam()) && !managed.contains(action.escalatedTo())) {
			throw new CarePlanRule("action", "Only a manager of the owner's team can " + what + " this action");
		}
		if (action.status() != ActionStatus.OPEN && action.status() != ActionStatus.IN_PROGRESS) {
			throw new CarePlanRule("action", "This action is already closed");
		}
		return action;
	}

	private static WithheldPart part(CarePlanRepository.Withheld withheld, PlanAccess.Names names) {
		return new WithheldPart(WithheldReason.valueOf(withheld.reason()), names.of(withheld.source()));
	}

	private static QueueItem item(ActionRepository.QueueRow row, PlanAccess.Names names, LocalDate today, Actor actor) {
		// Where the person is not named, not even their record's id is given.
		return new QueueItem(row.id(), row.personName() == null ? null : row.personId(), row.personName(),
				row.description(), names.of(row.owner()), names.of(row.ownerOrganisation()), row.dueOn(), row.status(),
				row.offeredTo() == null ? null : names.of(row.offeredTo()), row.escalatedAt(),
				row.dueOn().isBefore(today), row.offeredTo() != null && row.offeredTo().equals(actor.organisationId()),
				row.version(), row.openable());
	}

}
