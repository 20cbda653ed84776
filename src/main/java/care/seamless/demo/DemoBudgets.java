package care.seamless.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.careplan.ActionKind;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.NewObjective;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.Section;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.Facts;
import care.seamless.eligibility.NewDetermination;
import care.seamless.eligibility.Unable;
import care.seamless.eligibility.UnableSense;
import care.seamless.eligibility.WellbeingArea;
import care.seamless.funding.ApprovalDecision;
import care.seamless.funding.BudgetApprovals;
import care.seamless.funding.DirectPayments;
import care.seamless.funding.FinancialYear;
import care.seamless.funding.FundingRates;
import care.seamless.funding.LedgerKind;
import care.seamless.funding.ManagerKind;
import care.seamless.funding.Payer;
import care.seamless.funding.PersonalBudgets;
import care.seamless.person.PersonSummary;
import care.seamless.person.People;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal budgets for two people on Sam Jones's caseload, through the module's API: one
 * costed from the plan, approved by Mark Evans (the team's manager) and paid as a direct
 * payment with its first payment recorded; one costed above the team's threshold and
 * waiting in the approvals queue. The older people's team's threshold this year is £250 a
 * week.
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
class DemoBudgets {

	private static final Logger log = LoggerFactory.getLogger(DemoBudgets.class);

	private final PersonalBudgets budgets;

	private final BudgetApprovals approvals;

	private final DirectPayments directPayments;

	private final FundingRates rates;

	private final Eligibility eligibility;

	private final CarePlans carePlans;

	private final PlanActions actions;

	private final People people;

	private final Directory directory;

	private final CareTeams careTeams;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoBudgets(PersonalBudgets budgets, BudgetApprovals approvals, DirectPayments directPayments, FundingRates rates,
			Eligibility eligibility, CarePlans carePlans, PlanActions actions, People people, Directory directory,
			CareTeams careTeams, TransactionTemplate transaction, Clock clock) {
		this.budgets = budgets;
		this.approvals = approvals;
		this.directPayments = directPayments;
		this.rates = rates;
		this.eligibility = eligibility;
		this.carePlans = carePlans;
		this.actions = actions;
		this.people = people;
		this.directory = directory;
		this.careTeams = careTeams;
		this.transaction = transaction;
		this.clock = clock;
	}

	@EventListener
	void on(DemoLoaded loaded) {
		Actor sam = actor("sam.jones");
		Actor mark = actor("mark.evans");
		List<PersonSummary> caseload = people.caseload(sam, 1).people();
		if (caseload.size() < 10) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		load(() -> rates.saveThreshold(loaded.loader(), directory.teamsOf(sam.practitionerId()).get(0).id(),
				FinancialYear.of(today), new BigDecimal("250.00"), new BigDecimal("1000.00")));
		load(() -> withDirectPayment(loaded.loader(), sam, mark, caseload.get(8).id(), today));
		load(() -> waiting(loaded.loader(), sam, mark, caseload.get(9).id()));
	}

	private void withDirectPayment(Actor loader, Actor sam, Actor mark, PersonId person, LocalDate today) {
		UUID[] items = costedPlan(loader, sam, mark, person);
		budgets.cost(sam, person, 0, items[0], new BigDecimal("238.00"), Payer.COUNCIL);
		budgets.cost(sam, person, 1, items[1], new BigDecimal("42.00"), Payer.NHS);
		budgets.requestApproval(sam, person, 2);
		approvals.queue(mark)
			.stream()
			.filter(q -> q.personId().equals(person))
			.findFirst()
			.ifPresent(q -> approvals.decide(mark, q.id(), q.version(), ApprovalDecision.APPROVED, null));
		directPayments.request(sam, person, ManagerKind.PERSON, null);
		directPayments.agree(sam, person, 0, today.minusDays(14), 4, today.minusDays(7));
		directPayments.record(sam, person, 1, LedgerKind.PAYMENT, today.minusDays(7), new BigDecimal("952.00"),
				"First four weeks");
	}

	private void waiting(Actor loader, Actor sam, Actor mark, PersonId person) {
		UUID[] items = costedPlan(loader, sam, mark, person);
		budgets.cost(sam, person, 0, items[0], new BigDecimal("312.50"), Payer.COUNCIL);
		budgets.cost(sam, person, 1, items[1], new BigDecimal("28.00"), Payer.NHS);
		budgets.requestApproval(sam, person, 2);
	}

	/** An eligibility decision, a plan with two costed services, and a started budget. */
	private UUID[] costedPlan(Actor loader, Actor sam, Actor mark, PersonId person) {
		careTeams.addMember(loader, person, mark.practitionerId(), directory.teamsOf(mark.practitionerId()).get(0).id(),
				"Team manager", false);
		eligibility.record(sam, person,
				new NewDetermination(
						Facts.adult(true,
								List.of(new Unable("nutrition", UnableSense.NEEDS_ASSISTANCE),
										new Unable("hygiene", UnableSense.NEEDS_ASSISTANCE)),
								true, Set.of(WellbeingArea.HEALTH, WellbeingArea.DIGNITY)),
						"Cannot prepare meals or wash without help since a fall.", "I want help at home, not a home.",
						null, null, 0));
		if (carePlans.plan(sam, person).isEmpty()) {
			carePlans.start(sam, person, null);
		}
		UUID objective = carePlans.addObjective(sam, person,
				new NewObjective(null, Section.SOCIAL_CARE, "Eat well and keep clean at home", "A hot meal every day",
						"Food diary", LocalDate.now(clock).plusMonths(3), List.of("d550", "d510"),
						Set.of(sam.organisationId()), DataCategory.GENERAL));
		UUID homeCare = actions.add(sam, person,
				new NewAction(objective, ActionKind.SERVICE, "Home care: morning and evening visits",
						DataCategory.GENERAL, sam.practitionerId(), LocalDate.now(clock).plusWeeks(1)));
		UUID nursing = actions.add(sam, person,
				new NewAction(objective, ActionKind.SERVICE, "District nurse: weekly skin check", DataCategory.GENERAL,
						sam.practitionerId(), LocalDate.now(clock).plusWeeks(1)));
		budgets.start(sam, person, directory.teamsOf(sam.practitionerId()).get(0).id());
		return new UUID[] { homeCare, nursing };
	}

	private void load(Runnable part) {
		try {
			transaction.executeWithoutResult(status -> part.run());
		}
		catch (RuntimeException ex) {
			// A demo person who objected to sharing, say: the rest of the demo still
			// loads. Only the kind of failure is logged, never personal data.
			log.info("Demo budget not loaded: {}", ex.getClass().getSimpleName());
		}
	}

	private Actor actor(String username) {
		Account account = directory.accountForSignIn(username).orElseThrow();
		return new Actor(account.id(), account.username(), account.practitionerId(), account.organisationId(),
				account.organisationCode(), account.roles(), Purpose.DIRECT_CARE);
	}

}
