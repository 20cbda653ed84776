package care.seamless.consent.web;

import java.util.UUID;

import care.seamless.audit.AuditLog;
import care.seamless.consent.ConsentRule;
import care.seamless.consent.Overrides;
import care.seamless.consent.SearchVolumes;
import care.seamless.shared.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Caldicott guardian's dashboard: emergency accesses to review, refusals, and past
 * reviews.
 */
@Controller
class CaldicottController {

	private final Overrides overrides;

	private final AuditLog auditLog;

	private final SearchVolumes searchVolumes;

	CaldicottController(Overrides overrides, AuditLog auditLog, SearchVolumes searchVolumes) {
		this.overrides = overrides;
		this.auditLog = auditLog;
		this.searchVolumes = searchVolumes;
	}

	@GetMapping("/caldicott")
	String dashboard(Actor actor, Model model) {
		model.addAttribute("pending", overrides.awaitingReview(actor));
		model.addAttribute("reviewed", overrides.reviewed(actor, 50));
		model.addAttribute("events", auditLog.recent(100, true));
		addUnusualSearches(actor, model);
		return "consent/caldicott";
	}

	/** The unusual-searching block (template consent/caldicott-searches). */
	private void addUnusualSearches(Actor actor, Model model) {
		model.addAttribute("unusualSearches", searchVolumes.unusual(actor));
		model.addAttribute("searchesPerHour", searchVolumes.perHour());
	}

	@PostMapping("/caldicott/overrides/{id}/review")
	String review(Actor actor, @PathVariable UUID id, @RequestParam long version, @RequestParam boolean appropriate,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		try {
			overrides.review(actor, id, version, appropriate, note);
			redirect.addFlashAttribute("saved", "override.reviewed");
		}
		catch (ConsentRule ex) {
			redirect.addFlashAttribute("reviewError", ex.getMessage());
			redirect.addFlashAttribute("reviewErrorId", id);
		}
		return "redirect:/caldicott";
	}

}
