package care.seamless.careplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.person.CaredFor;
import care.seamless.person.Carers;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Violation;
import care.seamless.shared.Violations;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.team.Organisation;
import care.seamless.team.OrganisationContact;
import care.seamless.team.Practitioner;
import care.seamless.terminology.Audience;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One care and support plan per person, shared by every partner: starting it, the
 * person's outcomes in their own words, and the objectives that turn them into something
 * measurable. Reads go through the access policy item by item and are audited.
 */
@Service
public class CarePlans {

	private static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");

	private final CarePlanRepository repository;

	private final PlanAccess access;

	private final PlanViews views;

	private final ObjectiveRules rules;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Directory directory;

	private final CareTeams careTeams;

	private final CarerViewRepository carerViews;

	private final Carers carers;

	/**
	 * Whether the actor may start or change the person's plan (a practitioner in their
	 * care team now): pages show the plan's forms only then.
	 */
	@Transactional(readOnly = true)
	public boolean mayChange(Actor actor, PersonId person) {
		return access.mayChange(actor, person);
	}

	CarePlans(CarePlanRepository repository, PlanAccess access, PlanViews views, ObjectiveRules rules,
			AccessPolicy accessPolicy, AuditLog auditLog, ApplicationEventPublisher events, Clock clock,
			Directory directory, CareTeams careTeams, CarerViewRepository carerViews, Carers carers) {
		this.carerViews = carerViews;
		this.carers = carers;
		this.directory = directory;
		this.careTeams = careTeams;
		this.repository = repository;
		this.access = access;
		this.views = views;
		this.rules = rules;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts the person's plan; there is only ever one, so starting it again returns the
	 * existing plan.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID start(Actor actor, PersonId person, @Nullable UUID assessmentEpisode) {
		access.requireChange(actor, person, "create");
		Optional<CarePlanRepository.PlanRow> existing = repository.planFor(person);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		UUID id = UUID.randomUUID();
		repository.insertPlan(id, person, assessmentEpisode, organisation(actor), actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "create", PlanAccess.RECORD, id, person));
		return id;
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID addOutcome(Actor actor, PersonId person, @Nullable String words) {
		CarePlanRepository.PlanRow plan = access.change(actor, person, "add-outcome");
		if (words == null || words.isBlank()) {
			throw new CarePlanRule("words", "Write what matters to the person, in their own words");
		}
		UUID id = UUID.randomUUID();
		repository.insertOutcome(id, plan.id(), person, words.trim(), actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "create", "CarePlanOutcome", id, person));
		return id;
	}

	/**
	 * What is wrong with an objective, saving nothing: a form that could not read some of
	 * its values names them together with every other problem, on one page.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Violation> objectiveProblems(Actor actor, PersonId person, NewObjective objective) {
		return rules.problems(access.change(actor, person, "check-objective"), person, objective);
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID addObjective(Actor actor, PersonId person, NewObjective objective) {
		CarePlanRepository.PlanRow plan = access.change(actor, person, "add-objective");
		NewObjective checked = rules.check(plan, person, objective);
		UUID id = UUID.randomUUID();
		repository.insertObjective(id, plan.id(), person, checked, organisation(actor), actor.username(),
				clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "create", "CarePlanObjective", id, person));
		publish(plan, CarePlanChanged.Change.OBJECTIVE_ADDED, checked.partners(), actor);
		return id;
	}

	/**
	 * Changes an objective if nobody else changed it since {@code version} was read;
	 * otherwise throws {@link ConcurrentEditException} and saves nothing. Each objective
	 * is its own section for locking, so partners editing different objectives never
	 * conflict.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void changeObjective(Actor actor, PersonId person, UUID objectiveId, long version, NewObjective objective) {
		PlanAccess.Change<CarePlanRepository.ObjectiveRow> change = access.change(actor, person, "change-objective",
				found -> repository.objective(found.id(), objectiveId)
					.map(row -> new PlanAccess.Item<>(row, row.category(), row.sourceOrganisation())),
				"CarePlanObjective", objectiveId);
		CarePlanRepository.PlanRow plan = change.plan();
		NewObjective checked = rules.check(plan, person, objective);
		if (repository.updateObjective(objectiveId, version, checked) == 0) {
			throw new ConcurrentEditException("Objective", objectiveId);
		}
		auditLog.record(AuditEvent.permitted(actor, "update", "CarePlanObjective", objectiveId, person));
		publish(plan, CarePlanChanged.Change.OBJECTIVE_CHANGED, checked.partners(), actor);
	}

	/**
	 * Records a carer's view of an objective in the plan of the person they care for, in
	 * the carer's own words, shown as the carer's view beside (never instead of) the
	 * person's own. The carer must be linked to the person as their carer with a record
	 * of their own ({@code person.Carers}). Today a practitioner in the person's care
	 * team records it on the carer's behalf; {@code objectiveVersion} is the version of
	 * the objective the carer was shown, so a view is never kept against wording they did
	 * not see. Audited on both records.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID recordCarersView(Actor actor, PersonId person, UUID objectiveId, long objectiveVersion,
			@Nullable PersonId carer, CarersView.@Nullable View view, @Nullable String words) {
		PlanAccess.Change<CarePlanRepository.ObjectiveRow> change = access.change(actor, person, "record-carers-view",
				found -> repository.objective(found.id(), objectiveId)
					.map(row -> new PlanAccess.Item<>(row, row.category(), row.sourceOrganisation())),
				"CarePlanObjective", objectiveId);
		Violations problems = new Violations();
		CaredFor linked = carer == null ? null
				: carers.carersOf(actor, person)
					.stream()
					.filter(c -> c.person().equals(carer))
					.findFirst()
					.orElse(null);
		if (linked == null) {
			problems.add("carer", "Choose the carer from the carers linked to this person's record");
		}
		if (view == null) {
			problems.add("view", "Choose whether the carer agrees, disagrees or has a comment");
		}
		String said = ownWords(words, problems);
		problems.refuseIfAny(CarePlanRule::new);
		UUID id = UUID.randomUUID();
		String recordedBy = actor.practitionerId() == null ? actor.username()
				: directory.practitioner(actor.practitionerId()).displayName();
		if (!carerViews.insert(id, new CarerViewRepository.NewView(objectiveId, person, objectiveVersion,
				linked.person(), linked.name(), view, said, recordedBy, organisation(actor), clock.instant()))) {
			throw new ConcurrentEditException("Objective", objectiveId);
		}
		auditLog.record(AuditEvent.permitted(actor, "record-carers-view", "CarePlanObjective", objectiveId, person));
		auditLog.record(AuditEvent.permitted(actor, "give-carers-view", "CarerView", id, linked.person()));
		publish(change.plan(), CarePlanChanged.Change.PLAN_CHANGED, Set.of(), actor);
		return id;
	}

	private static String ownWords(@Nullable String words, Violations problems) {
		if (words == null || words.isBlank()) {
			problems.add("words", "Write the carer's view, in their own words");
			return "";
		}
		String said = words.strip();
		if (said.length() > 2000) {
			problems.add("words", "Use 2,000 characters or fewer");
		}
		else if (said.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			problems.add("words", "Remove the character that cannot be stored");
		}
		return said;
	}

	/** Sets the date of the next scheduled review. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void scheduleReview(Actor actor, PersonId person, long version, @Nullable LocalDate on) {
		CarePlanRepository.PlanRow plan = access.change(actor, person, "schedule-review");
		if (on == null || on.isBefore(LocalDate.now(clock))) {
			throw new CarePlanRule("nextReviewOn", "Enter a review date that is today or later");
		}
		if (repository.scheduleReview(plan.id(), version, on) == 0) {
			throw new ConcurrentEditException("Care plan", plan.id());
		}
		auditLog.record(AuditEvent.permitted(actor, "schedule-review", PlanAccess.RECORD, plan.id(), person));
	}

	/**
	 * The plan as the actor may see it, needs in the words of their profession; empty
	 * when the person has no plan yet. Audited as a read (and a refusal as a refusal).
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public Optional<CarePlanView> plan(Actor actor, PersonId person) {
		// The decision and the plan in one read, audited as check() audits it, refusals
		// included.
		CarePlanRepository.Opened opened = repository.open(person, accessPolicy.recordDecision(actor, "p0.id"));
		accessPolicy.auditRecordRead(actor, person, "read", PlanAccess.RECORD, opened.decision());
		return Optional.ofNullable(opened.plan()).map(plan -> views.view(actor, plan));
	}

	/**
	 * The person's own copy: the same plan with needs in plain English, for the screen
	 * and the printable PDF. Audited separately, because it leaves the system.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public PersonsCopy personsCopy(Actor actor, PersonId person) {
		CarePlanRepository.PlanRow plan = access.read(actor, person, "print-persons-copy");
		CarePlanView view = views.view(actor, plan, Audience.PERSON);
		LocalDate today = LocalDate.now(clock);
		// Read only once the plan itself is open to this viewer, and audited with it.
		CareTeamMember lead = careTeams.members(person)
			.stream()
			.filter(m -> m.lead() && m.isCurrent(today))
			.findFirst()
			.orElse(null);
		PersonsCopy.Lead contactLead = null;
		OrganisationId contactOrganisation = plan.sourceOrganisation();
		if (lead != null) {
			Practitioner practitioner = directory.practitioner(lead.practitionerId());
			contactLead = new PersonsCopy.Lead(lead.practitionerName(), lead.profession(), lead.teamName(),
					practitioner.email());
			contactOrganisation = practitioner.organisationId();
		}
		OrganisationContact contact = directory.contact(contactOrganisation);
		String reference = (directory.contact(plan.sourceOrganisation()).code() + "-"
				+ plan.id().toString().substring(0, 8))
			.toUpperCase(java.util.Locale.UK);
		return new PersonsCopy(view, today, plan.createdAt().atZone(LONDON).toLocalDate(), contactLead, contact,
				reference);
	}

	/**
	 * The organisations that may be named as partners: those with someone in the person's
	 * care team today.
	 */
	@Transactional(readOnly = true)
	public List<Organisation> partnerOptions(PersonId person) {
		return rules.organisationsInCareTeam(person)
			.stream()
			.map(directory::organisation)
			.sorted(java.util.Comparator.comparing(Organisation::name))
			.toList();
	}

	/** Who may own an action: the current members of the person's care team. */
	@Transactional(readOnly = true)
	public List<CareTeamMember> possibleOwners(PersonId person) {
		LocalDate today = LocalDate.now(clock);
		return careTeams.members(person).stream().filter(m -> m.isCurrent(today)).toList();
	}

	private void publish(CarePlanRepository.PlanRow plan, CarePlanChanged.Change change,
			Set<OrganisationId> organisations, Actor actor) {
		events.publishEvent(new CarePlanChanged(plan.id(), plan.personId(), change, organisations, Set.of(),
				actor.practitionerId()));
	}

	private static OrganisationId organisation(Actor actor) {
		if (actor.organisationId() == null) {
			throw new CarePlanRule("description", "Only practitioners of a partner organisation write plans");
		}
		return actor.organisationId();
	}

}
