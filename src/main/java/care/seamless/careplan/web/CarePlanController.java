package care.seamless.careplan.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.seamless.careplan.CarePlanRule;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PlanFromAssessment;
import care.seamless.careplan.Objective;
import care.seamless.careplan.Section;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The plan page, starting a plan, the person's outcomes and the objectives. */
@PageController
class CarePlanController {

	private final CarePlans carePlans;

	private final PlanPage page;

	private final PlanFromAssessment fromAssessment;

	CarePlanController(CarePlans carePlans, PlanPage page, PlanFromAssessment fromAssessment) {
		this.fromAssessment = fromAssessment;
		this.carePlans = carePlans;
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
		if (plan.isEmpty()) {
			model.addAttribute("personId", id);
			model.addAttribute("personName", page.name(actor, id));
			model.addAttribute("mayChange", carePlans.mayChange(actor, id));
			fromAssessment.basis(actor, id).ifPresent((episode) -> model.addAttribute("basis", episode));
			model.addAttribute("needsFound",
					fromAssessment.needsFound(actor, id)
						.stream()
						.map((need) -> page.needWords(actor, need.code()))
						.toList());
			return "careplan/start";
		}
		return page.show(actor, plan.get(), model);
	}

	@PostMapping("/people/{id}/care-plan")
	String start(Actor actor, @PathVariable PersonId id, RedirectAttributes redirect) {
		fromAssessment.start(actor, id);
		redirect.addFlashAttribute("saved", "careplan.started");
		return "redirect:/people/" + id + "/care-plan";
	}

	@PostMapping("/people/{id}/care-plan/outcomes")
	String addOutcome(Actor actor, @PathVariable PersonId id, @RequestParam(defaultValue = "") String words,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			carePlans.addOutcome(actor, id, words);
		}
		catch (CarePlanRule ex) {
			model.addAttribute("outcomeWords", words);
			return page.refuse(actor, id, "outcome", Map.of("words", ex.getMessage()), model, response);
		}
		redirect.addFlashAttribute("saved", "careplan.outcome.saved");
		return "redirect:/people/" + id + "/care-plan#outcomes";
	}

	@GetMapping("/people/{id}/care-plan/objectives/new")
	String newObjective(Actor actor, @PathVariable PersonId id, Model model) {
		model.addAttribute("objectiveForm", ObjectiveForm.empty());
		return objectiveForm(actor, id, null, model);
	}

	@GetMapping("/people/{id}/care-plan/objectives/{objectiveId}/edit")
	String editObjective(Actor actor, @PathVariable PersonId id, @PathVariable UUID objectiveId, Model model) {
		Objective objective = plan(actor, id).objective(objectiveId);
		if (objective == null) {
			throw new NotFoundException("CarePlanObjective", objectiveId);
		}
		model.addAttribute("objectiveForm", ObjectiveForm.of(objective));
		return objectiveForm(actor, id, objectiveId, model);
	}

	@PostMapping({ "/people/{id}/care-plan/objectives", "/people/{id}/care-plan/objectives/{objectiveId}" })
	String saveObjective(Actor actor, @PathVariable PersonId id,
			@PathVariable(required = false) @Nullable UUID objectiveId,
			@Valid @ModelAttribute("objectiveForm") ObjectiveForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		form.check(result);
		if (result.hasErrors()) {
			Rules.reject(result, carePlans.objectiveProblems(actor, id, form.toObjective()));
			return refused(actor, id, objectiveId, model, response, HttpServletResponse.SC_BAD_REQUEST);
		}
		try {
			if (objectiveId == null) {
				carePlans.addObjective(actor, id, form.toObjective());
			}
			else {
				carePlans.changeObjective(actor, id, objectiveId, form.versionRead(), form.toObjective());
			}
		}
		catch (CarePlanRule ex) {
			Rules.reject(result, ex);
			return refused(actor, id, objectiveId, model, response, HttpServletResponse.SC_BAD_REQUEST);
		}
		catch (ConcurrentEditException ex) {
			result.reject("careplan.objective.conflict");
			return refused(actor, id, objectiveId, model, response, HttpServletResponse.SC_CONFLICT);
		}
		redirect.addFlashAttribute("saved", "careplan.objective.saved");
		return "redirect:/people/" + id + "/care-plan#objectives";
	}

	/**
	 * The date of the next review; a refused date comes back as typed, beside the field.
	 */
	@PostMapping("/people/{id}/care-plan/next-review")
	String scheduleReview(Actor actor, @PathVariable PersonId id, @ModelAttribute("nextReviewForm") NextReviewForm form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Long version = Typed.read(form.version(), Long::valueOf);
		if (version == null) {
			return page.refuse(actor, id, "next-review", Map.of("reviews", page.text("careplan.invalid.form")), model,
					response);
		}
		try {
			carePlans.scheduleReview(actor, id, version, Dates.of(form.day(), form.month(), form.year()));
		}
		catch (CarePlanRule ex) {
			return page.refuse(actor, id, "next-review", Map.of("review-day", ex.getMessage()), model, response);
		}
		redirect.addFlashAttribute("saved", "careplan.review.scheduled");
		return "redirect:/people/" + id + "/care-plan#reviews";
	}

	record NextReviewForm(@Nullable String version, @Nullable String day, @Nullable String month,
			@Nullable String year) {
	}

	private String refused(Actor actor, PersonId id, @Nullable UUID objectiveId, Model model,
			HttpServletResponse response, int status) {
		response.setStatus(status);
		return objectiveForm(actor, id, objectiveId, model);
	}

	private String objectiveForm(Actor actor, PersonId id, @Nullable UUID objectiveId, Model model) {
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
