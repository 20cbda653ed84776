package care.seamless.funding.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.funding.ApprovalDecision;
import care.seamless.funding.BudgetApprovals;
import care.seamless.funding.BudgetRule;
import care.seamless.funding.BudgetView;
import care.seamless.funding.DirectPaymentView;
import care.seamless.funding.DirectPayments;
import care.seamless.funding.FundingRates;
import care.seamless.funding.FundingRefused;
import care.seamless.funding.LedgerKind;
import care.seamless.funding.ManagerKind;
import care.seamless.funding.Payer;
import care.seamless.funding.PersonalBudgets;
import care.seamless.funding.QueuedApproval;
import care.seamless.funding.RasRate;
import care.seamless.shared.Actor;
import care.seamless.shared.ErrorCode;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Personal budgets and direct payments",
		description = "Indicative and final personal budgets, the statement, approvals above team thresholds, direct payments and their ledger")
class BudgetRestController {

	private final PersonalBudgets budgets;

	private final BudgetApprovals approvals;

	private final DirectPayments directPayments;

	private final FundingRates rates;

	BudgetRestController(PersonalBudgets budgets, BudgetApprovals approvals, DirectPayments directPayments,
			FundingRates rates) {
		this.budgets = budgets;
		this.approvals = approvals;
		this.directPayments = directPayments;
		this.rates = rates;
	}

	record StartBody(@Nullable UUID teamId) {
	}

	record CostBody(long version, @Nullable UUID actionId, @Nullable BigDecimal weeklyCost, @Nullable Payer payer) {
	}

	record VersionBody(long version) {
	}

	record DecisionBody(long version, @Nullable ApprovalDecision decision, @Nullable String comments) {
	}

	record DirectPaymentBody(@Nullable ManagerKind managerKind, @Nullable String managerName) {
	}

	record AgreementBody(long version, @Nullable LocalDate signedOn, @Nullable Integer everyWeeks,
			@Nullable LocalDate firstPaymentOn) {
	}

	record CarerBody(long version, @Nullable String name, boolean closeRelative, boolean sameHousehold,
			@Nullable String exceptionReason) {
	}

	record EntryBody(long version, @Nullable LedgerKind kind, @Nullable LocalDate on, @Nullable BigDecimal amount,
			@Nullable String note) {
	}

	record ReviewBody(long version, @Nullable LocalDate reviewedOn, @Nullable String notes) {
	}

	record ThresholdBody(@Nullable UUID teamId, int financialYear, @Nullable BigDecimal weeklyThreshold,
			@Nullable BigDecimal panelThreshold) {
	}

	@GetMapping("/people/{id}/budget")
	@Operation(summary = "The person's personal budget: indicative amount, costed support, statement, gaps, approval")
	BudgetView budget(Actor actor, @PathVariable UUID id) {
		return budgets.budget(actor, new PersonId(id)).orElseThrow(() -> new NotFoundException("PersonalBudget", id));
	}

	@PostMapping("/people/{id}/budget")
	@Operation(summary = "Start the person's budget from the resource allocation system")
	ResponseEntity<Map<String, UUID>> start(Actor actor, @PathVariable UUID id, @RequestBody StartBody body) {
		UUID budget = budgets.start(actor, new PersonId(id), body.teamId() == null ? null : new TeamId(body.teamId()));
		return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/budget")).body(Map.of("id", budget));
	}

	@PostMapping("/people/{id}/budget/costs")
	@Operation(summary = "Set the weekly cost and payer of one action or service in the plan")
	ResponseEntity<Void> cost(Actor actor, @PathVariable UUID id, @RequestBody CostBody body) {
		budgets.cost(actor, new PersonId(id), body.version(), body.actionId(), body.weeklyCost(), body.payer());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/people/{id}/budget/approval")
	@Operation(summary = "Send the budget for approval (above the team's threshold)")
	ResponseEntity<Map<String, UUID>> requestApproval(Actor actor, @PathVariable UUID id,
			@RequestBody VersionBody body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("id", budgets.requestApproval(actor, new PersonId(id), body.version())));
	}

	@GetMapping("/approvals")
	@Operation(summary = "Budgets waiting for the caller's approval, oldest first, with their ages in days")
	List<QueuedApproval> queue(Actor actor) {
		return approvals.queue(actor);
	}

	@PostMapping("/approvals/{id}")
	@Operation(summary = "Approve, return with comments, or decline; a stale version is a conflict (409)")
	ResponseEntity<Void> decide(Actor actor, @PathVariable UUID id, @RequestBody DecisionBody body) {
		approvals.decide(actor, id, body.version(), body.decision(), body.comments());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/people/{id}/direct-payment")
	@Operation(summary = "The person's direct payment: manager, agreement, schedule, ledger, carers, reviews")
	DirectPaymentView directPayment(Actor actor, @PathVariable UUID id) {
		return directPayments.directPayment(actor, new PersonId(id))
			.orElseThrow(() -> new NotFoundException("DirectPayment", id));
	}

	@PostMapping("/people/{id}/direct-payment")
	@Operation(summary = "Request direct payments and say who manages them")
	ResponseEntity<Map<String, UUID>> request(Actor actor, @PathVariable UUID id, @RequestBody DirectPaymentBody body) {
		UUID dp = directPayments.request(actor, new PersonId(id), body.managerKind(), body.managerName());
		return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/direct-payment")).body(Map.of("id", dp));
	}

	@PostMapping("/people/{id}/direct-payment/agreement")
	@Operation(summary = "Record the signed agreement and the payment schedule")
	ResponseEntity<Void> agree(Actor actor, @PathVariable UUID id, @RequestBody AgreementBody body) {
		directPayments.agree(actor, new PersonId(id), body.version(), body.signedOn(), body.everyWeeks(),
				body.firstPaymentOn());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/people/{id}/direct-payment/carers")
	@Operation(summary = "Add someone the direct payment pays for care (close-relative rule enforced)")
	ResponseEntity<Void> carer(Actor actor, @PathVariable UUID id, @RequestBody CarerBody body) {
		directPayments.addCarer(actor, new PersonId(id), body.version(), body.name(), body.closeRelative(),
				body.sameHousehold(), body.exceptionReason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/people/{id}/direct-payment/entries")
	@Operation(summary = "Record a payment, a return or a reclaimed surplus in the ledger")
	ResponseEntity<Void> entry(Actor actor, @PathVariable UUID id, @RequestBody EntryBody body) {
		directPayments.record(actor, new PersonId(id), body.version(), body.kind(), body.on(), body.amount(),
				body.note());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/people/{id}/direct-payment/reviews")
	@Operation(summary = "Record a review of the direct payment")
	ResponseEntity<Void> review(Actor actor, @PathVariable UUID id, @RequestBody ReviewBody body) {
		directPayments.review(actor, new PersonId(id), body.version(), body.reviewedOn(), body.notes());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/funding/ras-rates")
	@Operation(summary = "The resource allocation rates by financial year")
	List<RasRate> rasRates() {
		return rates.rasRates();
	}

	@GetMapping("/funding/ras-rates/{year}")
	@Operation(summary = "One financial year's resource allocation rates; 400 when the year has none")
	RasRate rasRate(@PathVariable int year) {
		return rates.rasRate(year);
	}

	@PutMapping("/funding/ras-rates")
	@Operation(summary = "Record a financial year's resource allocation rates (administrators)")
	ResponseEntity<Void> saveRasRate(Actor actor, @RequestBody RasRate rate) {
		rates.saveRasRate(actor, rate);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/funding/thresholds")
	@Operation(summary = "Record a team's approval thresholds for a financial year (administrators)")
	ResponseEntity<Void> saveThreshold(Actor actor, @RequestBody ThresholdBody body) {
		rates.saveThreshold(actor, body.teamId() == null ? null : new TeamId(body.teamId()), body.financialYear(),
				body.weeklyThreshold(), body.panelThreshold());
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(BudgetRule.class)
	ProblemDetail rule(BudgetRule ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, ex.getMessage());
		problem.setProperty("errors",
				ex.violations().stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
		return problem;
	}

	@ExceptionHandler(FundingRefused.class)
	ProblemDetail refused(FundingRefused ex) {
		return problem(HttpStatus.FORBIDDEN, ErrorCode.ACCESS_DENIED, ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, ErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:seamless:problem:" + code.slug()));
		problem.setProperty("code", code.name());
		return problem;
	}

}
