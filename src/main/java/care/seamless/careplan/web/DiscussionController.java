package care.seamless.careplan.web;

import java.util.List;
import java.util.UUID;

import care.seamless.careplan.CarePlanRule;
import care.seamless.careplan.PlanDiscussions;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Contingency, risks and options: small forms on the plan page itself. A refused save
 * returns to the page with the message beside the section; nothing is half-saved.
 */
@Controller
class DiscussionController {

	private final PlanDiscussions discussions;

	DiscussionController(PlanDiscussions discussions) {
		this.discussions = discussions;
	}

	@PostMapping("/people/{id}/care-plan/contingency")
	String contingency(Actor actor, @PathVariable PersonId id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(defaultValue = "") String inACrisis,
			@RequestParam(defaultValue = "") String outOfHoursContact, RedirectAttributes redirect) {
		return save(id, "contingency", redirect,
				() -> discussions.saveContingency(actor, id, version, inACrisis, outOfHoursContact));
	}

	@PostMapping("/people/{id}/care-plan/risks")
	String risk(Actor actor, @PathVariable PersonId id, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") String personsChoice,
			@RequestParam(defaultValue = "") String howWeReduceIt,
			@RequestParam(required = false) @Nullable DataCategory category, RedirectAttributes redirect) {
		return save(id, "risks", redirect,
				() -> discussions.addRisk(actor, id, description, personsChoice, howWeReduceIt, category));
	}

	@PostMapping("/people/{id}/care-plan/decisions")
	String decision(Actor actor, @PathVariable PersonId id, @RequestParam(defaultValue = "") String question,
			@RequestParam(name = "option", required = false) @Nullable List<String> options,
			@RequestParam(name = "optionView", required = false) @Nullable List<String> views,
			RedirectAttributes redirect) {
		return save(id, "options", redirect, () -> discussions.addDecision(actor, id, question,
				options == null ? List.of() : options, views == null ? List.of() : views, DataCategory.GENERAL));
	}

	@PostMapping("/people/{id}/care-plan/options/{optionId}/views")
	String view(Actor actor, @PathVariable PersonId id, @PathVariable UUID optionId,
			@RequestParam(defaultValue = "") String view, RedirectAttributes redirect) {
		return save(id, "options", redirect, () -> discussions.addView(actor, id, optionId, view));
	}

	@PostMapping("/people/{id}/care-plan/decisions/{decisionId}/choice")
	String choice(Actor actor, @PathVariable PersonId id, @PathVariable UUID decisionId, @RequestParam long version,
			@RequestParam(required = false) @Nullable UUID optionId, @RequestParam(defaultValue = "") String inOwnWords,
			RedirectAttributes redirect) {
		return save(id, "options", redirect,
				() -> discussions.recordChoice(actor, id, decisionId, version, optionId, inOwnWords));
	}

	private static String save(PersonId id, String section, RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", "careplan.saved");
		}
		catch (CarePlanRule ex) {
			redirect.addFlashAttribute("planError", ex.getMessage());
			redirect.addFlashAttribute("planErrorSection", section);
		}
		return "redirect:/people/" + id + "/care-plan#" + section;
	}

}
