package care.seamless.careplan.web;

import java.util.UUID;

import care.seamless.careplan.CarePlanRule;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.Objective;
import care.seamless.careplan.PersonsView;
import care.seamless.careplan.PlanSignatures;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
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

/** Partners signing up to objectives, and the person's agreement or disagreement. */
@PageController
class SignatureController {

	private static final String OBJECTIVE = "/people/{id}/care-plan/objectives/{objectiveId}";

	private final PlanSignatures signatures;

	private final CarePlans carePlans;

	private final PlanPage page;

	SignatureController(PlanSignatures signatures, CarePlans carePlans, PlanPage page) {
		this.signatures = signatures;
		this.carePlans = carePlans;
		this.page = page;
	}

	/** The person's view as given; the choices are text (see {@link Typed}). */
	record PersonsViewForm(@Nullable String view, @Nullable String representative,
			@Nullable @Size(max = 2000) String reason) {

		void check(BindingResult result) {
			if (Typed.unreadable(view, PersonsView.View::valueOf)) {
				result.rejectValue("view", "careplan.invalid.view");
			}
			if (Typed.unreadable(representative, UUID::fromString)) {
				result.rejectValue("representative", "careplan.invalid.representative");
			}
		}

	}

	@PostMapping(OBJECTIVE + "/sign-up")
	String signUp(Actor actor, @PathVariable PersonId id, @PathVariable UUID objectiveId, RedirectAttributes redirect) {
		try {
			signatures.signUp(actor, id, objectiveId);
			redirect.addFlashAttribute("saved", "careplan.signedUp");
		}
		catch (CarePlanRule ex) {
			redirect.addFlashAttribute("planError", ex.getMessage());
		}
		return "redirect:/people/" + id + "/care-plan#objective-" + objectiveId;
	}

	@PostMapping(OBJECTIVE + "/withdraw-sign-up")
	String withdraw(Actor actor, @PathVariable PersonId id, @PathVariable UUID objectiveId,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		try {
			signatures.withdrawSignUp(actor, id, objectiveId, reason);
			redirect.addFlashAttribute("saved", "careplan.signUpWithdrawn");
		}
		catch (CarePlanRule ex) {
			redirect.addFlashAttribute("planError", ex.getMessage());
		}
		return "redirect:/people/" + id + "/care-plan#objective-" + objectiveId;
	}

	@GetMapping(OBJECTIVE + "/persons-view")
	String viewForm(Actor actor, @PathVariable PersonId id, @PathVariable UUID objectiveId, Model model) {
		model.addAttribute("form", new PersonsViewForm(null, null, null));
		return form(actor, id, objectiveId, model);
	}

	@PostMapping(OBJECTIVE + "/persons-view")
	String recordView(Actor actor, @PathVariable PersonId id, @PathVariable UUID objectiveId,
			@Valid @ModelAttribute("form") PersonsViewForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		form.check(result);
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(actor, id, objectiveId, model);
		}
		try {
			signatures.recordPersonsView(actor, id, objectiveId, Typed.read(form.view(), PersonsView.View::valueOf),
					Typed.read(form.representative(), UUID::fromString), form.reason());
		}
		catch (CarePlanRule ex) {
			Rules.reject(result, ex);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(actor, id, objectiveId, model);
		}
		redirect.addFlashAttribute("saved", "careplan.personsView.saved");
		return "redirect:/people/" + id + "/care-plan#objective-" + objectiveId;
	}

	private String form(Actor actor, PersonId id, UUID objectiveId, Model model) {
		CarePlanView plan = carePlans.plan(actor, id).orElseThrow(() -> new NotFoundException("CarePlan", id));
		Objective objective = plan.objective(objectiveId);
		if (objective == null) {
			throw new NotFoundException("CarePlanObjective", objectiveId);
		}
		model.addAttribute("personId", id);
		model.addAttribute("personName", page.name(actor, id));
		model.addAttribute("objective", objective);
		model.addAttribute("representatives", page.representatives(actor, id));
		model.addAttribute("views", PersonsView.View.values());
		return "careplan/persons-view-form";
	}

}
