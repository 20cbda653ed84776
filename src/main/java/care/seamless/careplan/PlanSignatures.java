package care.seamless.careplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.Choices;
import care.seamless.person.People;
import care.seamless.person.RelatedPerson;
import care.seamless.person.Relationship;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-up by each named partner and the person's agreement or disagreement with each
 * objective. Every signature, view and withdrawal is a new row: withdrawing never deletes
 * what was recorded before.
 */
@Service
public class PlanSignatures {

	/** Who may give the person's view for them when they lack capacity for it. */
	static final Set<Relationship> REPRESENTATIVES = EnumSet.of(Relationship.ADVOCATE, Relationship.IMCA,
			Relationship.CARE_ACT_ADVOCATE, Relationship.LPA_HEALTH_AND_WELFARE, Relationship.DEPUTY);

	private final CarePlanRepository repository;

	private final SignatureRepository rows;

	private final PlanAccess access;

	private final People people;

	private final Choices choices;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PlanSignatures(CarePlanRepository repository, SignatureRepository rows, PlanAccess access, People people,
			Choices choices, AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.rows = rows;
		this.access = access;
		this.people = people;
		this.choices = choices;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/** Signs the actor's organisation up to an objective that names it as a partner. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void signUp(Actor actor, PersonId person, UUID objectiveId) {
		CarePlanRepository.PlanRow plan = visibleObjective(actor, person, "sign-up", objectiveId).plan();
		SignatureRepository.PartnerRow partner = partnerRow(actor, plan, objectiveId);
		if (Boolean.TRUE.equals(partner.signed())) {
			throw new CarePlanRule("objective", "Your organisation has already signed up to this objective");
		}
		rows.insertSignUp(objectiveId, person, partner.organisationId(), actor.practitionerId(), true, null,
				clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "sign-up", "CarePlanObjective", objectiveId, person));
		publish(plan, CarePlanChanged.Change.SIGN_UP_CHANGED, actor);
	}

	/**
	 * Withdraws the organisation's sign-up, with the reason; the signature stays in the
	 * history.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void withdrawSignUp(Actor actor, PersonId person, UUID objectiveId, @Nullable String reason) {
		CarePlanRepository.PlanRow plan = visibleObjective(actor, person, "withdraw-sign-up", objectiveId).plan();
		SignatureRepository.PartnerRow partner = partnerRow(actor, plan, objectiveId);
		if (!Boolean.TRUE.equals(partner.signed())) {
			throw new CarePlanRule("reason", "Your organisation has not signed up to this objective");
		}
		if (reason == null || reason.isBlank()) {
			throw new CarePlanRule("reason", "Say why your organisation is withdrawing");
		}
		rows.insertSignUp(objectiveId, person, partner.organisationId(), actor.practitionerId(), false, reason.trim(),
				clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "withdraw-sign-up", "CarePlanObjective", objectiveId, person));
		publish(plan, CarePlanChanged.Change.SIGN_UP_CHANGED, actor);
	}

	/**
	 * Records the person's view of an objective, as told to the practitioner: by the
	 * person, or, when the latest capacity assessment found they lack capacity, by their
	 * advocate, attorney or deputy ({@code representative}, one of their related people).
	 * A disagreement or withdrawal needs the reason in their own words.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void recordPersonsView(Actor actor, PersonId person, UUID objectiveId, PersonsView.@Nullable View view,
			@Nullable UUID representative, @Nullable String reason) {
		PlanAccess.Change<CarePlanRepository.ObjectiveRow> change = visibleObjective(actor, person,
				"record-persons-view", objectiveId);
		CarePlanRepository.PlanRow plan = change.plan();
		CarePlanRepository.ObjectiveRow objective = change.item();
		if (view == null) {
			throw new CarePlanRule("view", "Choose whether they agree or disagree");
		}
		SignatureRepository.Representative givenBy = givenBy(actor, person, representative);
		String why = reason == null || reason.isBlank() ? null : reason.trim();
		if (view != PersonsView.View.AGREES && why == null) {
			throw new CarePlanRule("reason", "Write their reason, in their own words");
		}
		if (view == PersonsView.View.WITHDRAWN && rows.views(plan.id())
			.stream()
			.noneMatch(v -> v.objectiveId().equals(objective.id()) && v.view() != PersonsView.View.WITHDRAWN)) {
			throw new CarePlanRule("view", "There is no agreement or disagreement to withdraw");
		}
		rows.insertView(objectiveId, person, view, givenBy, why, actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "persons-view-" + view.name().toLowerCase(java.util.Locale.ROOT),
				"CarePlanObjective", objectiveId, person));
		publish(plan, CarePlanChanged.Change.PERSONS_VIEW_RECORDED, actor);
	}

	/**
	 * The person's own view of an objective, given by them through their own account (the
	 * person's door): recorded as the person's, beside anything a practitioner wrote,
	 * never merged into it. Only the person themselves may give it this way
	 * ({@code Who.THE_PERSON}); a disagreement needs their reason in their own words.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void recordOwnView(Actor actor, PersonId person, UUID objectiveId, PersonsView.@Nullable View view,
			@Nullable String words) {
		Optional<CarePlanRepository.PlanRow> found = repository.planFor(person);
		Optional<CarePlanRepository.ObjectiveRow> item = found
			.flatMap(row -> repository.objective(row.id(), objectiveId));
		if (item.isEmpty()) {
			// The record-level check first, so nobody learns what another's plan holds.
			access.requireOwn(actor, person, "record-own-view", DataCategory.GENERAL, null, objectiveId);
			throw new NotFoundException("CarePlanObjective", objectiveId);
		}
		CarePlanRepository.PlanRow plan = found.get();
		CarePlanRepository.ObjectiveRow objective = item.get();
		access.requireOwn(actor, person, "record-own-view", objective.category(), objective.sourceOrganisation(),
				objectiveId);
		if (view == null || view == PersonsView.View.WITHDRAWN) {
			throw new CarePlanRule("view", "Choose whether you agree or disagree");
		}
		String why = words == null || words.isBlank() ? null : words.strip();
		if (view == PersonsView.View.DISAGREES && why == null) {
			throw new CarePlanRule("reason", "Tell us why, in your own words");
		}
		if (why != null && why.length() > 2000) {
			throw new CarePlanRule("reason", "Use 2000 characters or fewer");
		}
		rows.insertView(objectiveId, person, view, SignatureRepository.Representative.PERSON, why, actor.username(),
				clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "own-view-" + view.name().toLowerCase(java.util.Locale.ROOT),
				"CarePlanObjective", objectiveId, person));
		publish(plan, CarePlanChanged.Change.PERSONS_VIEW_RECORDED, actor);
	}

	private SignatureRepository.Representative givenBy(Actor actor, PersonId person, @Nullable UUID representative) {
		boolean lacksCapacity = choices.latestCapacity(person).map(c -> c.lacksCapacity()).orElse(false);
		if (representative == null) {
			if (lacksCapacity) {
				throw new CarePlanRule("representative",
						"The latest capacity assessment found the person lacks capacity: record who gave their view for them (their advocate, attorney or deputy)");
			}
			return SignatureRepository.Representative.PERSON;
		}
		LocalDate today = LocalDate.now(clock);
		RelatedPerson related = people.summary(actor, person)
			.relatedPeople()
			.stream()
			.filter(r -> r.id().equals(representative) && REPRESENTATIVES.contains(r.relationship()))
			.filter(r -> r.periodEnd() == null || r.periodEnd().isAfter(today))
			.findFirst()
			.orElseThrow(() -> new CarePlanRule("representative",
					"Choose the person's advocate, attorney or deputy from the people around them"));
		return new SignatureRepository.Representative(related.id(), related.relationship().name(), related.name());
	}

	private SignatureRepository.PartnerRow partnerRow(Actor actor, CarePlanRepository.PlanRow plan, UUID objectiveId) {
		OrganisationId organisation = actor.organisationId();
		return rows.partners(plan.id())
			.stream()
			.filter(p -> p.objectiveId().equals(objectiveId) && p.organisationId().equals(organisation))
			.findFirst()
			.orElseThrow(() -> new CarePlanRule("objective",
					"Your organisation is not named as a partner for this objective"));
	}

	private PlanAccess.Change<CarePlanRepository.ObjectiveRow> visibleObjective(Actor actor, PersonId person,
			String action, UUID objectiveId) {
		return access.change(actor, person, action,
				plan -> repository.objective(plan.id(), objectiveId)
					.map(row -> new PlanAccess.Item<>(row, row.category(), row.sourceOrganisation())),
				"CarePlanObjective", objectiveId);
	}

	private void publish(CarePlanRepository.PlanRow plan, CarePlanChanged.Change change, Actor actor) {
		events.publishEvent(
				new CarePlanChanged(plan.id(), plan.personId(), change, Set.of(), Set.of(), actor.practitionerId()));
	}

}
