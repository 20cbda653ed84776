package care.seamless.careplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.List;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.shared.Violation;
import care.seamless.shared.Violations;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.team.Practitioner;
import care.seamless.team.Team;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions and services, each with exactly one accountable owner: a named practitioner in
 * the person's care team and their organisation. Handing an action to another
 * organisation is an offer that the other side accepts; until then the original owner
 * stays accountable.
 */
@Service
public class PlanActions {

	private static final String RECORD = "CarePlanAction";

	private final ActionRepository repository;

	private final CarePlanRepository plans;

	private final PlanAccess access;

	private final CareTeams careTeams;

	private final Directory directory;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectiveRules rules;

	PlanActions(ActionRepository repository, CarePlanRepository plans, PlanAccess access, CareTeams careTeams,
			Directory directory, AuditLog auditLog, ApplicationEventPublisher events, Clock clock,
			ObjectiveRules rules) {
		this.rules = rules;
		this.repository = repository;
		this.plans = plans;
		this.access = access;
		this.careTeams = careTeams;
		this.directory = directory;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID add(Actor actor, PersonId person, NewAction action) {
		CarePlanRepository.PlanRow plan = access.change(actor, person, "add-action");
		// Every rule is checked before refusing, so the form names every problem at once.
		check(plan, action).refuseIfAny(CarePlanRule::new);
		Practitioner chosen = requireOwner(person, action.owner());
		// An owner in another organisation must accept the action first, as with any
		// handover: until then whoever adds it is accountable for it.
		boolean offer = !chosen.organisationId().equals(actor.organisationId());
		Practitioner owner = offer ? requireOwner(person, actor.practitionerId()) : chosen;
		UUID id = UUID.randomUUID();
		NewAction checked = new NewAction(action.objectiveId(), action.kind(), action.description().trim(),
				action.category(), owner.id(), action.dueOn());
		repository.insert(id, plan.id(), person, checked, owner.organisationId(), teamOf(owner));
		repository.history(id, person, "created", null, actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "create", RECORD, id, person));
		if (offer) {
			offerTo(actor, plan, id, 0, chosen.organisationId());
		}
		else {
			publish(plan, CarePlanChanged.Change.ACTION_ASSIGNED, Set.of(), Set.of(owner.id()), actor, id);
		}
		return id;
	}

	/**
	 * What is wrong with a new action, saving nothing: a form that could not read some of
	 * its values names them together with every other problem, on one page.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Violation> problemsWith(Actor actor, PersonId person, NewAction action) {
		return check(access.change(actor, person, "check-action"), action).list();
	}

	private Violations check(CarePlanRepository.PlanRow plan, NewAction action) {
		Violations problems = new Violations();
		if (action.kind() == null) {
			problems.add("kind", "Choose whether this is an action or a service");
		}
		if (action.description() == null || action.description().isBlank()) {
			problems.add("description", "Describe what will be done");
		}
		if (action.category() == null) {
			problems.add("category", "Choose the kind of information: it decides who may see the action");
		}
		if (action.dueOn() == null) {
			problems.add("dueOn", "Enter the date it is due, for example 27 3 2027");
		}
		else if (action.dueOn().isBefore(LocalDate.now(clock))) {
			problems.add("dueOn", "The due date has passed: give today or a later date");
		}
		if (action.objectiveId() != null && plans.objective(plan.id(), action.objectiveId()).isEmpty()) {
			problems.add("objectiveId", "Choose one of the objectives in this plan");
		}
		if (action.owner() == null) {
			problems.add("owner", "Choose who is accountable for this: every action has one owner");
		}
		else if (!careTeams.isCurrentMember(plan.personId(), action.owner())) {
			problems.add("owner", "The owner must be in the person's care team");
		}
		return problems;
	}

	/**
	 * Names another owner, for example before the current owner leaves the care team. An
	 * owner in the same organisation takes the action at once; one in another
	 * organisation gets it as an offer their organisation accepts (the current owner
	 * stays accountable until then), the same as adding an action for them. Returns
	 * whether it became an offer.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public boolean reassign(Actor actor, PersonId person, UUID actionId, long version,
			@Nullable PractitionerId newOwner) {
		PlanAccess.Change<ActionRepository.Row> change = changing(actor, person, "reassign-action", actionId);
		ActionRepository.Row action = ownedByActorsOrganisation(actor, change.item());
		return handOver(actor, change.plan(), action, version, newOwner);
	}

	/**
	 * Gives the action to {@code newOwner}, or offers it to their organisation when it is
	 * another than the owner's; the caller has checked that the actor may.
	 */
	boolean handOver(Actor actor, CarePlanRepository.PlanRow plan, ActionRepository.Row action, long version,
			@Nullable PractitionerId newOwner) {
		Practitioner owner = requireOwner(action.personId(), newOwner);
		if (!owner.organisationId().equals(action.ownerOrganisation())) {
			offerTo(actor, plan, action.id(), version, owner.organisationId());
			return true;
		}
		if (repository.setOwner(action.id(), version, owner.organisationId(), owner.id(), teamOf(owner)) == 0) {
			throw new ConcurrentEditException("Action", action.id());
		}
		repository.history(action.id(), action.personId(), "reassigned", null, actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "reassign", RECORD, action.id(), action.personId()));
		publish(plan, CarePlanChanged.Change.ACTION_ASSIGNED, Set.of(), Set.of(owner.id()), actor, action.id());
		return false;
	}

	/**
	 * Offers the action to another organisation in the care team; the owner stays
	 * accountable until it accepts.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void offer(Actor actor, PersonId person, UUID actionId, long version, @Nullable OrganisationId to) {
		PlanAccess.Change<ActionRepository.Row> change = changing(actor, person, "offer-action", actionId);
		CarePlanRepository.PlanRow plan = change.plan();
		ActionRepository.Row action = ownedByActorsOrganisation(actor, change.item());
		if (to == null || to.equals(action.ownerOrganisation())) {
			throw new CarePlanRule("organisation", "Choose another organisation in the care team to offer it to");
		}
		offerTo(actor, plan, actionId, version, to);
	}

	private void offerTo(Actor actor, CarePlanRepository.PlanRow plan, UUID actionId, long version, OrganisationId to) {
		PersonId person = plan.personId();
		if (!rules.organisationsInCareTeam(person).contains(to)) {
			throw new CarePlanRule("organisation", "Offer it only to an organisation with someone in the care team");
		}
		if (repository.offer(actionId, version, to, actor.username(), clock.instant()) == 0) {
			throw new ConcurrentEditException("Action", actionId);
		}
		repository.history(actionId, person, "offered", to.toString(), actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "offer", RECORD, actionId, person));
		publish(plan, CarePlanChanged.Change.ACTION_OFFERED, Set.of(to), Set.of(), actor, actionId);
	}

	/**
	 * The receiving organisation accepts an offer: the accepting practitioner becomes the
	 * owner.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void accept(Actor actor, PersonId person, UUID actionId, long version) {
		PlanAccess.Change<ActionRepository.Row> change = changing(actor, person, "accept-action", actionId);
		CarePlanRepository.PlanRow plan = change.plan();
		ActionRepository.Row action = offeredToActorsOrganisation(actor, change.item());
		Practitioner owner = requireOwner(person, actor.practitionerId());
		if (repository.setOwner(actionId, version, owner.organisationId(), owner.id(), teamOf(owner)) == 0) {
			throw new ConcurrentEditException("Action", actionId);
		}
		repository.history(actionId, person, "accepted", null, actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "accept", RECORD, actionId, person));
		publish(plan, CarePlanChanged.Change.ACTION_ACCEPTED, Set.of(action.ownerOrganisation()), Set.of(), actor);
	}

	/** The receiving organisation declines an offer: nothing changes for the owner. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void decline(Actor actor, PersonId person, UUID actionId, long version) {
		PlanAccess.Change<ActionRepository.Row> change = changing(actor, person, "decline-action", actionId);
		CarePlanRepository.PlanRow plan = change.plan();
		ActionRepository.Row action = offeredToActorsOrganisation(actor, change.item());
		if (repository.offer(actionId, version, null, null, null) == 0) {
			throw new ConcurrentEditException("Action", actionId);
		}
		repository.history(actionId, person, "declined", null, actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "decline", RECORD, actionId, person));
		publish(plan, CarePlanChanged.Change.ACTION_ASSIGNED, Set.of(), Set.of(action.owner()), actor);
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public void changeStatus(Actor actor, PersonId person, UUID actionId, long version, @Nullable ActionStatus status) {
		PlanAccess.Change<ActionRepository.Row> change = changing(actor, person, "change-action-status", actionId);
		CarePlanRepository.PlanRow plan = change.plan();
		ownedByActorsOrganisation(actor, change.item());
		if (status == null) {
			throw new CarePlanRule("status", "Choose a status");
		}
		if (repository.setStatus(actionId, version, status) == 0) {
			throw new ConcurrentEditException("Action", actionId);
		}
		repository.history(actionId, person, "status-" + status.name(), null, actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "change-status", RECORD, actionId, person));
		events.publishEvent(new ActionStatusChanged(plan.id(), plan.personId(), actionId, status, actor.username()));
	}

	private PlanAccess.Change<ActionRepository.Row> changing(Actor actor, PersonId person, String action,
			UUID actionId) {
		return access
			.change(actor, person, action,
					plan -> repository.find(plan.id(), actionId)
						.map(row -> new PlanAccess.Item<>(row, row.category(), row.ownerOrganisation())),
					RECORD, actionId);
	}

	private ActionRepository.Row ownedByActorsOrganisation(Actor actor, ActionRepository.Row action) {
		if (!action.ownerOrganisation().equals(actor.organisationId())) {
			throw new CarePlanRule("owner", "Only the owning organisation changes this action");
		}
		return action;
	}

	private ActionRepository.Row offeredToActorsOrganisation(Actor actor, ActionRepository.Row action) {
		if (action.offeredTo() == null || !action.offeredTo().equals(actor.organisationId())) {
			throw new CarePlanRule("owner", "This action has not been offered to your organisation");
		}
		return action;
	}

	/** The owner must be named and in the person's care team today. */
	private Practitioner requireOwner(PersonId person, @Nullable PractitionerId owner) {
		if (owner == null) {
			throw new CarePlanRule("owner", "Choose who is accountable for this: every action has one owner");
		}
		if (!careTeams.isCurrentMember(person, owner)) {
			throw new CarePlanRule("owner", "The owner must be in the person's care team");
		}
		return directory.practitioner(owner);
	}

	private @Nullable TeamId teamOf(Practitioner owner) {
		return directory.teamsOf(owner.id())
			.stream()
			.filter(t -> t.organisationId().equals(owner.organisationId()))
			.map(Team::id)
			.findFirst()
			.orElse(null);
	}

	private void publish(CarePlanRepository.PlanRow plan, CarePlanChanged.Change change,
			Set<OrganisationId> organisations, Set<PractitionerId> practitioners, Actor actor) {
		publish(plan, change, organisations, practitioners, actor, null);
	}

	private void publish(CarePlanRepository.PlanRow plan, CarePlanChanged.Change change,
			Set<OrganisationId> organisations, Set<PractitionerId> practitioners, Actor actor,
			@Nullable UUID actionId) {
		events.publishEvent(new CarePlanChanged(plan.id(), plan.personId(), change, organisations, practitioners,
				actor.practitionerId(), actionId));
	}

}
