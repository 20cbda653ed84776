package care.seamless.careplan.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.careplan.CarePlanRule;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PlanReviews;
import care.seamless.careplan.Review;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import care.seamless.shared.Violation;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recording a review with goal attainment scores. Scores arrive as {@code person-<id>}
 * and {@code practitioner-<id>} fields, one pair per objective.
 */
@PageController
class ReviewController {

	private final PlanReviews reviews;

	private final CarePlans carePlans;

	ReviewController(PlanReviews reviews, CarePlans carePlans) {
		this.reviews = reviews;
		this.carePlans = carePlans;
	}

	@GetMapping("/people/{id}/care-plan/reviews/new")
	String newReview(Actor actor, @PathVariable PersonId id, Model model) {
		LocalDate today = LocalDate.now();
		Map<String, String> values = new HashMap<>(Map.of("kind", "SCHEDULED", "day", Dates.day(today), "month",
				Dates.month(today), "year", Dates.year(today)));
		return form(actor, id, values, Map.of(), model);
	}

	@PostMapping("/people/{id}/care-plan/reviews")
	String record(Actor actor, @PathVariable PersonId id, @RequestParam Map<String, String> values, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<UUID, Integer> person = scores(values, "person-", errors);
		Map<UUID, Integer> practitioner = scores(values, "practitioner-", errors);
		Review.Kind kind = kind(values.get("kind"));
		LocalDate heldOn = Dates.of(values.get("day"), values.get("month"), values.get("year"));
		if (errors.isEmpty()) {
			try {
				reviews.record(actor, id, kind, heldOn, values.get("notes"), person, practitioner);
				redirect.addFlashAttribute("saved", "careplan.review.saved");
				return "redirect:/people/" + id + "/care-plan#reviews";
			}
			catch (CarePlanRule ex) {
				onPage(ex.violations(), errors);
			}
		}
		else {
			// Scores the form could not read are named together with the plan's own
			// problems.
			onPage(reviews.problemsWith(actor, id, kind, heldOn, person, practitioner), errors);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(actor, id, values, errors, model);
	}

	private static void onPage(List<Violation> violations, Map<String, String> errors) {
		for (Violation violation : violations) {
			String field = violation.field().startsWith("personScores[") ? "person-" + inside(violation.field())
					: violation.field().startsWith("practitionerScores[") ? "practitioner-" + inside(violation.field())
							: violation.field().equals("heldOn") ? "day" : violation.field();
			errors.putIfAbsent(field, violation.message());
		}
	}

	private static Map<UUID, Integer> scores(Map<String, String> values, String prefix, Map<String, String> errors) {
		Map<UUID, Integer> scores = new HashMap<>();
		values.forEach((name, value) -> {
			if (!name.startsWith(prefix) || value == null || value.isBlank()) {
				return;
			}
			UUID objective = Typed.read(name.substring(prefix.length()), UUID::fromString);
			Integer score = Typed.read(value, Integer::valueOf);
			if (objective == null) {
				errors.put("scores", "Score only the objectives in this plan");
			}
			else if (score == null) {
				errors.put(name, "Each score must be a whole number from -2 to +2");
			}
			else {
				scores.put(objective, score);
			}
		});
		return scores;
	}

	private static Review.Kind kind(String value) {
		try {
			return value == null ? null : Review.Kind.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String inside(String field) {
		return field.substring(field.indexOf('[') + 1, field.indexOf(']'));
	}

	private String form(Actor actor, PersonId id, Map<String, String> values, Map<String, String> errors, Model model) {
		CarePlanView plan = carePlans.plan(actor, id).orElseThrow(() -> new NotFoundException("CarePlan", id));
		model.addAttribute("personId", id);
		model.addAttribute("objectives", plan.objectives());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", Review.Kind.values());
		return "careplan/review-form";
	}

}
