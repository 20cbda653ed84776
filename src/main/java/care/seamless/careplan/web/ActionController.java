package care.seamless.careplan.web;

import java.time.LocalDate;
import java.util.UUID;

import care.seamless.careplan.ActionKind;
import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.ActionStatus;
import care.seamless.careplan.CarePlanRule;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.PlanActions;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Adding actions, handing them over by offer and acceptance, and the work queues. */
@PageController
class ActionController {

	private static final String ACTION = "/people/{id}/care-plan/actions/{actionId}";

	private final PlanActions actions;

	private final ActionQueues queues;

	private final CarePlans carePlans;

	ActionController(PlanActions actions, ActionQueues queues, CarePlans carePlans) {
		this.actions = actions;
		this.queues = queues;
		this.carePlans = carePlans;
	}

	/** The action form as typed; ids and choices are text (see {@link Typed}). */
	record ActionForm(@Nullable String objectiveId, @Nullable String kind,
			@Nullable @Size(max = 1000) String description, @Nullable String category, @Nullable String owner,
			@Nullable String dueDay, @Nullable String dueMonth, @Nullable String dueYear) {

		@Nullable LocalDate dueOn() {
			return Dates.of(dueDay, dueMonth, dueYear);
		}

		void check(BindingResult result) {
			if (!Dates.blank(dueDay, dueMonth, dueYear) && dueOn() == null) {
				result.rejectValue("dueDay", "invalid-date", "The due date must be a real date, for example 27 3 2027");
			}
			if (Typed.unreadable(objectiveId, UUID::fromString)) {
				result.rejectValue("objectiveId", "careplan.invalid.objective");
			}
			if (Typed.unreadable(kind, ActionKind::valueOf)) {
				result.rejectValue("kind", "careplan.invalid.kind");
			}
			if (Typed.unreadable(category, DataCategory::valueOf)) {
				result.rejectValue("category", "careplan.invalid.category");
			}
			if (Typed.unreadable(owner, PractitionerId::of)) {
				result.rejectValue("owner", "careplan.invalid.owner");
			}
		}

		NewAction toAction() {
			return new NewAction(Typed.read(objectiveId, UUID::fromString), Typed.read(kind, ActionKind::valueOf),
					description, Typed.read(category, DataCategory::valueOf), practitioner(owner), dueOn());
		}

	}

	/**
	 * A practitioner id as chosen; blank or unreadable means no owner, which the plan
	 * refuses.
	 */
	static @Nullable PractitionerId practitioner(@Nullable String id) {
		try {
			return id == null || id.isBlank() ? null : PractitionerId.of(id.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable OrganisationId organisation(String id) {
		try {
			return id.isBlank() ? null : OrganisationId.of(id.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@GetMapping("/people/{id}/care-plan/actions/new")
	String newAction(Actor actor, @PathVariable PersonId id, Model model) {
		model.addAttribute("actionForm", new ActionForm(null, ActionKind.ACTION.name(), null,
				DataCategory.GENERAL.name(), null, null, null, null));
		return form(actor, id, model);
	}

	@PostMapping("/people/{id}/care-plan/actions")
	String add(Actor actor, @PathVariable PersonId id, @Valid @ModelAttribute("actionForm") ActionForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		form.check(result);
		if (result.hasErrors()) {
			Rules.reject(result, actions.problemsWith(actor, id, form.toAction()));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(actor, id, model);
		}
		try {
			actions.add(actor, id, form.toAction());
		}
		catch (CarePlanRule ex) {
			Rules.reject(result, ex);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(actor, id, model);
		}
		redirect.addFlashAttribute("saved", "careplan.action.saved");
		return "redirect:/people/" + id + "/care-plan#actions";
	}

	@PostMapping(ACTION + "/offer")
	String offer(Actor actor, @PathVariable PersonId id, @PathVariable UUID actionId, @RequestParam long version,
			@RequestParam(defaultValue = "") String organisation, RedirectAttributes redirect) {
		return act(id, redirect, "careplan.action.offered",
				() -> actions.offer(actor, id, actionId, version, organisation(organisation)));
	}

	@PostMapping(ACTION + "/accept")
	String accept(Actor actor, @PathVariable PersonId id, @PathVariable UUID actionId, @RequestParam long version,
			RedirectAttributes redirect) {
		return act(id, redirect, "careplan.action.accepted", () -> actions.accept(actor, id, actionId, version));
	}

	@PostMapping(ACTION + "/decline")
	String decline(Actor actor, @PathVariable PersonId id, @PathVariable UUID actionId, @RequestParam long version,
			RedirectAttributes redirect) {
		return act(id, redirect, "careplan.action.declined", () -> actions.decline(actor, id, actionId, version));
	}

	@PostMapping(ACTION + "/reassign")
	String reassign(Actor actor, @PathVariable PersonId id, @PathVariable UUID actionId, @RequestParam long version,
			@RequestParam(defaultValue = "") String owner, RedirectAttributes redirect) {
		return act(id, redirect, "careplan.action.reassigned",
				() -> actions.reassign(actor, id, actionId, version, practitioner(owner)));
	}

	@PostMapping(ACTION + "/status")
	String status(Actor actor, @PathVariable PersonId id, @PathVariable UUID actionId, @RequestParam long version,
			@RequestParam(required = false) @Nullable ActionStatus status, RedirectAttributes redirect) {
		return act(id, redirect, "careplan.action.statusChanged",
				() -> actions.changeStatus(actor, id, actionId, version, status));
	}

	@GetMapping("/care-plans/queue")
	String queue(Actor actor, Model model) {
		model.addAttribute("queues", queues.queues(actor));
		model.addAttribute("colleagues", queues.colleagues(actor));
		return "careplan/queue";
	}

	@PostMapping("/care-plans/queue/{actionId}/chase")
	String chase(Actor actor, @PathVariable UUID actionId, RedirectAttributes redirect) {
		return inQueue(redirect, "careplan.queue.chased", () -> queues.chase(actor, actionId));
	}

	@PostMapping("/care-plans/queue/{actionId}/reassign")
	String reassignFromQueue(Actor actor, @PathVariable UUID actionId, @RequestParam long version,
			@RequestParam(defaultValue = "") String owner, RedirectAttributes redirect) {
		boolean[] offered = new boolean[1];
		String view = inQueue(redirect, "careplan.queue.reassigned",
				() -> offered[0] = queues.reassign(actor, actionId, version, practitioner(owner)));
		if (offered[0]) {
			redirect.addFlashAttribute("saved", "careplan.queue.offered");
		}
		return view;
	}

	private static String inQueue(RedirectAttributes redirect, String saved, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", saved);
		}
		catch (CarePlanRule ex) {
			redirect.addFlashAttribute("queueError", ex.getMessage());
		}
		return "redirect:/care-plans/queue#escalated-heading";
	}

	private String act(PersonId id, RedirectAttributes redirect, String saved, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", saved);
		}
		catch (CarePlanRule ex) {
			redirect.addFlashAttribute("planError", ex.getMessage());
		}
		return "redirect:/people/" + id + "/care-plan#actions";
	}

	private String form(Actor actor, PersonId id, Model model) {
		CarePlanView plan = carePlans.plan(actor, id).orElseThrow(() -> new NotFoundException("CarePlan", id));
		model.addAttribute("personId", id);
		model.addAttribute("objectives", plan.objectives());
		model.addAttribute("owners", carePlans.possibleOwners(id));
		model.addAttribute("kinds", ActionKind.values());
		model.addAttribute("categories", DataCategory.values());
		return "careplan/action-form";
	}

}
