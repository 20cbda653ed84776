package care.seamless.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.Need;
import care.seamless.careplan.Objective;
import care.seamless.consent.AccessDenied;
import care.seamless.funding.AssessmentKind;
import care.seamless.funding.CareSetting;
import care.seamless.funding.ChargingRates;
import care.seamless.funding.ChcOutcome;
import care.seamless.funding.FinancialAssessments;
import care.seamless.funding.FundingRouteKind;
import care.seamless.funding.FundingRoutes;
import care.seamless.funding.FundingRule;
import care.seamless.funding.IncomeItem;
import care.seamless.funding.IncomeKind;
import care.seamless.funding.NewAssessment;
import care.seamless.funding.NewRoute;
import care.seamless.person.People;
import care.seamless.person.PersonSummary;
import care.seamless.shared.Actor;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.Directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who pays for the needs in the two demo plans Sam Jones made (DemoCarePlans, which
 * Spring calls first: listeners of the same order run in the order their beans were
 * found), a CHC checklist screened out, and one financial assessment for care at home,
 * all through the funding module's API.
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
class DemoFunding {

	private static final Logger log = LoggerFactory.getLogger(DemoFunding.class);

	private final FundingRoutes routes;

	private final FinancialAssessments assessments;

	private final CarePlans carePlans;

	private final People people;

	private final Directory directory;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoFunding(FundingRoutes routes, FinancialAssessments assessments, CarePlans carePlans, People people,
			Directory directory, TransactionTemplate transaction, Clock clock) {
		this.routes = routes;
		this.assessments = assessments;
		this.carePlans = carePlans;
		this.people = people;
		this.directory = directory;
		this.transaction = transaction;
		this.clock = clock;
	}

	@EventListener
	void on(DemoLoaded loaded) {
		Account account = directory.accountForSignIn("sam.jones").orElse(null);
		if (account == null) {
			return;
		}
		Actor sam = new Actor(account.id(), account.username(), account.practitionerId(), account.organisationId(),
				account.organisationCode(), account.roles(), Purpose.DIRECT_CARE);
		List<PersonSummary> caseload = people.caseload(sam, 1).people();
		caseload.stream().limit(2).forEach(person -> load(() -> fund(sam, person)));
		if (!caseload.isEmpty()) {
			load(() -> assess(sam, caseload.get(0)));
		}
	}

	private void fund(Actor sam, PersonSummary person) {
		CarePlanView plan = carePlans.plan(sam, person.id()).orElse(null);
		if (plan == null) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		for (Objective objective : plan.objectives()) {
			for (Need need : objective.needs()) {
				boolean health = objective.section().name().equals("HEALTH");
				routes.record(sam, person.id(),
						health ? new NewRoute(objective.id(), need.code(), FundingRouteKind.INTERMEDIATE_CARE,
								"Falls prevention and reablement after the fall in the spring", today,
								today.plusWeeks(6), null, List.of(), null)
								: new NewRoute(objective.id(), need.code(), FundingRouteKind.COUNCIL_MEANS_TESTED,
										"Eligible social care need under the Care Act; arranged by the council", today,
										null, null, List.of(), null));
			}
		}
		routes.recordChcScreening(sam, person.id(), today.minusDays(14), ChcOutcome.NEGATIVE,
				"Needs are mainly social; no nursing need");
	}

	private void assess(Actor sam, PersonSummary person) {
		LocalDate today = LocalDate.now(clock);
		ChargingRates year = assessments.years()
			.stream()
			.map(y -> assessments.rates(y).orElseThrow())
			.filter(r -> !today.isBefore(r.startsOn()) && !today.isAfter(r.endsOn()))
			.findFirst()
			.orElse(null);
		if (year == null) {
			log.info("Demo financial assessment not loaded: no charging rates for today");
			return;
		}
		assessments.assess(sam, person.id(), new NewAssessment(AssessmentKind.FULL, CareSetting.NON_RESIDENTIAL,
				year.yearLabel(), today, new BigDecimal("245.00"), new BigDecimal("17800.00"), BigDecimal.ZERO,
				new BigDecimal("210000.00"), BigDecimal.ZERO, false, null,
				List.of(new IncomeItem(IncomeKind.STATE_PENSION, new BigDecimal("230.25")),
						new IncomeItem(IncomeKind.ATTENDANCE_ALLOWANCE_OR_CARE_COMPONENT, new BigDecimal("73.90"))),
				new BigDecimal("28.50"), new BigDecimal("18.00"), "PENSION_AGE_SINGLE", Set.of(), null, null));
	}

	private void load(Runnable step) {
		try {
			transaction.executeWithoutResult(status -> step.run());
		}
		catch (AccessDenied ex) {
			log.info("Demo funding not loaded: {}", ex.decision().policy());
		}
		catch (FundingRule ex) {
			log.info("Demo funding not loaded: {}", ex.violations().get(0).field());
		}
	}

}
