package care.seamless.funding.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import care.seamless.funding.Amounts;
import care.seamless.funding.BudgetRule;
import care.seamless.funding.DirectPayments;
import care.seamless.funding.FundingRefused;
import care.seamless.funding.LedgerKind;
import care.seamless.funding.ManagerKind;
import care.seamless.funding.Payer;
import care.seamless.funding.PersonalBudgets;
import care.seamless.shared.Actor;
import care.seamless.shared.CalendarDates;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;
import care.seamless.shared.Violation;
import care.seamless.shared.Violations;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's budget page: the indicative budget and its working, the plan's support
 * with a cost for each, the statement, the needs without costed support, approval, and
 * the direct payment with its agreement, carers, ledger and reviews. Every form shows all
 * its problems at once; values are read as typed, so a wrong one is named on its field.
 */
@PageController
class BudgetController {

	private final PersonalBudgets budgets;

	private final DirectPayments directPayments;

	private final Directory directory;

	BudgetController(PersonalBudgets budgets, DirectPayments directPayments, Directory directory) {
		this.budgets = budgets;
		this.directPayments = directPayments;
		this.directory = directory;
	}

	@GetMapping("/people/{id}/budget")
	String show(Actor actor, @PathVariable PersonId id, Model model) {
		return show(actor, id, new LinkedHashMap<>(), model);
	}

	@PostMapping("/people/{id}/budget")
	String start(Actor actor, @PathVariable PersonId id, @RequestParam(required = false) @Nullable UUID teamId,
			Model model, RedirectAttributes redirect) {
		return attempt(actor, id, model, redirect, "funding.saved.started", new Violations(),
				() -> budgets.start(actor, id, teamId == null ? null : new TeamId(teamId)));
	}

	@PostMapping("/people/{id}/budget/costs")
	String cost(Actor actor, @PathVariable PersonId id, @RequestParam long version,
			@RequestParam(required = false) @Nullable UUID actionId,
			@RequestParam(required = false) @Nullable String weeklyCost,
			@RequestParam(required = false) @Nullable String payer, Model model, RedirectAttributes redirect) {
		Violations problems = new Violations();
		String field = "weeklyCost-" + actionId;
		BigDecimal amount = Amounts.parse(weeklyCost, field, problems);
		Payer who = choice(Payer.class, payer, "payer-" + actionId, problems);
		if (amount == null && !problems.has(field)) {
			problems.add(field, "Enter the weekly cost");
		}
		if (who == null && !problems.has("payer-" + actionId)) {
			problems.add("payer-" + actionId, "Choose who pays");
		}
		return attempt(actor, id, model, redirect, "funding.saved.cost", problems,
				() -> budgets.cost(actor, id, version, actionId, amount, who));
	}

	@PostMapping("/people/{id}/budget/approval")
	String requestApproval(Actor actor, @PathVariable PersonId id, @RequestParam long version, Model model,
			RedirectAttributes redirect) {
		return attempt(actor, id, model, redirect, "funding.saved.approvalRequested", new Violations(),
				() -> budgets.requestApproval(actor, id, version));
	}

	@PostMapping("/people/{id}/direct-payment")
	String requestDirectPayment(Actor actor, @PathVariable PersonId id,
			@RequestParam(required = false) @Nullable String managerKind,
			@RequestParam(required = false) @Nullable String managerName, Model model, RedirectAttributes redirect) {
		Violations problems = new Violations();
		ManagerKind kind = choice(ManagerKind.class, managerKind, "managerKind", problems);
		return attempt(actor, id, model, redirect, "funding.saved.directPayment", problems,
				() -> directPayments.request(actor, id, kind, managerName));
	}

	@PostMapping("/people/{id}/direct-payment/agreement")
	String agree(Actor actor, @PathVariable PersonId id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String signedOn,
			@RequestParam(required = false) @Nullable String everyWeeks,
			@RequestParam(required = false) @Nullable String firstPaymentOn, Model model, RedirectAttributes redirect) {
		Violations problems = new Violations();
		LocalDate signed = date(signedOn, "signedOn", problems);
		LocalDate first = date(firstPaymentOn, "firstPaymentOn", problems);
		Integer every = null;
		if (everyWeeks != null && !everyWeeks.isBlank()) {
			try {
				every = Integer.valueOf(everyWeeks.strip());
			}
			catch (NumberFormatException ex) {
				problems.add("everyWeeks", "Choose how often the council pays: every 1, 2 or 4 weeks");
			}
		}
		Integer weeks = every;
		return attempt(actor, id, model, redirect, "funding.saved.agreement", problems,
				() -> directPayments.agree(actor, id, version, signed, weeks, first));
	}

	@PostMapping("/people/{id}/direct-payment/carers")
	String carer(Actor actor, @PathVariable PersonId id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String carerName,
			@RequestParam(defaultValue = "false") boolean closeRelative,
			@RequestParam(defaultValue = "false") boolean sameHousehold,
			@RequestParam(required = false) @Nullable String exceptionReason, Model model,
			RedirectAttributes redirect) {
		return attempt(actor, id, model, redirect, "funding.saved.carer", new Violations(), () -> directPayments
			.addCarer(actor, id, version, carerName, closeRelative, sameHousehold, exceptionReason));
	}

	@PostMapping("/people/{id}/direct-payment/entries")
	String entry(Actor actor, @PathVariable PersonId id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String entryOn,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String note, Model model, RedirectAttributes redirect) {
		Violations problems = new Violations();
		LedgerKind entryKind = choice(LedgerKind.class, kind, "kind", problems);
		LocalDate on = date(entryOn, "entryOn", problems);
		BigDecimal money = Amounts.parse(amount, "amount", problems);
		return attempt(actor, id, model, redirect, "funding.saved.entry", problems,
				() -> directPayments.record(actor, id, version, entryKind, on, money, note));
	}

	/** Commits the approved budget to a pooled fund's budget line (issue 19's ledger). */
	@PostMapping("/people/{id}/budget/pool")
	String commit(Actor actor, @PathVariable PersonId id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String lineId, Model model, RedirectAttributes redirect) {
		Violations problems = new Violations();
		UUID line = null;
		if (lineId == null || lineId.isBlank()) {
			problems.add("lineId", "Choose a budget line of a pooled fund");
		}
		else {
			try {
				line = UUID.fromString(lineId.strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add("lineId", "Choose a budget line of a pooled fund");
			}
		}
		UUID chosen = line;
		return attempt(actor, id, model, redirect, "funding.saved.pool", problems,
				() -> budgets.commitToPool(actor, id, version, chosen));
	}

	/** From a pooled fund's ledger to the budget it names, for those who may see it. */
	@GetMapping("/budgets/{budgetId}")
	String budget(Actor actor, @PathVariable UUID budgetId) {
		return "redirect:/people/" + budgets.personOf(actor, budgetId).id() + "/budget#pool";
	}

	@PostMapping("/people/{id}/direct-payment/reviews")
	String review(Actor actor, @PathVariable PersonId id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String reviewedOn,
			@RequestParam(required = false) @Nullable String reviewNotes, Model model, RedirectAttributes redirect) {
		Violations problems = new Violations();
		LocalDate on = date(reviewedOn, "reviewedOn", problems);
		return attempt(actor, id, model, redirect, "funding.saved.review", problems,
				() -> directPayments.review(actor, id, version, on, reviewNotes));
	}

	@ExceptionHandler(FundingRefused.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String refused(FundingRefused ex, Model model) {
		model.addAttribute("reason", ex.getMessage());
		return "funding/refused";
	}

	/**
	 * Saves when the typed values were all readable, and otherwise shows them with every
	 * problem the service also finds, so nothing is half-saved and all problems show.
	 */
	private String attempt(Actor actor, PersonId id, Model model, RedirectAttributes redirect, String saved,
			Violations typed, Runnable change) {
		Map<String, String> problems = new LinkedHashMap<>();
		typed.list().forEach(v -> problems.putIfAbsent(v.field(), v.message()));
		if (problems.isEmpty()) {
			try {
				change.run();
				redirect.addFlashAttribute("saved", saved);
				return "redirect:/people/" + id.id() + "/budget";
			}
			catch (BudgetRule ex) {
				for (Violation v : ex.violations()) {
					problems.putIfAbsent(v.field(), v.message());
				}
			}
		}
		return show(actor, id, problems, model);
	}

	private String show(Actor actor, PersonId id, Map<String, String> problems, Model model) {
		model.addAttribute("personId", id);
		model.addAttribute("budget", budgets.budget(actor, id).orElse(null));
		model.addAttribute("directPayment", directPayments.directPayment(actor, id).orElse(null));
		model.addAttribute("poolCommitment", budgets.poolCommitment(actor, id).orElse(null));
		model.addAttribute("poolLines", budgets.poolLines(actor, id));
		model.addAttribute("teams",
				actor.practitionerId() == null ? java.util.List.of() : directory.teamsOf(actor.practitionerId()));
		model.addAttribute("problems", problems);
		model.addAttribute("mayChange", budgets.mayChange(actor, id));
		model.addAttribute("payers", Payer.values());
		model.addAttribute("managerKinds", ManagerKind.values());
		model.addAttribute("ledgerKinds", LedgerKind.values());
		return "funding/budget";
	}

	static @Nullable LocalDate date(@Nullable String text, String field, Violations problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return CalendarDates.parse(text.strip()).orElseGet(() -> {
			problems.add(field, "Enter a real date, like 20/06/2026");
			return null;
		});
	}

	static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field,
			Violations problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			problems.add(field, "Choose one of the options");
			return null;
		}
	}

}
