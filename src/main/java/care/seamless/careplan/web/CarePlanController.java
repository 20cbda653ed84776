package care.seamless.careplan.web;

import java.util.Optional;

import care.seamless.careplan.CarePlanRule;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PlanFromAssessment;
import care.seamless.careplan.Objective;
import care.seamless.careplan.Section;
import care.seamless.person.People;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The plan page, starting a plan, the person's outcomes and the objectives. */
@Controller
class CarePlanController {

	private final CarePlans carePlans;

	private final People people;

	private final PlanPage page;

	private final PlanFromAssessment fromAssessment;

	CarePlanController(CarePlans carePlans, People people, PlanPage page, PlanFromAssessment fromAssessment) {
		this.fromAssessment = fromAssessment;
		this.carePlans = carePlans;
		this.people = people;
		this.page = page;
	}

	@ModelAttribute("sections")
	Section[] sections() {
		return Section.values();
	}

	@ModelAttribute("categories")
	DataCategory[] categories() {
		return DataCategory.values();
	}

	@GetMapping("/people/{id}/care-plan")
	String show(Actor actor, @PathVariable PersonId id, Model model) {
		Optional<CarePlanView> plan = carePlans.plan(actor, id);
		model.addAttribute("personId", id);
		model.addAttribute("personName", page.name(actor, id));
		if (plan.isEmpty()) {
			fromAssessment.basis(actor, id).ifPresent((episode) -> model.addAttribute("basis", episode));
			return "careplan/start";
		}
		page.describe(actor, plan.get(), model);
		return "careplan/plan";
	}

	@PostMapping("/people/{id}/care-plan")
	String start(Actor actor, @PathVariable PersonId id, RedirectAttributes redirect) {
		fromAssessment.start(actor, id);
		redirect.addFlashAttribute("saved", "careplan.started");
		return "redirect:/people/" + id + "/care-plan";
	}

	@PostMapping("/people/{id}/care-plan/outcomes")
	String addOutcome(Actor actor, @PathVariable PersonId id, @RequestParam(defaultValue = "") String words,
			RedirectAttributes redirect) {
		try {
			carePlans.addOutcome(actor, id, words);
			redirect.addFlashAttribute("saved", "careplan.outcome.saved");
		}
		catch (CarePlanRule ex) {
			redirect.addFlashAttribute("outcomeError", ex.getMessage());
		}
		return "redirect:/people/" + id + "/care-plan#outcomes";
	}

	@GetMapping("/people/{id}/care-plan/objectives/new")
	String newObjective(Actor actor, @PathVariable PersonId id, Model model) {
		model.addAttribute("objectiveForm", ObjectiveForm.empty());
		return objectiveForm(actor, id, null, model);
	}

	@GetMapping("/people/{id}/care-plan/objectives/{objectiveId}/edit")
	String editObjective(Actor actor, @PathVariable PersonId id, @PathVariable java.util.UUID objectiveId,
			Model model) {
		Objective objective = plan(actor, id).objective(objectiveId);
		if (objective == null) {
			throw new NotFoundException("CarePlanObjective", objectiveId);
		}
		model.addAttribute("objectiveForm", ObjectiveForm.of(objective));
		return objectiveForm(actor, id, objectiveId, model);
	}

	@PostMapping({ "/people/{id}/care-plan/objectives", "/people/{id}/care-plan/objectives/{objectiveId}" })
	String saveObjective(Actor actor, @PathVariable PersonId id,
			@PathVariable(required = false) java.util.UUID objectiveId,
			@Valid @ModelAttribute("objectiveForm") ObjectiveForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.dateTypedButInvalid()) {
			result.rejectValue("targetDay", "invalid-date",
					"The target date must be a real date, for example 27 3 2027");
		}
		if (result.hasErrors()) {
			return objectiveForm(actor, id, objectiveId, model);
		}
		try {
			if (objectiveId == null) {
				carePlans.addObjective(actor, id, form.toObjective());
			}
			else {
				carePlans.changeObjective(actor, id, objectiveId, form.version() == null ? -1 : form.version(),
						form.toObjective());
			}
		}
		catch (CarePlanRule ex) {
			Rules.reject(result, ex);
			return objectiveForm(actor, id, objectiveId, model);
		}
		catch (ConcurrentEditException ex) {
			result.reject("careplan.objective.conflict");
			return objectiveForm(actor, id, objectiveId, model);
		}
		redirect.addFlashAttribute("saved", "careplan.objective.saved");
		return "redirect:/people/" + id + "/care-plan#objectives";
	}

	@PostMapping("/people/{id}/care-plan/next-review")
	String scheduleReview(Actor actor, @PathVariable PersonId id, @RequestParam long version,
			@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String month,
			@RequestParam(defaultValue = "") String year, RedirectAttributes redirect) {
		try {
			carePlans.scheduleReview(actor, id, version, Dates.of(day, month, year));
			redirect.addFlashAttribute("saved", "careplan.review.scheduled");
		}
		catch (CarePlanRule ex) {
			redirect.addFlashAttribute("reviewDateError", ex.getMessage());
		}
		return "redirect:/people/" + id + "/care-plan#reviews";
	}

	private String objectiveForm(Actor actor, PersonId id, java.util.UUID objectiveId, Model model) {
		CarePlanView plan = plan(actor, id);
		model.addAttribute("personId", id);
		model.addAttribute("objectiveId", objectiveId);
		model.addAttribute("outcomes", plan.outcomes());
		model.addAttribute("needGroups", page.needGroups(actor, id));
		model.addAttribute("partnerOptions", carePlans.partnerOptions(id));
		return "careplan/objective-form";
	}

	private CarePlanView plan(Actor actor, PersonId id) {
		return carePlans.plan(actor, id).orElseThrow(() -> new NotFoundException("CarePlan", id));
	}

}
