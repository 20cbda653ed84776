package care.seamless.careplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.shared.Violation;
import care.seamless.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduled and ad-hoc reviews. At each review every objective may get a goal attainment
 * score from the person and from the practitioner; scores are kept, never overwritten, so
 * the plan shows progress over time.
 */
@Service
public class PlanReviews {

	private final ReviewRepository repository;

	private final CarePlanRepository plans;

	private final PlanAccess access;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PlanReviews(ReviewRepository repository, CarePlanRepository plans, PlanAccess access, AccessPolicy accessPolicy,
			AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.plans = plans;
		this.access = access;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a review held on {@code heldOn} with scores per objective (from -2 to +2; a
	 * missing score means none was given). All or nothing: one bad score saves nothing.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID record(Actor actor, PersonId person, Review.@Nullable Kind kind, @Nullable LocalDate heldOn,
			@Nullable String notes, Map<UUID, Integer> personScores, Map<UUID, Integer> practitionerScores) {
		CarePlanRepository.PlanRow plan = access.change(actor, person, "record-review");
		check(actor, plan, person, kind, heldOn, personScores, practitionerScores).refuseIfAny(CarePlanRule::new);
		UUID id = UUID.randomUUID();
		repository.insert(id, plan.id(), person, kind, heldOn, notes == null || notes.isBlank() ? null : notes.trim(),
				actor.organisationId(), actor.username(), clock.instant());
		personScores
			.forEach((objective, score) -> repository.insertScore(id, objective, person, Review.Scorer.PERSON, score));
		practitionerScores.forEach(
				(objective, score) -> repository.insertScore(id, objective, person, Review.Scorer.PRACTITIONER, score));
		auditLog.record(AuditEvent.permitted(actor, "create", "CarePlanReview", id, person));
		events.publishEvent(new CarePlanChanged(plan.id(), person, CarePlanChanged.Change.REVIEW_RECORDED, Set.of(),
				Set.of(), actor.practitionerId()));
		return id;
	}

	/**
	 * What is wrong with a review, saving nothing: a form that could not read some of its
	 * values names them together with every other problem, on one page.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Violation> problemsWith(Actor actor, PersonId person, Review.@Nullable Kind kind,
			@Nullable LocalDate heldOn, Map<UUID, Integer> personScores, Map<UUID, Integer> practitionerScores) {
		CarePlanRepository.PlanRow plan = access.change(actor, person, "check-review");
		return check(actor, plan, person, kind, heldOn, personScores, practitionerScores).list();
	}

	private Violations check(Actor actor, CarePlanRepository.PlanRow plan, PersonId person, Review.@Nullable Kind kind,
			@Nullable LocalDate heldOn, Map<UUID, Integer> personScores, Map<UUID, Integer> practitionerScores) {
		Violations problems = new Violations();
		if (kind == null) {
			problems.add("kind", "Choose whether this was a scheduled or an ad-hoc review");
		}
		if (heldOn == null || heldOn.isAfter(LocalDate.now(clock))) {
			problems.add("heldOn", "Enter the date the review was held: today or in the past");
		}
		check(actor, plan, person, personScores, "personScores", problems);
		check(actor, plan, person, practitionerScores, "practitionerScores", problems);
		return problems;
	}

	private void check(Actor actor, CarePlanRepository.PlanRow plan, PersonId person, Map<UUID, Integer> scores,
			String field, Violations problems) {
		for (Map.Entry<UUID, Integer> score : scores.entrySet()) {
			if (score.getValue() == null || score.getValue() < -2 || score.getValue() > 2) {
				problems.add(field + "[" + score.getKey() + "]",
						"Each score must be a whole number from -2 (much less than expected) to +2 (much more than expected)");
				continue;
			}
			CarePlanRepository.ObjectiveRow objective = plans.objective(plan.id(), score.getKey()).orElse(null);
			if (objective == null) {
				problems.add(field, "Score only the objectives in this plan");
			}
			else if (!accessPolicy.decide(actor, person, objective.category(), objective.sourceOrganisation())
				.permitted()) {
				problems.add(field, "Score only the objectives you can see");
			}
		}
	}

}
