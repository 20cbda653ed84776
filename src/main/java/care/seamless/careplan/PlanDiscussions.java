package care.seamless.careplan;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.shared.Violations;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parts of the plan that are talked through with the person: what to do in a crisis,
 * the risks they choose to take, and the options where professionals see things
 * differently. Options go to the person with every professional's view; nothing waits for
 * the professionals to agree.
 */
@Service
public class PlanDiscussions {

	private final DiscussionRepository repository;

	private final PlanAccess access;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PlanDiscussions(DiscussionRepository repository, PlanAccess access, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Saves the contingency section. {@code version} is null for the first save, and
	 * otherwise the version read, so two partners cannot overwrite each other.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void saveContingency(Actor actor, PersonId person, @Nullable Long version, @Nullable String inACrisis,
			@Nullable String outOfHoursContact) {
		CarePlanRepository.PlanRow plan = access.change(actor, person, "save-contingency");
		Violations problems = new Violations();
		String crisis = required(inACrisis, "inACrisis", "Say what to do in a crisis", problems);
		String outOfHours = required(outOfHoursContact, "outOfHoursContact", "Say who to call out of hours", problems);
		problems.refuseIfAny(CarePlanRule::new);
		if (repository.saveContingency(plan.id(), person, version, crisis, outOfHours, actor.organisationId(),
				actor.username(), clock.instant(), access.visible(actor, "cnt", "source_organisation_id")) == 0) {
			throw new ConcurrentEditException("Contingency plan", plan.id());
		}
		auditLog.record(AuditEvent.permitted(actor, "save-contingency", PlanAccess.RECORD, plan.id(), person));
		publish(plan, actor);
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID addRisk(Actor actor, PersonId person, @Nullable String description, @Nullable String personsChoice,
			@Nullable String howWeReduceIt, @Nullable DataCategory category) {
		CarePlanRepository.PlanRow plan = access.change(actor, person, "add-risk");
		Violations problems = new Violations();
		String risk = required(description, "description", "Describe the risk", problems);
		String choice = required(personsChoice, "personsChoice", "Write the person's choice, in their own words",
				problems);
		String reduce = required(howWeReduceIt, "howWeReduceIt", "Say how the team helps keep the risk acceptable",
				problems);
		if (category == null) {
			problems.add("category", "Choose the kind of information: it decides who may see the risk");
		}
		problems.refuseIfAny(CarePlanRule::new);
		UUID id = UUID.randomUUID();
		repository.insertRisk(id, plan.id(), person, risk, choice, reduce, category, actor.organisationId(),
				actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "create", "CarePlanRisk", id, person));
		publish(plan, actor);
		return id;
	}

	/**
	 * Puts a question to the person with at least two options; the practitioner's view of
	 * each option is recorded with it, and others add theirs later.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID addDecision(Actor actor, PersonId person, @Nullable String question, List<String> options,
			List<String> views, @Nullable DataCategory category) {
		CarePlanRepository.PlanRow plan = access.change(actor, person, "add-decision");
		Violations problems = new Violations();
		String asked = required(question, "question", "Write the question put to the person", problems);
		List<Integer> filled = java.util.stream.IntStream.range(0, options.size())
			.filter(i -> options.get(i) != null && !options.get(i).isBlank())
			.boxed()
			.toList();
		if (filled.size() < 2) {
			problems.add("options", "Write at least two options to put to the person");
		}
		problems.refuseIfAny(CarePlanRule::new);
		UUID id = UUID.randomUUID();
		repository.insertDecision(id, plan.id(), person, asked, category == null ? DataCategory.GENERAL : category,
				actor.organisationId(), actor.username(), clock.instant());
		int position = 0;
		for (int i : filled) {
			UUID option = UUID.randomUUID();
			repository.insertOption(option, id, person, position++, options.get(i).trim());
			String view = i < views.size() ? views.get(i) : null;
			if (view != null && !view.isBlank()) {
				repository.insertView(option, person, actor.practitionerId(), actor.organisationId(), view.trim(),
						clock.instant());
			}
		}
		auditLog.record(AuditEvent.permitted(actor, "create", "CarePlanDecision", id, person));
		publish(plan, actor);
		return id;
	}

	/** Adds a professional's view of one option. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void addView(Actor actor, PersonId person, UUID optionId, @Nullable String view) {
		CarePlanRepository.PlanRow plan = access.change(actor, person, "add-professional-view");
		if (!repository.optionBelongsTo(plan.id(), optionId)) {
			throw new NotFoundException("CarePlanOption", optionId);
		}
		repository.insertView(optionId, person, actor.practitionerId(), actor.organisationId(),
				required(view, "view", "Write your view of this option"), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "add-view", "CarePlanDecision", optionId, person));
		publish(plan, actor);
	}

	/** Records the option the person chose and why, in their own words. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void recordChoice(Actor actor, PersonId person, UUID decisionId, long version, @Nullable UUID optionId,
			@Nullable String inOwnWords) {
		CarePlanRepository.PlanRow plan = access
			.change(actor, person, "record-choice",
					found -> repository.decision(found.id(), decisionId)
						.map(row -> new PlanAccess.Item<>(row, row.category(), row.source())),
					"CarePlanDecision", decisionId)
			.plan();
		Violations problems = new Violations();
		if (optionId == null || !repository.optionBelongsTo(plan.id(), optionId)) {
			problems.add("optionId", "Choose the option the person chose");
		}
		String words = required(inOwnWords, "inOwnWords", "Write the person's reason, in their own words", problems);
		problems.refuseIfAny(CarePlanRule::new);
		if (repository.choose(decisionId, version, optionId, words, clock.instant()) == 0) {
			throw new ConcurrentEditException("Decision", decisionId);
		}
		auditLog.record(AuditEvent.permitted(actor, "record-choice", "CarePlanDecision", decisionId, person));
		publish(plan, actor);
	}

	private void publish(CarePlanRepository.PlanRow plan, Actor actor) {
		events.publishEvent(new CarePlanChanged(plan.id(), plan.personId(), CarePlanChanged.Change.PLAN_CHANGED,
				Set.of(), Set.of(), actor.practitionerId()));
	}

	private static String required(@Nullable String text, String field, String message, Violations problems) {
		if (text == null || text.isBlank()) {
			problems.add(field, message);
			return "";
		}
		return text.trim();
	}

	private static String required(@Nullable String text, String field, String message) {
		if (text == null || text.isBlank()) {
			throw new CarePlanRule(field, message);
		}
		return text.trim();
	}

}
