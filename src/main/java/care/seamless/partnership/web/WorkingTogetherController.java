package care.seamless.partnership.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import care.seamless.partnership.AssessmentRound;
import care.seamless.partnership.PartnershipRule;
import care.seamless.partnership.Partnerships;
import care.seamless.partnership.Principle;
import care.seamless.partnership.WorkingTogether;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rounds of the Partnership Assessment Tool: rating, results, and actions for low scores.
 */
@PageController
class WorkingTogetherController {

	private final WorkingTogether workingTogether;

	private final Partnerships partnerships;

	private final PartnershipPage partnershipPages;

	WorkingTogetherController(WorkingTogether workingTogether, Partnerships partnerships,
			PartnershipPage partnershipPages) {
		this.workingTogether = workingTogether;
		this.partnerships = partnerships;
		this.partnershipPages = partnershipPages;
	}

	@PostMapping("/partnerships/{id}/rounds")
	String open(Actor actor, @PathVariable UUID id, @RequestParam(required = false, defaultValue = "") String title,
			Model model, RedirectAttributes redirect) {
		try {
			UUID round = workingTogether.openRound(actor, id, title);
			redirect.addFlashAttribute("saved", "partnership.round.opened");
			return "redirect:/partnerships/rounds/" + round;
		}
		catch (PartnershipRule ex) {
			Map<String, String> problems = new LinkedHashMap<>();
			PartnershipController.add(problems, ex.violations());
			model.addAttribute("problems", problems);
			return partnershipPages.show(actor, id, model);
		}
	}

	@GetMapping("/partnerships/{id}/results")
	String overTime(Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("partnership", partnerships.find(id));
		model.addAttribute("results", workingTogether.overTime(actor, id));
		return "partnership/results";
	}

	@GetMapping("/partnerships/rounds/{roundId}")
	String round(Actor actor, @PathVariable UUID roundId, Model model) {
		AssessmentRound round = workingTogether.round(roundId);
		var partnership = partnerships.find(round.partnershipId());
		model.addAttribute("round", round);
		model.addAttribute("partnership", partnership);
		model.addAttribute("principles", Principle.values());
		model.addAttribute("mayRate", partnership.hasPartner(actor.organisationId()) && round.open());
		model.addAttribute("mayRun", WorkingTogether.mayRun(actor));
		model.addAttribute("results", workingTogether.results(actor, roundId));
		model.addAttribute("actions", workingTogether.actions(roundId));
		model.addAttribute("owners",
				WorkingTogether.mayRun(actor) ? workingTogether.possibleOwners() : java.util.List.of());
		if (!model.containsAttribute("ratings")) {
			Map<String, String> mine = new LinkedHashMap<>();
			workingTogether.myRatings(actor, roundId).forEach((k, v) -> mine.put(k, v.toString()));
			model.addAttribute("ratings", mine);
		}
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", Map.of());
		}
		if (!model.containsAttribute("actionForm")) {
			model.addAttribute("actionForm", Map.of("dueDate", LocalDate.now().plusMonths(3).toString()));
		}
		model.addAttribute("user", actor.accountId());
		return "partnership/round";
	}

	@PostMapping("/partnerships/rounds/{roundId}/ratings")
	String rate(Actor actor, @PathVariable UUID roundId, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		Map<String, String> answers = new LinkedHashMap<>();
		params.forEach((key, value) -> {
			if (key.startsWith("s-")) {
				answers.put(key.substring(2), value);
			}
		});
		try {
			workingTogether.rate(actor, roundId, answers);
			redirect.addFlashAttribute("saved", "partnership.ratings.saved");
			return "redirect:/partnerships/rounds/" + roundId;
		}
		catch (PartnershipRule ex) {
			Map<String, String> problems = new LinkedHashMap<>();
			PartnershipController.add(problems, ex.violations());
			model.addAttribute("problems", problems);
			model.addAttribute("ratings", answers);
			return round(actor, roundId, model);
		}
	}

	@PostMapping("/partnerships/rounds/{roundId}/actions")
	String addAction(Actor actor, @PathVariable UUID roundId, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		try {
			workingTogether.addAction(actor, roundId, value(params.get("principle")), value(params.get("description")),
					value(params.get("owner")), value(params.get("dueDate")));
			redirect.addFlashAttribute("saved", "partnership.action.added");
			return "redirect:/partnerships/rounds/" + roundId + "#actions";
		}
		catch (PartnershipRule ex) {
			Map<String, String> problems = new LinkedHashMap<>();
			PartnershipController.add(problems, ex.violations());
			model.addAttribute("problems", problems);
			model.addAttribute("actionForm", params);
			return round(actor, roundId, model);
		}
	}

	@PostMapping("/partnerships/rounds/{roundId}/close")
	String close(Actor actor, @PathVariable UUID roundId, @RequestParam(required = false) @Nullable String version,
			RedirectAttributes redirect) {
		workingTogether.closeRound(actor, roundId, PartnershipController.number(version));
		redirect.addFlashAttribute("saved", "partnership.round.closed");
		return "redirect:/partnerships/rounds/" + roundId;
	}

	@PostMapping("/partnerships/actions/{actionId}/done")
	String done(Actor actor, @PathVariable UUID actionId, @RequestParam(required = false) @Nullable String version,
			RedirectAttributes redirect) {
		workingTogether.completeAction(actor, actionId, PartnershipController.number(version));
		redirect.addFlashAttribute("saved", "partnership.action.done");
		return "redirect:/partnerships";
	}

	private static String value(@Nullable String value) {
		return value == null ? "" : value;
	}

}
