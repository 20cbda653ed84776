package care.seamless.funding.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import care.seamless.funding.ApprovalDecision;
import care.seamless.funding.BudgetApprovals;
import care.seamless.funding.BudgetRule;
import care.seamless.funding.FundingRefused;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.PageController;
import care.seamless.shared.Violations;
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
 * The approvals queue: budgets waiting for the manager's or the funding panel's decision,
 * oldest first with their ages, and the decision on each. A decision on a request someone
 * else already decided is shown as a conflict, never applied.
 */
@PageController
class ApprovalController {

	private final BudgetApprovals approvals;

	ApprovalController(BudgetApprovals approvals) {
		this.approvals = approvals;
	}

	@GetMapping("/approvals")
	String queue(Actor actor, Model model) {
		return queue(actor, new LinkedHashMap<>(), model);
	}

	@PostMapping("/approvals/{id}")
	String decide(Actor actor, @PathVariable UUID id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String decision,
			@RequestParam(required = false) @Nullable String comments, Model model, RedirectAttributes redirect) {
		Violations typed = new Violations();
		ApprovalDecision chosen = BudgetController.choice(ApprovalDecision.class, decision, "decision-" + id, typed);
		Map<String, String> problems = new LinkedHashMap<>();
		typed.list().forEach(v -> problems.putIfAbsent(v.field(), v.message()));
		if (problems.isEmpty()) {
			try {
				approvals.decide(actor, id, version, chosen, comments);
				redirect.addFlashAttribute("saved", "funding.saved.decided");
				return "redirect:/approvals";
			}
			catch (BudgetRule ex) {
				ex.violations().forEach(v -> problems.putIfAbsent(v.field() + "-" + id, v.message()));
			}
			catch (ConcurrentEditException ex) {
				problems.put("decision-" + id,
						"Someone else decided this request since you opened the queue: look at it again");
			}
		}
		model.addAttribute("comments", comments);
		return queue(actor, problems, model);
	}

	@ExceptionHandler(FundingRefused.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String refused(FundingRefused ex, Model model) {
		model.addAttribute("reason", ex.getMessage());
		return "funding/refused";
	}

	private String queue(Actor actor, Map<String, String> problems, Model model) {
		model.addAttribute("queue", approvals.queue(actor));
		model.addAttribute("problems", problems);
		return "funding/approvals";
	}

}
