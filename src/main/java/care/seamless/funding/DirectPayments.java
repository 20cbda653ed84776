package care.seamless.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.CapacityAssessment;
import care.seamless.consent.Choices;
import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import care.seamless.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Direct payments of a personal budget: the request and who manages it, the agreement and
 * payment schedule, the ledger of payments, returns and reclaimed surplus, the carers it
 * pays, and its reviews (Care Act 2014 ss31-33; Care and Support (Direct Payments)
 * Regulations 2014). Reads ask the access policy in SQL; every change is audited.
 */
@Service
public class DirectPayments {

	static final String RECORD = "DirectPayment";

	private static final int MAX_NAME = 200;

	private static final int MAX_TEXT = 2000;

	private final DirectPaymentRepository repository;

	private final PersonalBudgets budgets;

	private final AccessPolicy accessPolicy;

	private final Choices choices;

	private final Clock clock;

	DirectPayments(DirectPaymentRepository repository, PersonalBudgets budgets, AccessPolicy accessPolicy,
			Choices choices, Clock clock) {
		this.repository = repository;
		this.budgets = budgets;
		this.accessPolicy = accessPolicy;
		this.choices = choices;
		this.clock = clock;
	}

	/**
	 * Records a request for direct payments and who will manage them. A person found to
	 * lack capacity (their latest capacity assessment the actor may see) has an
	 * authorised person; a person with capacity manages it, or names someone to.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID request(Actor actor, PersonId person, @Nullable ManagerKind kind, @Nullable String managerName) {
		PersonalBudgetRepository.Keys budget = budgets.keys(person);
		accessPolicy.require(actor,
				change(actor, person, "request-direct-payment", budget.id(), budget.organisationId()));
		Violations problems = new Violations();
		boolean lacksCapacity = choices.capacityAssessments(actor, person)
			.stream()
			.findFirst()
			.map(CapacityAssessment::lacksCapacity)
			.orElse(false);
		if (kind == null) {
			problems.add("managerKind", "Choose who will manage the direct payment");
		}
		else if (kind == ManagerKind.AUTHORISED_PERSON && !lacksCapacity) {
			problems.add("managerKind",
					"An authorised person manages a direct payment only for someone assessed as lacking capacity to "
							+ "request it: record the capacity assessment first, or choose the person or their nominee");
		}
		else if (kind != ManagerKind.AUTHORISED_PERSON && lacksCapacity) {
			problems.add("managerKind",
					"The latest capacity assessment found the person lacks capacity: an authorised person must "
							+ "manage the direct payment");
		}
		String name = managerName == null || managerName.isBlank() ? null : managerName.strip();
		if (kind != null && kind != ManagerKind.PERSON && name == null) {
			problems.add("managerName", "Enter the name of the person who will manage it");
		}
		else if (name != null && name.length() > MAX_NAME) {
			problems.add("managerName", "The name must be " + MAX_NAME + " characters or fewer");
		}
		problems.refuseIfAny(BudgetRule::new);
		UUID id = UUID.randomUUID();
		if (!repository.insert(id, budget.id(), person, budget.organisationId(), kind,
				kind == ManagerKind.PERSON ? null : name, actor.username(), clock.instant())) {
			throw new BudgetRule("managerKind", "Direct payments have already been requested for this budget");
		}
		return id;
	}

	/**
	 * Records the signed agreement and the payment schedule. A budget that needs approval
	 * does not start before it has it.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void agree(Actor actor, PersonId person, long version, @Nullable LocalDate signedOn,
			@Nullable Integer everyWeeks, @Nullable LocalDate firstPaymentOn) {
		DirectPaymentRepository.Keys keys = keys(person);
		accessPolicy.require(actor, change(actor, person, "agree-direct-payment", keys.id(), keys.organisationId()));
		LocalDate today = LocalDate.now(clock);
		Violations problems = new Violations();
		ApprovalState approval = budgets.state(budgets.keys(person));
		if (!approval.mayStart()) {
			problems.add("approval", "The personal budget is above its team's threshold and needs approval before "
					+ "the direct payment starts");
		}
		if (budgets.statement(budgets.keys(person)).council().signum() == 0) {
			problems.add("approval", "Cost the council-funded support in the plan before the direct payment starts");
		}
		if (signedOn == null) {
			problems.add("signedOn", "Enter the date the agreement was signed");
		}
		else if (signedOn.isAfter(today)) {
			problems.add("signedOn", "The agreement cannot be signed in the future");
		}
		if (everyWeeks == null || !List.of(1, 2, 4).contains(everyWeeks)) {
			problems.add("everyWeeks", "Choose how often the council pays: every 1, 2 or 4 weeks");
		}
		if (firstPaymentOn == null) {
			problems.add("firstPaymentOn", "Enter the date of the first payment");
		}
		else if (signedOn != null && firstPaymentOn.isBefore(signedOn)) {
			problems.add("firstPaymentOn", "The first payment cannot be before the agreement is signed");
		}
		problems.refuseIfAny(BudgetRule::new);
		if (!repository.agree(keys.id(), version, signedOn, everyWeeks, firstPaymentOn)) {
			throw new ConcurrentEditException(RECORD, keys.id());
		}
	}

	/**
	 * Adds someone the direct payment pays for care. A close relative living in the same
	 * household is refused unless a team manager authorises an exception, with the reason
	 * it is necessary (Direct Payments Regulations 2014, reg 3).
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void addCarer(Actor actor, PersonId person, long version, @Nullable String name, boolean closeRelative,
			boolean sameHousehold, @Nullable String exceptionReason) {
		DirectPaymentRepository.Keys keys = keys(person);
		accessPolicy.require(actor,
				change(actor, person, "add-direct-payment-carer", keys.id(), keys.organisationId()));
		Violations problems = new Violations();
		String carer = name == null ? "" : name.strip();
		if (carer.isEmpty()) {
			problems.add("carerName", "Enter the name of the person to be paid");
		}
		else if (carer.length() > MAX_NAME) {
			problems.add("carerName", "The name must be " + MAX_NAME + " characters or fewer");
		}
		String reason = exceptionReason == null || exceptionReason.isBlank() ? null : exceptionReason.strip();
		boolean exceptionNeeded = closeRelative && sameHousehold;
		if (exceptionNeeded && reason == null) {
			problems.add("sameHousehold", "A direct payment cannot pay a close relative who lives in the same "
					+ "household, unless the council authorises an exception because it is necessary to meet the "
					+ "person's needs. A team manager records the exception and the reason.");
		}
		else if (exceptionNeeded && !actor.has(Role.TEAM_MANAGER)) {
			problems.add("exceptionReason",
					"Only a team manager authorises paying a close relative who lives in the same household");
		}
		if (reason != null && reason.length() > MAX_TEXT) {
			problems.add("exceptionReason", "The reason must be " + MAX_TEXT + " characters or fewer");
		}
		problems.refuseIfAny(BudgetRule::new);
		if (!repository.bump(keys.id(), version)) {
			throw new ConcurrentEditException(RECORD, keys.id());
		}
		repository.insertCarer(keys, carer, closeRelative, sameHousehold, exceptionNeeded ? reason : null,
				exceptionNeeded ? actor.username() : null, actor.username(), clock.instant());
	}

	/**
	 * Records a payment in, money the person returned, or surplus the council reclaimed;
	 * nothing leaves the account that is not in it.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void record(Actor actor, PersonId person, long version, @Nullable LedgerKind kind, @Nullable LocalDate on,
			@Nullable BigDecimal amount, @Nullable String note) {
		DirectPaymentRepository.Keys keys = keys(person);
		accessPolicy.require(actor,
				change(actor, person, "record-direct-payment-entry", keys.id(), keys.organisationId()));
		DirectPaymentRepository.Row row = repository.read(keys.id(), visible(actor)).orElseThrow();
		Violations problems = new Violations();
		if (row.signedOn() == null) {
			problems.add("kind", "Record the signed agreement before any payment");
		}
		if (kind == null) {
			problems.add("kind", "Choose what to record: a payment, a return or a reclaimed surplus");
		}
		if (on == null) {
			problems.add("entryOn", "Enter the date");
		}
		else if (on.isAfter(LocalDate.now(clock))) {
			problems.add("entryOn", "The date cannot be in the future");
		}
		else if (row.signedOn() != null && on.isBefore(row.signedOn())) {
			problems.add("entryOn", "The date cannot be before the agreement was signed");
		}
		if (amount == null) {
			problems.add("amount", "Enter the amount");
		}
		else if (Amounts.check(amount, "amount", problems) != null && kind != null) {
			String refusal = DirectPaymentLedger.refusal(repository.entries(keys.id()), kind, amount);
			if (refusal != null) {
				problems.add("amount", refusal);
			}
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 500) {
			problems.add("note", "The note must be 500 characters or fewer");
		}
		problems.refuseIfAny(BudgetRule::new);
		if (!repository.bump(keys.id(), version)) {
			throw new ConcurrentEditException(RECORD, keys.id());
		}
		repository.insertEntry(keys, kind, on, Amounts.pounds(amount), text, actor.username(), clock.instant());
	}

	/** Records a review of the direct payment; the next falls due a year later. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void review(Actor actor, PersonId person, long version, @Nullable LocalDate on, @Nullable String notes) {
		DirectPaymentRepository.Keys keys = keys(person);
		accessPolicy.require(actor, change(actor, person, "review-direct-payment", keys.id(), keys.organisationId()));
		DirectPaymentRepository.Row row = repository.read(keys.id(), visible(actor)).orElseThrow();
		Violations problems = new Violations();
		if (row.signedOn() == null) {
			problems.add("reviewedOn", "A direct payment is reviewed once its agreement is signed");
		}
		if (on == null) {
			problems.add("reviewedOn", "Enter the date of the review");
		}
		else if (on.isAfter(LocalDate.now(clock))) {
			problems.add("reviewedOn", "The review cannot be in the future");
		}
		else if (row.signedOn() != null && on.isBefore(row.signedOn())) {
			problems.add("reviewedOn", "The review cannot be before the agreement was signed");
		}
		if (notes != null && notes.length() > MAX_TEXT) {
			problems.add("reviewNotes", "The notes must be " + MAX_TEXT + " characters or fewer");
		}
		problems.refuseIfAny(BudgetRule::new);
		if (!repository.bump(keys.id(), version)) {
			throw new ConcurrentEditException(RECORD, keys.id());
		}
		repository.insertReview(keys, on, notes == null || notes.isBlank() ? null : notes.strip(), actor.username(),
				clock.instant());
	}

	/** The person's direct payment as the actor may see it; empty when none. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public Optional<DirectPaymentView> directPayment(Actor actor, PersonId person) {
		Optional<DirectPaymentRepository.Keys> found = repository.keysFor(person);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		DirectPaymentRepository.Keys keys = found.get();
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "read-direct-payment", RECORD)
					.item(DataCategory.GENERAL, keys.organisationId())
					.about(keys.id()));
		DirectPaymentRepository.Row row = repository.read(keys.id(), visible(actor))
			.orElseThrow(() -> new NotFoundException(RECORD, keys.id()));
		PersonalBudgetRepository.Keys budget = budgets.keys(person);
		BigDecimal weekly = budgets.statement(budget).council();
		List<DirectPaymentLedger.Entry> entries = repository.entries(keys.id());
		List<LocalDate> reviews = repository.reviews(keys.id());
		LocalDate today = LocalDate.now(clock);
		LocalDate due = row.signedOn() == null ? null
				: PaymentSchedule.reviewDue(row.signedOn(), reviews.isEmpty() ? null : reviews.get(0));
		List<PaymentSchedule.Due> schedule = row.firstPaymentOn() == null || row.everyWeeks() == null ? List.of()
				: PaymentSchedule.next(row.firstPaymentOn(), row.everyWeeks(), weekly, today, 4);
		return Optional.of(new DirectPaymentView(keys.id(), person, row.managerKind(), row.managerName(),
				row.signedOn(), row.everyWeeks(), row.firstPaymentOn(), weekly, schedule,
				DirectPaymentLedger.lines(entries), DirectPaymentLedger.balance(entries), repository.carers(keys.id()),
				reviews, due, due != null && due.isBefore(today), budgets.state(budget), row.version()));
	}

	/**
	 * Direct payment reviews due within {@code days} days (or overdue) for budgets held
	 * by the actor's own teams, as far as the actor may see them: the worklist's share of
	 * the first review within six months and the yearly ones after it.
	 */
	@Transactional(readOnly = true)
	public List<ReviewDue> reviewsDue(Actor actor, int days) {
		return repository.reviewsDue(LocalDate.now(clock).plusDays(days), budgets.teamsOf(actor),
				accessPolicy.visibleItems(actor, "d.person_id", "d.category", "d.organisation_id"));
	}

	private DirectPaymentRepository.Keys keys(PersonId person) {
		return repository.keysFor(person)
			.orElseThrow(() -> new BudgetRule("managerKind", "Request direct payments for this person first"));
	}

	private SqlCondition visible(Actor actor) {
		return accessPolicy.visibleItems(actor, "d.person_id", "d.category", "d.organisation_id");
	}

	private static AccessRequest change(Actor actor, PersonId person, String action, Object id,
			care.seamless.shared.@Nullable OrganisationId source) {
		return new AccessRequest(person, action, RECORD, id, DataCategory.GENERAL, source,
				AccessRequest.Who.CARE_TEAM_MEMBER, null);
	}

}
