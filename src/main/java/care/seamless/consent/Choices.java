package care.seamless.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's choices about sharing, their capacity to make them, and best-interests
 * decisions where they cannot. Only someone with a relationship to the person records
 * these, and every change is audited. Nothing is deleted: withdrawing a choice keeps it
 * in the history.
 */
@Service
public class Choices {

	private static final String SHARING_DECISION = "Sharing information about me between the partner organisations";

	private final ChoiceRepository repository;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Clock clock;

	Choices(ChoiceRepository repository, AccessPolicy accessPolicy, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Records a choice made by the person. Refused when the latest capacity assessment
	 * found the person lacks capacity for sharing decisions: then a best-interests
	 * decision must be recorded instead.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID record(Actor actor, PersonId person, NewChoice choice) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, "record-choice", "Consent");
		if (choice.howGiven() == HowGiven.BEST_INTERESTS) {
			throw new ConsentRule("howGiven", "Record a best-interests decision to stand in for the person's choice");
		}
		Optional<CapacityAssessment> latest = latestCapacity(person);
		if (latest.isPresent() && latest.get().lacksCapacity()) {
			throw new ConsentRule("howGiven",
					"The latest capacity assessment found the person lacks capacity for this decision; record a best-interests decision instead");
		}
		return insert(actor, person, choice);
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public void withdraw(Actor actor, PersonId person, UUID choiceId, long version) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, "withdraw-choice", "Consent");
		PersonChoice choice = repository.choice(choiceId)
			.filter(c -> c.personId().equals(person))
			.orElseThrow(() -> new NotFoundException("Choice", choiceId));
		if (repository.withdraw(choice.id(), version, actor.username(), clock.instant()) == 0) {
			throw new ConcurrentEditException("Choice", choiceId);
		}
		auditLog.record(AuditEvent.permitted(actor, "withdraw", "Consent", choiceId, person));
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public List<PersonChoice> choices(Actor actor, PersonId person) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, "read-choices", "Consent");
		return repository.choices(person);
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID assessCapacity(Actor actor, PersonId person, boolean impairment, boolean canUnderstand,
			boolean canRetain, boolean canWeigh, boolean canCommunicate, @Nullable String notes) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, "assess-capacity", "CapacityAssessment");
		UUID id = UUID.randomUUID();
		repository.insertCapacity(new CapacityAssessment(id, person, SHARING_DECISION, impairment, canUnderstand,
				canRetain, canWeigh, canCommunicate, notes, actor.username(), clock.instant()), actor.organisationId());
		auditLog.record(AuditEvent.permitted(actor, "create", "CapacityAssessment", id, person));
		return id;
	}

	/**
	 * Records a best-interests decision and the choice it stands in for, linked to each
	 * other. Only possible when the assessment it rests on found the person lacks
	 * capacity for this decision.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID decideBestInterests(Actor actor, PersonId person, UUID capacityAssessmentId, ChoiceKind outcome,
			@Nullable OrganisationId organisation, @Nullable DataCategory category, String decision,
			String peopleConsulted, @Nullable String attorneyOrDeputy, @Nullable String advocate) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, "best-interests", "BestInterestsDecision");
		// An assessment the actor may not see is not there for them: its finding must not
		// show through the refusal below.
		CapacityAssessment assessment = repository
			.capacityAssessment(capacityAssessmentId, visible(actor, "cap", "source_organisation_id"))
			.filter(a -> a.personId().equals(person))
			.orElseThrow(() -> new NotFoundException("CapacityAssessment", capacityAssessmentId));
		if (!assessment.lacksCapacity()) {
			throw new ConsentRule("capacityAssessmentId",
					"The assessment found the person has capacity: they make this decision themselves");
		}
		if (peopleConsulted == null || peopleConsulted.isBlank()) {
			throw new ConsentRule("peopleConsulted",
					"Record who was consulted (carers, attorney or deputy, advocate), as the Mental Capacity Act requires");
		}
		UUID id = UUID.randomUUID();
		boolean advocateInvolved = advocate != null && !advocate.isBlank();
		repository.insertBestInterests(
				new BestInterestsDecision(id, person, capacityAssessmentId, decision, peopleConsulted,
						blank(attorneyOrDeputy), blank(advocate), advocateInvolved, actor.username(), clock.instant()),
				actor.organisationId());
		auditLog.record(AuditEvent.permitted(actor, "create", "BestInterestsDecision", id, person));
		insert(actor, person, new NewChoice(outcome, organisation, category, HowGiven.BEST_INTERESTS,
				LocalDate.now(clock), null, id));
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<CapacityAssessment> latestCapacity(PersonId person) {
		return repository.capacityAssessments(person).stream().findFirst();
	}

	/**
	 * The capacity assessments the viewer may see: they are mental health information
	 * recorded by one organisation, under the item-level policy like any other.
	 */
	@Transactional(readOnly = true)
	public List<CapacityAssessment> capacityAssessments(Actor actor, PersonId person) {
		return repository.capacityAssessments(person, visible(actor, "cap", "source_organisation_id"));
	}

	/** The best-interests decisions the viewer may see. */
	@Transactional(readOnly = true)
	public List<BestInterestsDecision> bestInterestsDecisions(Actor actor, PersonId person) {
		return repository.bestInterestsDecisions(person, visible(actor, "bid", "source_organisation_id"));
	}

	private SqlCondition visible(Actor actor, String alias, String sourceColumn) {
		return accessPolicy.visibleItems(actor, alias + ".person_id", alias + ".category", alias + "." + sourceColumn);
	}

	private UUID insert(Actor actor, PersonId person, NewChoice choice) {
		if (choice.expiresOn() != null && !choice.expiresOn().isAfter(choice.effectiveFrom())) {
			throw new ConsentRule("expiresOn", "The expiry or review date must be after the date the choice was made");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		repository.insertChoice(id, person, choice, actor.username(), now);
		auditLog.record(AuditEvent.permitted(actor, "record-" + choice.kind().name().toLowerCase(java.util.Locale.ROOT),
				"Consent", id, person));
		return id;
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
