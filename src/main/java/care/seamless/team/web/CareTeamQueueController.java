package care.seamless.team.web;

import java.util.UUID;

import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import care.seamless.team.CareTeamRequests;
import care.seamless.team.CareTeamRule;
import care.seamless.team.RequestQueue;
import care.seamless.team.TeamWork;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Care-team requests waiting for the signed-in practitioner (invitations, handovers,
 * requests to join) with accept and decline, and a team manager's view of their teams'
 * caseloads and workloads with the people waiting to be allocated.
 */
@PageController
class CareTeamQueueController {

	private static final String QUEUE = "/care-teams/requests";

	private final CareTeamRequests careTeams;

	CareTeamQueueController(CareTeamRequests careTeams) {
		this.careTeams = careTeams;
	}

	record AnswerForm(@Nullable String version, @Nullable String reason) {
	}

	record AllocateForm(@Nullable String person, @Nullable String practitioner) {
	}

	@GetMapping(QUEUE)
	String queue(Actor actor, Model model) {
		model.addAttribute("queue", careTeams.queue(actor));
		return "team/requests";
	}

	@PostMapping(QUEUE + "/{requestId}/accept")
	String accept(Actor actor, @PathVariable UUID requestId, @ModelAttribute("form") AnswerForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			careTeams.accept(actor, requestId, CareTeamController.version(form.version()));
			redirect.addFlashAttribute("saved", "careTeam.saved.accepted");
			return "redirect:" + QUEUE;
		}
		catch (CareTeamRule rule) {
			model.addAttribute("problem", rule.getMessage());
			return queue(actor, model);
		}
	}

	/**
	 * Withdraws a request not yet answered; from the care team page the form names the
	 * person, to go back there.
	 */
	@PostMapping(QUEUE + "/{requestId}/withdraw")
	String withdraw(Actor actor, @PathVariable UUID requestId, @ModelAttribute("form") AnswerForm form,
			BindingResult result,
			@org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String back, Model model,
			RedirectAttributes redirect) {
		try {
			careTeams.withdraw(actor, requestId, CareTeamController.version(form.version()));
			redirect.addFlashAttribute("saved", "careTeam.saved.withdrawn");
			PersonId person = back == null ? null : personOrNull(back);
			return person == null ? "redirect:" + QUEUE : "redirect:/people/" + person.id() + "/care-team";
		}
		catch (CareTeamRule rule) {
			model.addAttribute("problem", rule.getMessage());
			return queue(actor, model);
		}
	}

	@GetMapping(QUEUE + "/{requestId}/decline")
	String declineForm(Actor actor, @PathVariable UUID requestId, Model model) {
		RequestQueue.Item item = waiting(actor, requestId);
		model.addAttribute("form", new AnswerForm(Long.toString(item.request().version()), null));
		return declinePage(actor, requestId, model);
	}

	@PostMapping(QUEUE + "/{requestId}/decline")
	String decline(Actor actor, @PathVariable UUID requestId, @ModelAttribute("form") AnswerForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			careTeams.decline(actor, requestId, CareTeamController.version(form.version()), form.reason());
			redirect.addFlashAttribute("saved", "careTeam.saved.declined");
			return "redirect:" + QUEUE;
		}
		catch (CareTeamRule rule) {
			CareTeamController.reject(result, rule, "reason");
			return declinePage(actor, requestId, model);
		}
	}

	@GetMapping("/care-teams/team")
	String team(Actor actor, Model model) {
		TeamWork work = careTeams.teamWork(actor);
		model.addAttribute("work", work);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new AllocateForm(null, null));
		}
		return "team/team";
	}

	@PostMapping("/care-teams/team/allocate")
	String allocate(Actor actor, @ModelAttribute("form") AllocateForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			careTeams.allocate(actor, person(form.person()), CareTeamController.practitioner(form.practitioner()));
			redirect.addFlashAttribute("saved", "careTeam.saved.allocated");
			return "redirect:/care-teams/team";
		}
		catch (CareTeamRule rule) {
			CareTeamController.reject(result, rule, "practitioner");
			return team(actor, model);
		}
	}

	/** The answer page shows only a request waiting for this reader. */
	private String declinePage(Actor actor, UUID requestId, Model model) {
		model.addAttribute("item", waiting(actor, requestId));
		return "team/decline";
	}

	private RequestQueue.Item waiting(Actor actor, UUID requestId) {
		return careTeams.queue(actor)
			.waiting()
			.stream()
			.filter(i -> i.request().id().equals(requestId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("CareTeamRequest", requestId));
	}

	private static @Nullable PersonId personOrNull(String value) {
		try {
			return new PersonId(UUID.fromString(value.strip()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static PersonId person(@Nullable String value) {
		try {
			return new PersonId(UUID.fromString(value == null ? "" : value.strip()));
		}
		catch (IllegalArgumentException ex) {
			throw new CareTeamRule("person", "Choose a person from the list");
		}
	}

}
