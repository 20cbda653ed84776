package care.seamless.funding.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.ActionKind;
import care.seamless.careplan.ActionStatus;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.NewObjective;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.Section;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.EligibilityFixtures;
import care.seamless.funding.ApprovalDecision;
import care.seamless.funding.ApprovalState;
import care.seamless.funding.BudgetApprovals;
import care.seamless.funding.BudgetView;
import care.seamless.funding.FinancialYear;
import care.seamless.funding.FundingRates;
import care.seamless.funding.PersonalBudgets;
import care.seamless.funding.QueuedApproval;
import care.seamless.partnership.NewPartnership;
import care.seamless.partnership.PartnershipDirection;
import care.seamless.partnership.PartnershipKind;
import care.seamless.partnership.PartnershipStatus;
import care.seamless.partnership.Partnerships;
import care.seamless.partnership.PoolCommitments;
import care.seamless.partnership.PooledFunds;
import care.seamless.partnership.RiskShare;
import care.seamless.shared.DataCategory;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Over HTTP on the real database: a budget costed from the plan, its statement, bad
 * amounts and someone else's plan item refused with nothing saved, approval returned,
 * stale, approved and sent back when the costs change, and the rule against paying a
 * close relative in the same household.
 */
@SeamlessTest
class BudgetApprovalApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CarePlanFixtures planFixtures;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanActions actions;

	@Autowired
	Eligibility eligibility;

	@Autowired
	PersonalBudgets budgets;

	@Autowired
	BudgetApprovals approvals;

	@Autowired
	FundingRates rates;

	@Autowired
	Partnerships partnerships;

	@Autowired
	PooledFunds pooledFunds;

	@Autowired
	PoolCommitments poolCommitments;

	@Autowired
	care.seamless.consent.AccessGrants accessGrants;

	record Costed(Partnership p, UUID homeCare, UUID nursing, UUID otherPersonsAction) {
	}

	private Costed costedPlan() {
		Partnership p = planFixtures.partnership();
		fixtures.addToCareTeam(p.person(), p.councilManager());
		EligibilityFixtures.record(eligibility, p.socialWorker().actor(), p.person(),
				EligibilityFixtures.eligibleAdult());
		carePlans.start(p.socialWorker().actor(), p.person(), null);
		UUID objective = carePlans.addObjective(p.socialWorker().actor(), p.person(),
				new NewObjective(null, Section.SOCIAL_CARE, "Eat well and keep clean at home", "Two meals a day",
						"Food diary", LocalDate.now().plusMonths(3), List.of("d550", "d510"), Set.of(p.council()),
						DataCategory.GENERAL));
		UUID homeCare = actions.add(p.socialWorker().actor(), p.person(),
				new NewAction(objective, ActionKind.SERVICE, "Home care, 2 visits a day", DataCategory.GENERAL,
						p.socialWorker().practitionerId(), LocalDate.now().plusWeeks(1)));
		UUID nursing = actions.add(p.socialWorker().actor(), p.person(),
				new NewAction(objective, ActionKind.SERVICE, "District nurse visits", DataCategory.GENERAL,
						p.socialWorker().practitionerId(), LocalDate.now().plusWeeks(1)));
		Partnership other = planFixtures.partnership();
		carePlans.start(other.socialWorker().actor(), other.person(), null);
		UUID otherObjective = carePlans.addObjective(other.socialWorker().actor(), other.person(),
				CarePlanFixtures.objective("Shops", Section.SOCIAL_CARE, Set.of(other.council())));
		UUID otherAction = actions.add(other.socialWorker().actor(), other.person(),
				new NewAction(otherObjective, ActionKind.SERVICE, "Someone else's service", DataCategory.GENERAL,
						other.socialWorker().practitionerId(), LocalDate.now().plusWeeks(1)));
		rates.saveThreshold(fixtures.admin, p.socialWorker().teamId(), FinancialYear.of(LocalDate.now()),
				new BigDecimal("250.00"), null);
		budgets.start(p.socialWorker().actor(), p.person(), p.socialWorker().teamId());
		return new Costed(p, homeCare, nursing, otherAction);
	}

	@Test
	void costsTheBudgetShowsTheStatementAndRefusesBadAmountsWithNothingSaved() throws Exception {
		Costed c = costedPlan();
		Fixtures.Staff worker = c.p().socialWorker();
		String base = "/api/v1/people/" + c.p().person().id() + "/budget";
		mvc.perform(json(worker, post(base + "/costs"), """
				{"version": 0, "actionId": "%s", "weeklyCost": -5, "payer": "COUNCIL"}""".formatted(c.homeCare())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("weeklyCost"))
			.andExpect(jsonPath("$.errors[0].message").value("The amount cannot be negative"));
		mvc.perform(json(worker, post(base + "/costs"),
				"""
						{"version": 0, "actionId": "%s", "weeklyCost": 1.005, "payer": "COUNCIL"}"""
					.formatted(c.otherPersonsAction())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("actionId"))
			.andExpect(jsonPath("$.errors[1].message")
				.value("Enter the amount to the nearest penny: no more than 2 decimal places"));
		mvc.perform(json(worker, post(base + "/costs"), """
				{"version": 0, "actionId": "%s", "weeklyCost": 10, "payer": "BANK"}""".formatted(c.homeCare())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		cost(worker, c, 0, c.homeCare(), "210.00", "COUNCIL");
		cost(worker, c, 1, c.nursing(), "45.50", "NHS");
		mvc.perform(get(base).with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.statement.total").value(255.50))
			.andExpect(jsonPath("$.statement.nhs").value(45.50))
			.andExpect(jsonPath("$.statement.council").value(210.00))
			.andExpect(jsonPath("$.statement.contribution").doesNotExist())
			.andExpect(jsonPath("$.gaps.length()").value(0))
			.andExpect(jsonPath("$.indicativePoints").value(16))
			.andExpect(jsonPath("$.approval").value("NEEDED"))
			.andExpect(jsonPath("$.version").value(2));
		// Someone outside the care team sees nothing of it.
		mvc.perform(get(base).with(httpBasic(c.p().charityManager().username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void approvalIsReturnedStaleApprovedAndSentBackWhenTheCostsChange() throws Exception {
		Costed c = costedPlan();
		Fixtures.Staff worker = c.p().socialWorker();
		Fixtures.Staff manager = c.p().councilManager();
		cost(worker, c, 0, c.homeCare(), "210.00", "COUNCIL");
		cost(worker, c, 1, c.nursing(), "45.50", "NHS");
		String base = "/api/v1/people/" + c.p().person().id() + "/budget";
		mvc.perform(json(worker, post(base + "/approval"), "{\"version\": 2}")).andExpect(status().isCreated());
		QueuedApproval queued = waiting(manager, c);
		assertThat(queued.weeklyTotal()).isEqualByComparingTo("255.50");
		assertThat(queued.mayDecide()).isTrue();
		String decide = "/api/v1/approvals/" + queued.id();
		mvc.perform(
				json(worker, post(decide), "{\"version\": %d, \"decision\": \"APPROVED\"}".formatted(queued.version())))
			.andExpect(status().isForbidden());
		mvc.perform(json(manager, post(decide),
				"{\"version\": %d, \"decision\": \"RETURNED\"}".formatted(queued.version())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comments"));
		mvc.perform(
				json(manager, post(decide), "{\"version\": %d, \"decision\": \"MAYBE\"}".formatted(queued.version())))
			.andExpect(status().isBadRequest());
		mvc.perform(json(manager, post(decide), """
				{"version": %d, "decision": "RETURNED", "comments": "Check the visit times"}"""
			.formatted(queued.version()))).andExpect(status().isNoContent());
		mvc.perform(json(manager, post(decide),
				"{\"version\": %d, \"decision\": \"APPROVED\"}".formatted(queued.version())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CONCURRENT_EDIT"));
		assertThat(budgets.budget(worker.actor(), c.p().person()).orElseThrow().approval())
			.isEqualTo(ApprovalState.RETURNED);
		mvc.perform(json(worker, post(base + "/approval"), "{\"version\": 3}")).andExpect(status().isCreated());
		QueuedApproval again = waiting(manager, c);
		mvc.perform(json(manager, post("/api/v1/approvals/" + again.id()),
				"{\"version\": %d, \"decision\": \"APPROVED\"}".formatted(again.version())))
			.andExpect(status().isNoContent());
		assertThat(budgets.budget(worker.actor(), c.p().person()).orElseThrow().approval())
			.isEqualTo(ApprovalState.APPROVED);
		// A change to the approved costed support sends the budget back for approval.
		cost(worker, c, 4, c.homeCare(), "220.00", "COUNCIL");
		assertThat(budgets.budget(worker.actor(), c.p().person()).orElseThrow().approval())
			.isEqualTo(ApprovalState.AWAITING);
		assertThat(waiting(manager, c).weeklyTotal()).isEqualByComparingTo("265.50");

		// Cancelling an action takes its cost out of the budget; reopening it counts it
		// again, and the change goes back for approval.
		QueuedApproval changed = waiting(manager, c);
		approvals.decide(manager.actor(), changed.id(), changed.version(), ApprovalDecision.APPROVED, null);
		setStatus(worker, c, c.nursing(), ActionStatus.CANCELLED);
		BudgetView cancelled = budgets.budget(worker.actor(), c.p().person()).orElseThrow();
		assertThat(cancelled.statement().total()).isEqualByComparingTo("220.00");
		assertThat(cancelled.statement().nhs()).isEqualByComparingTo("0.00");
		assertThat(cancelled.support()).filteredOn(l -> l.actionId().equals(c.nursing()))
			.singleElement()
			.satisfies(l -> assertThat(l.open()).isFalse());
		assertThat(cancelled.approval()).as("220 is within the 250 threshold").isEqualTo(ApprovalState.NOT_NEEDED);
		setStatus(worker, c, c.nursing(), ActionStatus.OPEN);
		BudgetView reopened = budgets.budget(worker.actor(), c.p().person()).orElseThrow();
		assertThat(reopened.statement().total()).isEqualByComparingTo("265.50");
		assertThat(reopened.approval()).isEqualTo(ApprovalState.AWAITING);
		assertThat(waiting(manager, c).weeklyTotal()).isEqualByComparingTo("265.50");
	}

	private void setStatus(Fixtures.Staff worker, Costed c, UUID action, ActionStatus status) {
		long version = carePlans.plan(worker.actor(), c.p().person())
			.orElseThrow()
			.actions()
			.stream()
			.filter(a -> a.id().equals(action))
			.findFirst()
			.orElseThrow()
			.version();
		actions.changeStatus(worker.actor(), c.p().person(), action, version, status);
	}

	@Test
	void anApprovedBudgetIsCommittedToAPooledFundLineAndEachLinksToTheOther() throws Exception {
		Costed c = costedPlan();
		Fixtures.Staff worker = c.p().socialWorker();
		cost(worker, c, 0, c.homeCare(), "200.00", "COUNCIL");
		int year = FinancialYear.of(LocalDate.now());
		Fixtures.Staff commissioner = fixtures.practitioner(c.p().council(), Profession.SOCIAL_WORKER,
				Role.COMMISSIONER);
		UUID pool = partnerships.create(commissioner.actor(),
				new NewPartnership(Fixtures.unique("Pool "), PartnershipKind.POOLED_FUND, PartnershipDirection.VERTICAL,
						"Aims", "Functions", "", "", c.p().council(), "Pool manager", LocalDate.of(year, 4, 1), null,
						LocalDate.of(year + 1, 4, 1), "", PartnershipStatus.ACTIVE,
						List.of(new NewPartnership.Partner(c.p().council(), "Money", ""),
								new NewPartnership.Partner(c.p().trust(), "Money", "")),
						Set.of()));
		pooledFunds.setTerms(commissioner.actor(), pool, year, RiskShare.Rule.PRO_RATA, -1, java.util.Map.of());
		UUID line = pooledFunds.addLine(commissioner.actor(), pool, year, "Home care packages",
				new BigDecimal("100000.00"));
		BudgetView budget = budgets.budget(worker.actor(), c.p().person()).orElseThrow();
		String page = "/people/" + c.p().person().id() + "/budget/pool";
		for (String bad : List.of("not-an-id", UUID.randomUUID().toString(), "")) {
			mvc.perform(post(page).with(httpBasic(worker.username(), Fixtures.PASSWORD))
				.with(csrf())
				.param("version", String.valueOf(budget.version()))
				.param("lineId", bad))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Choose a budget line of a pooled fund")));
		}
		assertThat(poolCommitments.current(budget.id())).isEmpty();
		mvc.perform(post(page).with(httpBasic(worker.username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("version", String.valueOf(budget.version()))
			.param("lineId", line.toString())).andExpect(status().is3xxRedirection());
		mvc.perform(post(page).with(httpBasic(worker.username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("version", String.valueOf(budget.version()))
			.param("lineId", line.toString())).andExpect(status().isConflict());
		assertThat(poolCommitments.current(budget.id())).hasValueSatisfying(pc -> {
			assertThat(pc.weekly()).isEqualByComparingTo("200.00");
			assertThat(pc.annual()).isEqualByComparingTo("10400.00");
		});
		mvc.perform(
				get("/people/" + c.p().person().id() + "/budget").with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(containsString("is committed to Home care packages")))
			.andExpect(content().string(containsString("/partnerships/" + pool + "/fund?year=" + year)));
		mvc.perform(get("/partnerships/" + pool + "/fund").param("year", String.valueOf(year))
			.with(httpBasic(commissioner.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/budgets/" + budget.id())))
			.andExpect(content().string(containsString("£10,400.00")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(c.p().familyName()))));
		mvc.perform(get("/budgets/" + budget.id()).with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/people/" + c.p().person().id() + "/budget#pool"));
		mvc.perform(get("/budgets/" + budget.id()).with(httpBasic(commissioner.username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCloseRelativeInTheSameHouseholdIsPaidOnlyWithAManagersException() throws Exception {
		Costed c = costedPlan();
		Fixtures.Staff worker = c.p().socialWorker();
		Fixtures.Staff manager = c.p().councilManager();
		cost(worker, c, 0, c.homeCare(), "200.00", "COUNCIL");
		String dp = "/api/v1/people/" + c.p().person().id() + "/direct-payment";
		mvc.perform(json(worker, post(dp), "{\"managerKind\": \"AUTHORISED_PERSON\", \"managerName\": \"Sam\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("managerKind"));
		mvc.perform(json(worker, post(dp), "{\"managerKind\": \"PERSON\"}")).andExpect(status().isCreated());
		mvc.perform(json(worker, post(dp + "/agreement"),
				"""
						{"version": 0, "signedOn": "%s", "everyWeeks": 3, "firstPaymentOn": "%s"}"""
					.formatted(LocalDate.now(), LocalDate.now().minusDays(1))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("everyWeeks", "firstPaymentOn")));
		mvc.perform(json(worker, post(dp + "/agreement"), """
				{"version": 0, "signedOn": "%s", "everyWeeks": 4, "firstPaymentOn": "%s"}""".formatted(LocalDate.now(),
				LocalDate.now())))
			.andExpect(status().isNoContent());
		mvc.perform(json(worker, post(dp + "/carers"), """
				{"version": 1, "name": "Pat", "closeRelative": true, "sameHousehold": true}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sameHousehold"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("close relative who lives in the same")));
		mvc.perform(json(worker, post(dp + "/carers"), """
				{"version": 1, "name": "Pat", "closeRelative": true, "sameHousehold": true,
				 "exceptionReason": "Only Pat can give personal care the person accepts"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("exceptionReason"));
		mvc.perform(json(manager, post(dp + "/carers"), """
				{"version": 1, "name": "Pat", "closeRelative": true, "sameHousehold": true,
				 "exceptionReason": "Only Pat can give personal care the person accepts"}"""))
			.andExpect(status().isNoContent());
		mvc.perform(json(worker, post(dp + "/entries"), """
				{"version": 2, "kind": "PAYMENT", "on": "%s", "amount": 800.00}""".formatted(LocalDate.now())))
			.andExpect(status().isNoContent());
		mvc.perform(json(worker, post(dp + "/entries"),
				"""
						{"version": 3, "kind": "SURPLUS_RECLAIMED", "on": "%s", "amount": 800.01}"""
					.formatted(LocalDate.now())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Only £800.00 is held")));
		mvc.perform(get(dp).with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.balance").value(800.00))
			.andExpect(jsonPath("$.carers[0].exceptionAuthorisedBy").value(manager.username()))
			.andExpect(jsonPath("$.reviewDue").value(LocalDate.now().plusMonths(6).toString()))
			.andExpect(jsonPath("$.schedule[0].amount").value(800.00));
		mvc.perform(
				get("/people/" + c.p().person().id() + "/budget").with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Payment to the person")))
			.andExpect(content().string(containsString("£800.00")));
	}

	/**
	 * The budget page offers its forms to the care team, whose changes count; a team
	 * given part of the record (as a referral gives it) reads the budget but is offered
	 * no form that would be refused.
	 */
	@Test
	void theBudgetsFormsAreOfferedOnlyToThoseWhoseChangeWouldCount() throws Exception {
		Costed c = costedPlan();
		String page = "/people/" + c.p().person().id() + "/budget";
		accessGrants.grant(fixtures.admin, c.p().person(), c.p().charityManager().teamId(),
				Set.of(DataCategory.GENERAL), java.time.Instant.now().plusSeconds(3600), "referral");
		assertThat(mvc.perform(get(page).with(httpBasic(c.p().socialWorker().username(), Fixtures.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("action=\"" + page + "/costs\"");
		String overseen = mvc.perform(get(page).with(httpBasic(c.p().charityManager().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(overseen).contains("Home care, 2 visits a day")
			.doesNotContain("action=\"" + page)
			.doesNotContain("/direct-payment");
		assertThat(budgets.mayChange(c.p().charityManager().actor(), c.p().person())).isFalse();
		mvc.perform(post(page + "/costs").with(httpBasic(c.p().charityManager().username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("version", "0")
			.param("actionId", c.homeCare().toString())
			.param("weeklyCost", "£210")
			.param("payer", "COUNCIL")).andExpect(status().isForbidden());
	}

	@Test
	void theBudgetPageShowsTheStatementAndEveryProblemOfACostAtOnce() throws Exception {
		Costed c = costedPlan();
		Fixtures.Staff worker = c.p().socialWorker();
		String page = "/people/" + c.p().person().id() + "/budget";
		String shown = mvc
			.perform(post(page + "/costs").with(httpBasic(worker.username(), Fixtures.PASSWORD))
				.with(csrf())
				.param("version", "0")
				.param("actionId", c.homeCare().toString())
				.param("weeklyCost", "12.345")
				.param("payer", "BANK"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("Enter the amount to the nearest penny: no more than 2 decimal places")
			.contains("Choose one of the options");
		mvc.perform(post(page + "/costs").with(httpBasic(worker.username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("version", "0")
			.param("actionId", c.homeCare().toString())
			.param("weeklyCost", "£210")
			.param("payer", "COUNCIL")).andExpect(status().is3xxRedirection());
		mvc.perform(get(page).with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("£210.00 a week")))
			.andExpect(content().string(containsString("Not known until the financial assessment is done")));
		mvc.perform(post(page + "/approval").with(httpBasic(worker.username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("version", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("needs no approval")));
		// 210 is under the 250 threshold: nothing to approve.
		assertThat(budgets.budget(worker.actor(), c.p().person()).orElseThrow().approval())
			.isEqualTo(ApprovalState.NOT_NEEDED);
		mvc.perform(get("/approvals").with(httpBasic(c.p().councilManager().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk());
	}

	private QueuedApproval waiting(Fixtures.Staff manager, Costed c) {
		return approvals.queue(manager.actor())
			.stream()
			.filter(q -> q.personId().equals(c.p().person()))
			.findFirst()
			.orElseThrow();
	}

	private void cost(Fixtures.Staff worker, Costed c, long version, UUID action, String amount, String payer)
			throws Exception {
		mvc.perform(json(worker, post("/api/v1/people/" + c.p().person().id() + "/budget/costs"), """
				{"version": %d, "actionId": "%s", "weeklyCost": %s, "payer": "%s"}""".formatted(version, action, amount,
				payer)))
			.andExpect(status().isNoContent());
	}

	private static MockHttpServletRequestBuilder json(Fixtures.Staff staff, MockHttpServletRequestBuilder request,
			String body) {
		return request.with(httpBasic(staff.username(), Fixtures.PASSWORD))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

}
