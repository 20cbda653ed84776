package care.seamless.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Violation;
import care.seamless.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
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

	private final Guardians guardians;

	private final ObjectProvider<PersonFacts> personFacts;

	private final ApplicationEventPublisher events;

	Choices(ChoiceRepository repository, AccessPolicy accessPolicy, AuditLog auditLog, Clock clock, Guardians guardians,
			ObjectProvider<PersonFacts> personFacts, ApplicationEventPublisher events) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.clock = clock;
		this.guardians = guardians;
		this.personFacts = personFacts;
		this.events = events;
	}

	/** Without the person module (a consent-only module test) nobody is on record. */
	private static final PersonFacts NO_FACTS = new PersonFacts() {

		@java.lang.Override
		public String displayName(PersonId person) {
			return "";
		}

		@java.lang.Override
		public List<String> attorneysAndDeputies(PersonId person) {
			return List.of();
		}

	};

	/**
	 * Records a choice made by the person. Refused when the latest capacity assessment
	 * found the person lacks capacity for sharing decisions: then a best-interests
	 * decision must be recorded instead.
	 */
	@Transactional(noRollbackFor = { AccessDenied.class, ObjectionAgainstOwnOrganisation.class })
	public UUID record(Actor actor, PersonId person, NewChoice choice) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, "record-choice", "Consent");
		if (outweighsObjectionAgainst(actor, person, choice)) {
			auditLog.record(AuditEvent.denied(actor, "record-consent", "Consent", null, person,
					"objection: a consent would outweigh an objection held against the recording organisation"));
			throw new ObjectionAgainstOwnOrganisation();
		}
		List<Violation> problems = rulesAgainst(person, choice.howGiven());
		if (!problems.isEmpty()) {
			throw new ConsentRule(problems);
		}
		return insert(actor, person, choice);
	}

	/**
	 * What the rules say against recording a choice given this way, saving nothing: a
	 * form that could not read another of its fields still shows these with its own.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Violation> problemsWith(Actor actor, PersonId person, @Nullable HowGiven howGiven) {
		// The rules read the person's latest capacity assessment: the same access as
		// recording the choice, decided and audited.
		accessPolicy.check(actor, person, DataCategory.GENERAL, "check-choice", "Consent");
		return rulesAgainst(person, howGiven);
	}

	private List<Violation> rulesAgainst(PersonId person, @Nullable HowGiven howGiven) {
		Violations problems = new Violations();
		if (howGiven == HowGiven.BEST_INTERESTS) {
			problems.add("howGiven", "Record a best-interests decision to stand in for the person's choice");
		}
		else if (latestCapacity(person).map(CapacityAssessment::lacksCapacity).orElse(false)) {
			problems.add("howGiven",
					"The latest capacity assessment found the person lacks capacity for this decision; record a best-interests decision instead");
		}
		return problems.list();
	}

	/**
	 * Withdraws a choice on the person's instruction, or on that of someone with
	 * authority to act for them (their attorney or deputy, or a recorded best-interests
	 * decision), recording who asked, how and why. The organisation an objection or
	 * dissent is held against may never withdraw it: that refusal is audited as DENIED.
	 */
	@Transactional(noRollbackFor = { AccessDenied.class, ObjectionAgainstOwnOrganisation.class })
	public void withdraw(Actor actor, PersonId person, UUID choiceId, long version, ChoiceChange request) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, "withdraw-choice", "Consent");
		PersonChoice choice = repository.choice(choiceId)
			.filter(c -> c.personId().equals(person))
			.orElseThrow(() -> new NotFoundException("Choice", choiceId));
		if (heldAgainst(choice, actor) && choice.organisationId() != null) {
			auditLog.record(AuditEvent.denied(actor, "withdraw", "Consent", choiceId, person,
					"objection: held against the withdrawing organisation"));
			throw new ObjectionAgainstOwnOrganisation();
		}
		checkAuthority(actor, person, request);
		Instant now = clock.instant();
		if (repository.withdraw(choice.id(), version, actor.username(), now) == 0) {
			throw new ConcurrentEditException("Choice", choiceId);
		}
		repository.insertChange(choiceId, person, "WITHDRAW", request, actor.username(), now);
		auditLog.record(AuditEvent.permitted(actor, "withdraw", "Consent", choiceId, person)
			.withReason("requested by " + request.requestedBy().name() + ", " + request.howAsked().name()));
		Set<OrganisationId> concerned = new LinkedHashSet<>();
		if (choice.organisationId() != null) {
			concerned.add(choice.organisationId());
		}
		if (actor.organisationId() != null) {
			concerned.add(actor.organisationId());
		}
		events.publishEvent(new ChoiceWithdrawn(choiceId, person,
				guardians.concernedWith(choice.organisationId() == null ? guardians.allOrganisations() : concerned)));
	}

	/**
	 * Who asked must be the person, or have authority to act for them; how and why are
	 * always recorded. An attorney or deputy must be one named on the person's record
	 * when the record names any, and a person found to lack capacity cannot ask for
	 * themselves.
	 */
	private void checkAuthority(Actor actor, PersonId person, ChoiceChange request) {
		// The three things every request needs are checked together, so the form names
		// each one missing at once.
		List<Violation> missing = new java.util.ArrayList<>();
		if (request.requestedBy() == null) {
			missing.add(new Violation("requestedBy",
					"Say who asked for the change: the person, their attorney or deputy, or a best-interests decision"));
		}
		if (request.howAsked() == null) {
			missing.add(new Violation("howAsked", "Say how the request reached you"));
		}
		if (request.reason() == null || request.reason().isBlank()) {
			missing.add(new Violation("reason", "Give the reason for the change, in the words of whoever asked"));
		}
		if (!missing.isEmpty()) {
			throw new ConsentRule(missing);
		}
		switch (request.requestedBy()) {
			case PERSON -> {
				if (latestCapacity(person).map(CapacityAssessment::lacksCapacity).orElse(false)) {
					throw new ConsentRule("requestedBy",
							"The latest capacity assessment found the person lacks capacity for this decision: "
									+ "the change must come from their attorney or deputy, or a best-interests decision");
				}
			}
			case ATTORNEY, DEPUTY -> checkRepresentative(person, request.requesterName());
			case BEST_INTERESTS -> {
				UUID decision = request.bestInterestsDecisionId();
				if (decision == null
						|| bestInterestsDecisions(actor, person).stream().noneMatch(d -> d.id().equals(decision))) {
					throw new ConsentRule("bestInterestsDecisionId",
							"Choose the best-interests decision recorded for this person that the change rests on");
				}
			}
		}
	}

	private void checkRepresentative(PersonId person, @Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new ConsentRule("requesterName", "Give the name of the attorney or deputy who asked");
		}
		List<String> onRecord = personFacts.getIfAvailable(() -> NO_FACTS).attorneysAndDeputies(person);
		if (!onRecord.isEmpty() && onRecord.stream().noneMatch(n -> n.equalsIgnoreCase(name.trim()))) {
			throw new ConsentRule("requesterName",
					"Only an attorney or deputy recorded on the person's record may ask: "
							+ String.join(", ", onRecord));
		}
	}

	/** The attorneys and deputies named on the person's record, for the form to offer. */
	@Transactional(readOnly = true)
	public List<String> attorneysAndDeputies(PersonId person) {
		return personFacts.getIfAvailable(() -> NO_FACTS).attorneysAndDeputies(person);
	}

	/**
	 * Whether the choice is an objection or dissent covering the actor's own
	 * organisation.
	 */
	/**
	 * Whether {@link #withdraw} would let the actor withdraw the choice as far as whose
	 * choice it is goes: never the organisation an objection or dissent is held against.
	 * Pages offer "Withdraw" only then.
	 */
	public static boolean mayWithdraw(Actor actor, PersonChoice choice) {
		return !(heldAgainst(choice, actor) && choice.organisationId() != null);
	}

	private static boolean heldAgainst(PersonChoice choice, Actor actor) {
		return choice.kind() != ChoiceKind.CONSENT && actor.organisationId() != null
				&& (choice.organisationId() == null || choice.organisationId().equals(actor.organisationId()));
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
	@Transactional(noRollbackFor = { AccessDenied.class, ObjectionAgainstOwnOrganisation.class })
	public UUID decideBestInterests(Actor actor, PersonId person, @Nullable UUID capacityAssessmentId,
			@Nullable ChoiceKind outcome, @Nullable OrganisationId organisation, @Nullable DataCategory category,
			@Nullable String decision, @Nullable String peopleConsulted, @Nullable String attorneyOrDeputy,
			@Nullable String advocate) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, "best-interests", "BestInterestsDecision");
		if (outcome != null && outweighsObjectionAgainst(actor, person, new NewChoice(outcome, organisation, category,
				HowGiven.BEST_INTERESTS, LocalDate.now(clock), null, null))) {
			auditLog.record(AuditEvent.denied(actor, "best-interests", "BestInterestsDecision", null, person,
					"objection: a consent would outweigh an objection held against the recording organisation"));
			throw new ObjectionAgainstOwnOrganisation();
		}
		List<Violation> problems = bestInterestsProblems(actor, person, capacityAssessmentId, outcome, decision,
				peopleConsulted);
		if (!problems.isEmpty()) {
			throw new ConsentRule(problems);
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

	/**
	 * Every rule a best-interests decision breaks, checked together and saving nothing,
	 * so a form names every problem at once, also beside fields only it could not read.
	 */
	@Transactional(readOnly = true)
	public List<Violation> bestInterestsProblems(Actor actor, PersonId person, @Nullable UUID capacityAssessmentId,
			@Nullable ChoiceKind outcome, @Nullable String decision, @Nullable String peopleConsulted) {
		Violations problems = new Violations();
		if (capacityAssessmentId == null) {
			problems.add("capacityAssessmentId", "Choose the capacity assessment this decision rests on");
		}
		else {
			// An assessment the actor may not see, or another person's, is not there for
			// them: the refusal is the same as for none chosen, so no finding shows
			// through.
			Optional<CapacityAssessment> assessment = repository
				.capacityAssessment(capacityAssessmentId, visible(actor, "cap", "source_organisation_id"))
				.filter(a -> a.personId().equals(person));
			if (assessment.isEmpty()) {
				problems.add("capacityAssessmentId", "Choose the capacity assessment this decision rests on");
			}
			else if (!assessment.get().lacksCapacity()) {
				problems.add("capacityAssessmentId",
						"The assessment found the person has capacity: they make this decision themselves");
			}
		}
		if (outcome == null) {
			problems.add("outcome", "Choose whether the decision is to share or not to share");
		}
		if (decision == null || decision.isBlank()) {
			problems.add("decision", "Describe the decision made in the person's best interests");
		}
		if (peopleConsulted == null || peopleConsulted.isBlank()) {
			problems.add("peopleConsulted",
					"Record who was consulted (carers, attorney or deputy, advocate), as the Mental Capacity Act requires");
		}
		return problems.list();
	}

	/**
	 * A choice the person makes themselves, signed in with their own account
	 * ({@code Who.THE_PERSON}): for every organisation or one, every kind of information
	 * or one. It counts from the very next request. Refused, like any choice "given by
	 * the person", while the latest capacity assessment finds they lack capacity.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID recordOwn(Actor actor, PersonId person, @Nullable ChoiceKind kind,
			@Nullable OrganisationId organisation, @Nullable DataCategory category) {
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "record-own-choice", "Consent").by(AccessRequest.Who.THE_PERSON));
		if (kind == null) {
			throw new ConsentRule("kind", "Choose what you want");
		}
		if (latestCapacity(person).map(CapacityAssessment::lacksCapacity).orElse(false)) {
			throw new ConsentRule("kind",
					"Your care team needs to talk this through with you and the people who support you");
		}
		return insert(actor, person,
				new NewChoice(kind, organisation, category, HowGiven.PORTAL, LocalDate.now(clock), null, null));
	}

	/**
	 * The person withdraws a choice of theirs themselves; the Caldicott guardians
	 * concerned are told, as for any withdrawal.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void withdrawOwn(Actor actor, PersonId person, UUID choiceId, long version) {
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "withdraw-own-choice", "Consent")
					.about(choiceId)
					.by(AccessRequest.Who.THE_PERSON));
		PersonChoice choice = repository.choice(choiceId)
			.filter(c -> c.personId().equals(person))
			.orElseThrow(() -> new NotFoundException("Choice", choiceId));
		Instant now = clock.instant();
		if (repository.withdraw(choice.id(), version, actor.username(), now) == 0) {
			throw new ConcurrentEditException("Choice", choiceId);
		}
		repository.insertChange(choiceId, person, "WITHDRAW",
				ChoiceChange.byThePerson(HowAsked.ONLINE, "Changed by the person on their own page"), actor.username(),
				now);
		Set<OrganisationId> concerned = new LinkedHashSet<>();
		if (choice.organisationId() != null) {
			concerned.add(choice.organisationId());
		}
		events.publishEvent(new ChoiceWithdrawn(choiceId, person,
				guardians.concernedWith(choice.organisationId() == null ? guardians.allOrganisations() : concerned)));
	}

	/**
	 * A consent covering the actor's own organisation while an objection or dissent
	 * against it is in force would lift that objection as surely as withdrawing it.
	 */
	private boolean outweighsObjectionAgainst(Actor actor, PersonId person, NewChoice choice) {
		OrganisationId own = actor.organisationId();
		if (choice.kind() != ChoiceKind.CONSENT || own == null
				|| (choice.organisationId() != null && !choice.organisationId().equals(own))) {
			return false;
		}
		LocalDate today = LocalDate.now(clock);
		return repository.choices(person)
			.stream()
			.anyMatch(c -> c.inForce(today) && heldAgainst(c, actor) && c.organisationId() != null
					&& (c.category() == null || choice.category() == null || c.category() == choice.category()));
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
