package care.seamless.careplan.web;

import java.util.List;
import java.util.UUID;

import care.seamless.careplan.CarePlanRule;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.CarersView;
import care.seamless.careplan.Objective;
import care.seamless.person.CaredFor;
import care.seamless.person.Carers;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A carer's view of an objective, recorded by a practitioner on the carer's behalf
 * (carers do not sign in yet).
 */
@PageController
class CarersViewController {

	private static final String PAGE = "/people/{id}/care-plan/objectives/{objectiveId}/carers-view";

	private final CarePlans carePlans;

	private final Carers carers;

	private final PlanPage page;

	CarersViewController(CarePlans carePlans, Carers carers, PlanPage page) {
		this.carePlans = carePlans;
		this.carers = carers;
		this.page = page;
	}

	/**
	 * As sent; ids, choices and the version are text so a tampered value is named on its
	 * field ({@link Typed}).
	 */
	record CarersViewForm(@Nullable String carer, @Nullable String view, @Nullable String words,
			@Nullable String version) {

		void check(BindingResult result) {
			if (Typed.unreadable(carer, UUID::fromString)) {
				result.rejectValue("carer", "careplan.invalid.carer");
			}
			if (Typed.unreadable(view, CarersView.View::valueOf)) {
				result.rejectValue("view", "careplan.invalid.carersView");
			}
		}

	}

	@GetMapping(PAGE)
	String form(Actor actor, @PathVariable PersonId id, @PathVariable UUID objectiveId, Model model) {
		Objective objective = objective(actor, id, objectiveId);
		model.addAttribute("form", new CarersViewForm(null, null, null, Long.toString(objective.version())));
		return page(actor, id, objective, model);
	}

	@PostMapping(PAGE)
	String record(Actor actor, @PathVariable PersonId id, @PathVariable UUID objectiveId,
			@ModelAttribute("form") CarersViewForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		form.check(result);
		Long version = Typed.read(form.version(), Long::valueOf);
		if (!result.hasErrors()) {
			try {
				carePlans.recordCarersView(actor, id, objectiveId, version == null ? -1 : version,
						Typed.read(form.carer(), text -> new PersonId(UUID.fromString(text))),
						Typed.read(form.view(), CarersView.View::valueOf), form.words());
				redirect.addFlashAttribute("saved", "careplan.carersView.saved");
				return "redirect:/people/" + id + "/care-plan#objective-" + objectiveId;
			}
			catch (CarePlanRule ex) {
				Rules.reject(result, ex);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return page(actor, id, objective(actor, id, objectiveId), model);
	}

	private Objective objective(Actor actor, PersonId id, UUID objectiveId) {
		CarePlanView plan = carePlans.plan(actor, id).orElseThrow(() -> new NotFoundException("CarePlan", id));
		Objective objective = plan.objective(objectiveId);
		if (objective == null) {
			throw new NotFoundException("CarePlanObjective", objectiveId);
		}
		return objective;
	}

	private String page(Actor actor, PersonId id, Objective objective, Model model) {
		List<CaredFor> linked = carers.carersOf(actor, id);
		model.addAttribute("personId", id);
		model.addAttribute("personName", page.name(actor, id));
		model.addAttribute("objective", objective);
		model.addAttribute("carers", linked);
		model.addAttribute("views", CarersView.View.values());
		return "careplan/carers-view-form";
	}

}
