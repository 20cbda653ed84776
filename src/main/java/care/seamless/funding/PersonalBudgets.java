package care.seamless.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.seamless.careplan.Action;
import care.seamless.careplan.ActionStatusChanged;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.Objective;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.SqlCondition;
import care.seamless.eligibility.Determination;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.EligibilityOverview;
import care.seamless.partnership.PoolCommitment;
import care.seamless.partnership.PoolCommitments;
import care.seamless.partnership.PoolLineChoice;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;
import care.seamless.shared.Violations;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import care.seamless.terminology.Concept;
import care.seamless.terminology.Terminology;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's personal budget: started from the resource allocation system (the current
 * eligibility determination's findings times the year's rates), then built from the
 * weekly cost of each action or service in the care plan, checked against the eligible
 * needs, and sent for approval when above the team's threshold. Every read asks the
 * access policy, and the same rule is in the SQL that reads; every change is audited.
 */
@Service
public class PersonalBudgets {

	static final String RECORD = "PersonalBudget";

	private final PersonalBudgetRepository repository;

	private final RateRepository rates;

	private final AccessPolicy accessPolicy;

	private final Eligibility eligibility;

	private final CarePlans carePlans;

	private final Terminology terminology;

	private final Directory directory;

	private final AssessedContributions contributions;

	private final PoolCommitments poolCommitments;

	private final Clock clock;

	PersonalBudgets(PersonalBudgetRepository repository, RateRepository rates, AccessPolicy accessPolicy,
			Eligibility eligibility, CarePlans carePlans, Terminology terminology, Directory directory,
			AssessedContributions contributions, PoolCommitments poolCommitments, Clock clock) {
		this.poolCommitments = poolCommitments;
		this.repository = repository;
		this.rates = rates;
		this.accessPolicy = accessPolicy;
		this.eligibility = eligibility;
		this.carePlans = carePlans;
		this.terminology = terminology;
		this.directory = directory;
		this.contributions = contributions;
		this.clock = clock;
	}

	/**
	 * Starts the person's budget for a team of the actor's, with the indicative amount
	 * from this financial year's rates and the current adult eligibility determination.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID start(Actor actor, PersonId person, @Nullable TeamId team) {
		Violations problems = new Violations();
		if (team == null) {
			problems.add("teamId", "Choose the team the budget belongs to");
		}
		else if (actor.practitionerId() == null
				|| directory.teamsOf(actor.practitionerId()).stream().map(Team::id).noneMatch(team::equals)) {
			problems.add("teamId", "Choose one of your own teams");
		}
		problems.refuseIfAny(BudgetRule::new);
		accessPolicy.require(actor,
				change(actor, person, "start-personal-budget", person.id(), actor.organisationId()));
		if (repository.keysFor(person).isPresent()) {
			throw new BudgetRule("teamId", "This person already has a personal budget");
		}
		int year = FinancialYear.of(LocalDate.now(clock));
		RasRate rate = rates.ras(year)
			.orElseThrow(() -> new BudgetRule("financialYear", "No resource allocation rates are recorded for "
					+ FinancialYear.label(year) + ": an administrator adds them first"));
		ResourceAllocation.Indicative indicative = ResourceAllocation.indicative(findings(actor, person), rate);
		String working = indicative.lines()
			.stream()
			.map(l -> l.outcome() + " (" + l.sense().letter() + "): " + l.points() + " points")
			.collect(Collectors.joining("\n"));
		UUID id = UUID.randomUUID();
		if (!repository.insert(id, person, team, actor.organisationId(), year, indicative.points(), indicative.weekly(),
				working, actor.username(), clock.instant())) {
			throw new BudgetRule("teamId", "This person already has a personal budget");
		}
		return id;
	}

	/** The eligible outcomes of the current adult determination, with their senses. */
	private List<ResourceAllocation.Finding> findings(Actor actor, PersonId person) {
		Determination current = eligibility.overview(actor, person).currentAdult();
		if (current == null || !current.eligible()) {
			throw new BudgetRule("personId",
					"A personal budget needs a current decision that the person has eligible needs");
		}
		return current.findings()
			.stream()
			.map(f -> new ResourceAllocation.Finding(f.outcome().plainEnglish(), f.sense()))
			.toList();
	}

	/**
	 * Whether the actor may start or change the person's budget and direct payment: the
	 * request each of those changes requires (the care team's, for the budget's
	 * organisation), decided without an audit entry so the page offers its forms only to
	 * those whose change would count.
	 */
	@Transactional(readOnly = true)
	public boolean mayChange(Actor actor, PersonId person) {
		if (actor.practitionerId() == null || actor.organisationId() == null) {
			return false;
		}
		AccessRequest request = repository.keysFor(person)
			.map(k -> change(actor, person, "change-personal-budget", k.id(), k.organisationId()))
			.orElseGet(() -> change(actor, person, "start-personal-budget", person.id(), actor.organisationId()));
		return accessPolicy.allows(actor, request);
	}

	/** The person's budget as the actor may see it; empty when none is started. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public Optional<BudgetView> budget(Actor actor, PersonId person) {
		Optional<PersonalBudgetRepository.Keys> keys = repository.keysFor(person);
		if (keys.isEmpty()) {
			accessPolicy.require(actor, AccessRequest.toOpen(person, "read-personal-budget", RECORD));
			return Optional.empty();
		}
		PersonalBudgetRepository.Keys k = keys.get();
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "read-personal-budget", RECORD)
					.item(DataCategory.GENERAL, k.organisationId())
					.about(k.id()));
		PersonalBudgetRepository.Row row = repository.read(k.id(), visible(actor))
			.orElseThrow(() -> new NotFoundException(RECORD, k.id()));
		return Optional.of(view(actor, k, row));
	}

	private BudgetView view(Actor actor, PersonalBudgetRepository.Keys keys, PersonalBudgetRepository.Row row) {
		Map<UUID, PersonalBudgetRepository.Cost> costs = repository.costs(keys.id(), visibleCosts(actor))
			.stream()
			.collect(Collectors.toMap(PersonalBudgetRepository.Cost::actionId, c -> c));
		Optional<CarePlanView> plan = carePlans.plan(actor, keys.personId());
		List<BudgetView.SupportLine> lines = new ArrayList<>();
		List<SupportCheck.Item> items = new ArrayList<>();
		for (Action action : plan.map(CarePlanView::actions).orElse(List.of())) {
			Objective objective = action.objectiveId() == null ? null : plan.get().objective(action.objectiveId());
			List<String> needs = objective == null ? List.of()
					: objective.needs().stream().map(n -> n.display()).toList();
			PersonalBudgetRepository.Cost cost = costs.get(action.id());
			lines.add(new BudgetView.SupportLine(action.id(), action.description(), needs, action.status().isOpen(),
					cost == null ? null : cost.weeklyCost(), cost == null ? null : cost.payer()));
			items.add(new SupportCheck.Item(outcomes(objective), action.status().isOpen(),
					cost == null ? null : cost.weeklyCost()));
		}
		Totals totals = totals(keys.id());
		BudgetStatement statement = BudgetStatement.of(totals.total(), totals.nhs(),
				contributions.weeklyFor(keys.personId().id()).orElse(null));
		EligibilityOverview overview = eligibility.overview(actor, keys.personId());
		List<SupportCheck.EligibleNeed> needs = overview.currentAdult() == null ? List.of()
				: overview.currentAdult()
					.findings()
					.stream()
					.map(f -> new SupportCheck.EligibleNeed(f.outcome().code(), f.outcome().plainEnglish()))
					.toList();
		RateRepository.Threshold threshold = rates.threshold(keys.teamId(), row.financialYear()).orElse(null);
		List<PersonalBudgetRepository.Approval> approvals = repository.approvals(keys.id());
		ApprovalState state = state(totals, threshold, approvals);
		return new BudgetView(keys.id(), keys.personId(), overview.personName(), keys.teamId(), teamName(keys.teamId()),
				row.financialYear(), row.indicativePoints(), row.indicativeWeekly(), List.of(row.working().split("\n")),
				lines, statement, SupportCheck.gaps(needs, items), state, threshold == null ? null : threshold.weekly(),
				approvals.stream().map(PersonalBudgets::view).toList(), row.version());
	}

	private Set<String> outcomes(@Nullable Objective objective) {
		if (objective == null) {
			return Set.of();
		}
		return objective.needs()
			.stream()
			.map(n -> terminology.find(n.code()).map(Concept::careActOutcome).orElse(null))
			.filter(java.util.Objects::nonNull)
			.map(o -> o.code())
			.collect(Collectors.toSet());
	}

	/**
	 * Sets the weekly cost and payer of one action or service in the person's plan. A
	 * change to costed support that had been approved sends the budget back for approval.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void cost(Actor actor, PersonId person, long version, @Nullable UUID actionId,
			@Nullable BigDecimal weeklyCost, @Nullable Payer payer) {
		PersonalBudgetRepository.Keys keys = keys(person);
		accessPolicy.require(actor, change(actor, person, "cost-support", keys.id(), keys.organisationId()));
		Violations problems = new Violations();
		if (actionId == null) {
			problems.add("actionId", "Choose the action or service to cost");
		}
		Action action = actionId == null ? null
				: carePlans.plan(actor, person)
					.map(CarePlanView::actions)
					.orElse(List.of())
					.stream()
					.filter(a -> a.id().equals(actionId))
					.findFirst()
					.orElse(null);
		if (actionId != null && action == null) {
			problems.add("actionId", "Choose an action or service from this person's plan");
		}
		if (weeklyCost == null) {
			problems.add("weeklyCost", "Enter the weekly cost");
		}
		else {
			Amounts.check(weeklyCost, "weeklyCost", problems);
		}
		if (payer == null) {
			problems.add("payer", "Choose who pays");
		}
		problems.refuseIfAny(BudgetRule::new);
		Totals before = totals(keys.id());
		if (!repository.bump(keys.id(), version)) {
			throw new ConcurrentEditException(RECORD, keys.id());
		}
		if (!repository.saveCost(actionId, keys, Amounts.pounds(weeklyCost), payer, action.status().isOpen(),
				actor.username(), clock.instant())) {
			throw new BudgetRule("actionId", "Choose an action or service from this person's plan");
		}
		sendBackIfApproved(actor.username(), keys, before);
	}

	/**
	 * A cancelled or finished action stops counting towards the budget, and a reopened
	 * one counts again; the change to the costed support sends an approved budget back
	 * for approval like any other. Runs in the transaction that changed the plan.
	 */
	@EventListener
	void on(ActionStatusChanged changed) {
		Optional<PersonalBudgetRepository.Keys> keys = repository.keysFor(changed.personId());
		if (keys.isEmpty()) {
			return;
		}
		Totals before = totals(keys.get().id());
		if (repository.setCounted(changed.actionId(), changed.status().isOpen()).isEmpty()) {
			return;
		}
		repository.bumpAny(keys.get().id());
		sendBackIfApproved(changed.by(), keys.get(), before);
	}

	/**
	 * A budget whose costed support changes after approval goes back for approval: a new
	 * request is queued at once, and any open request about the old costs is closed.
	 */
	private void sendBackIfApproved(String by, PersonalBudgetRepository.Keys keys, Totals before) {
		Totals after = totals(keys.id());
		if (after.fingerprint().equals(before.fingerprint())) {
			return;
		}
		List<PersonalBudgetRepository.Approval> approvals = repository.approvals(keys.id());
		Instant now = clock.instant();
		repository.closeOpen(keys.id(), "The costed support changed after this was asked", by, now);
		boolean wasApproved = !approvals.isEmpty() && approvals.get(0).decision() == ApprovalDecision.APPROVED;
		if (!wasApproved) {
			return;
		}
		int year = repository.year(keys.id());
		RateRepository.Threshold threshold = rates.threshold(keys.teamId(), year).orElse(null);
		if (threshold != null && after.total().compareTo(threshold.weekly()) <= 0) {
			return;
		}
		repository.insertApproval(UUID.randomUUID(), keys, after.total(), after.fingerprint(),
				ApprovalRules.needsPanel(after.total(), threshold == null ? null : threshold.panel()), by, now);
	}

	/** Sends the budget for approval; refused when it is at or under the threshold. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID requestApproval(Actor actor, PersonId person, long version) {
		PersonalBudgetRepository.Keys keys = keys(person);
		accessPolicy.require(actor, change(actor, person, "request-budget-approval", keys.id(), keys.organisationId()));
		int year = repository.year(keys.id());
		Totals totals = totals(keys.id());
		RateRepository.Threshold threshold = rates.threshold(keys.teamId(), year).orElse(null);
		ApprovalState state = state(totals, threshold, repository.approvals(keys.id()));
		if (state == ApprovalState.NOT_NEEDED) {
			throw new BudgetRule("approval", "This budget is within the team's threshold and needs no approval");
		}
		if (state == ApprovalState.AWAITING || state == ApprovalState.APPROVED) {
			throw new BudgetRule("approval", state == ApprovalState.AWAITING
					? "This budget is already waiting for approval" : "This budget is already approved");
		}
		if (totals.total().signum() == 0) {
			throw new BudgetRule("approval", "Cost the support in the plan before asking for approval");
		}
		if (!repository.bump(keys.id(), version)) {
			throw new ConcurrentEditException(RECORD, keys.id());
		}
		UUID id = UUID.randomUUID();
		repository.insertApproval(id, keys, totals.total(), totals.fingerprint(),
				ApprovalRules.needsPanel(totals.total(), threshold == null ? null : threshold.panel()),
				actor.username(), clock.instant());
		return id;
	}

	/**
	 * The pooled fund line the person's budget is committed to, if any, as the actor may
	 * see the budget.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public Optional<PoolCommitment> poolCommitment(Actor actor, PersonId person) {
		Optional<PersonalBudgetRepository.Keys> keys = repository.keysFor(person);
		if (keys.isEmpty()) {
			return Optional.empty();
		}
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "read-personal-budget", RECORD)
					.item(DataCategory.GENERAL, keys.get().organisationId())
					.about(keys.get().id()));
		return poolCommitments.current(keys.get().id());
	}

	/** The pooled fund lines of the budget's financial year, to commit it to. */
	@Transactional(readOnly = true)
	public List<PoolLineChoice> poolLines(Actor actor, PersonId person) {
		// The lines are no one's personal data; committing checks the care team itself.
		if (actor.practitionerId() == null) {
			return List.of();
		}
		return repository.keysFor(person).map(k -> poolCommitments.lines(repository.year(k.id()))).orElse(List.of());
	}

	/**
	 * Records the approved budget's weekly total as a commitment on a pooled fund's
	 * budget line of the budget's year (issue 19's ledger, linked back to the budget). A
	 * budget waiting for, returned from or declined approval cannot be committed.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void commitToPool(Actor actor, PersonId person, long version, @Nullable UUID lineId) {
		PersonalBudgetRepository.Keys keys = keys(person);
		accessPolicy.require(actor, change(actor, person, "commit-budget-to-pool", keys.id(), keys.organisationId()));
		int year = repository.year(keys.id());
		Violations problems = new Violations();
		if (lineId == null || poolCommitments.lines(year).stream().noneMatch(l -> l.lineId().equals(lineId))) {
			problems.add("lineId", "Choose a budget line of a pooled fund for " + FinancialYear.label(year));
		}
		ApprovalState state = state(keys);
		Totals totals = totals(keys.id());
		if (state != ApprovalState.APPROVED && state != ApprovalState.NOT_NEEDED) {
			problems.add("lineId", "Only an approved budget can be committed to a pooled fund");
		}
		else if (totals.total().signum() == 0) {
			problems.add("lineId", "Cost the support in the plan before committing the budget");
		}
		problems.refuseIfAny(BudgetRule::new);
		if (!repository.bump(keys.id(), version)) {
			throw new ConcurrentEditException(RECORD, keys.id());
		}
		poolCommitments.commit(actor, lineId, keys.id(), totals.total(), LocalDate.now(clock));
	}

	/** The person a budget belongs to, for a link from the pooled fund's ledger. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public PersonId personOf(Actor actor, UUID budgetId) {
		PersonalBudgetRepository.Keys keys = repository.keys(budgetId)
			.orElseThrow(() -> new NotFoundException(RECORD, budgetId));
		accessPolicy.require(actor,
				AccessRequest.toOpen(keys.personId(), "read-personal-budget", RECORD)
					.item(DataCategory.GENERAL, keys.organisationId())
					.about(keys.id()));
		return keys.personId();
	}

	/** The weekly total, the NHS part and the fingerprint of every cost of a budget. */
	record Totals(BigDecimal total, BigDecimal nhs, String fingerprint) {
	}

	Totals totals(UUID budget) {
		List<PersonalBudgetRepository.Cost> counted = repository.allCosts(budget)
			.stream()
			.filter(PersonalBudgetRepository.Cost::counted)
			.toList();
		BigDecimal total = Amounts.zero();
		BigDecimal nhs = Amounts.zero();
		for (PersonalBudgetRepository.Cost cost : counted) {
			total = total.add(cost.weeklyCost());
			if (cost.payer() == Payer.NHS) {
				nhs = nhs.add(cost.weeklyCost());
			}
		}
		String fingerprint = ApprovalRules.fingerprint(counted.stream()
			.map(c -> new ApprovalRules.CostedItem(c.actionId(), c.weeklyCost(), c.payer()))
			.toList());
		return new Totals(total, nhs, fingerprint);
	}

	static ApprovalState state(Totals totals, RateRepository.@Nullable Threshold threshold,
			List<PersonalBudgetRepository.Approval> approvals) {
		ApprovalRules.Latest latest = approvals.isEmpty() ? null
				: new ApprovalRules.Latest(approvals.get(0).decision(), approvals.get(0).fingerprint());
		return ApprovalRules.state(totals.total(), threshold == null ? null : threshold.weekly(), latest,
				totals.fingerprint());
	}

	/** Where approval stands for a budget, for the direct payment's start. */
	ApprovalState state(PersonalBudgetRepository.Keys keys) {
		int year = repository.year(keys.id());
		return state(totals(keys.id()), rates.threshold(keys.teamId(), year).orElse(null),
				repository.approvals(keys.id()));
	}

	/** The council's weekly part of the budget: what a direct payment pays. */
	BudgetStatement statement(PersonalBudgetRepository.Keys keys) {
		Totals totals = totals(keys.id());
		return BudgetStatement.of(totals.total(), totals.nhs(),
				contributions.weeklyFor(keys.personId().id()).orElse(null));
	}

	PersonalBudgetRepository.Keys keys(PersonId person) {
		return repository.keysFor(person)
			.orElseThrow(() -> new BudgetRule("personId", "Start the person's personal budget first"));
	}

	/** The ids of the actor's own teams (none for an account without a practitioner). */
	List<UUID> teamsOf(Actor actor) {
		return actor.practitionerId() == null ? List.of()
				: directory.teamsOf(actor.practitionerId()).stream().map(t -> t.id().id()).toList();
	}

	SqlCondition visible(Actor actor) {
		return accessPolicy.visibleItems(actor, "b.person_id", "b.category", "b.organisation_id");
	}

	SqlCondition visibleCosts(Actor actor) {
		return accessPolicy.visibleItems(actor, "c.person_id", "c.category", "c.organisation_id");
	}

	private String teamName(TeamId team) {
		return directory.teams().stream().filter(t -> t.id().equals(team)).map(Team::name).findFirst().orElse("");
	}

	static AccessRequest change(Actor actor, PersonId person, String action, Object id,
			care.seamless.shared.@Nullable OrganisationId source) {
		return new AccessRequest(person, action, RECORD, id, DataCategory.GENERAL, source,
				AccessRequest.Who.CARE_TEAM_MEMBER, null);
	}

	private static BudgetView.ApprovalView view(PersonalBudgetRepository.Approval a) {
		return new BudgetView.ApprovalView(a.id(), a.weeklyTotal(), a.needsPanel(), a.requestedBy(), a.requestedAt(),
				a.decision(), a.comments(), a.decidedBy(), a.decidedAt(), a.version());
	}

}
