package care.seamless.careplan.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.careplan.CarePlanRule;
import care.seamless.careplan.PlanDiscussions;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Contingency, risks and options: small forms on the plan page itself. A refused save
 * shows the plan page again with what was typed and the message beside the field; nothing
 * is half-saved.
 */
@PageController
class DiscussionController {

	private final PlanDiscussions discussions;

	private final PlanPage page;

	DiscussionController(PlanDiscussions discussions, PlanPage page) {
		this.discussions = discussions;
		this.page = page;
	}

	record ContingencyForm(@Nullable String version, @Nullable String inACrisis, @Nullable String outOfHoursContact) {
	}

	record RiskForm(@Nullable String description, @Nullable String personsChoice, @Nullable String howWeReduceIt,
			@Nullable String category) {
	}

	record DecisionForm(@Nullable String question, @Nullable List<String> option, @Nullable List<String> optionView) {
	}

	record OptionViewForm(@Nullable String view) {
	}

	record ChoiceForm(@Nullable String version, @Nullable String optionId, @Nullable String inOwnWords) {
	}

	@PostMapping("/people/{id}/care-plan/contingency")
	String contingency(Actor actor, @PathVariable PersonId id, @ModelAttribute("contingencyForm") ContingencyForm form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (Typed.unreadable(form.version(), Long::valueOf)) {
			return refuse(actor, id, "contingency", "contingency", page.text("careplan.invalid.form"), model, response);
		}
		try {
			discussions.saveContingency(actor, id, Typed.read(form.version(), Long::valueOf), form.inACrisis(),
					form.outOfHoursContact());
		}
		catch (CarePlanRule ex) {
			return refuse(actor, id, "contingency", ex, (field) -> field, model, response);
		}
		return saved(id, "contingency", redirect);
	}

	@PostMapping("/people/{id}/care-plan/risks")
	String risk(Actor actor, @PathVariable PersonId id, @ModelAttribute("riskForm") RiskForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		// A category that is not one of the choices reads as none, which the plan refuses
		// together with anything else missing; the form says why.
		Map<String, String> unreadable = Typed.unreadable(form.category(), DataCategory::valueOf)
				? Map.of("risk-category", page.text("careplan.invalid.category")) : Map.of();
		try {
			discussions.addRisk(actor, id, form.description(), form.personsChoice(), form.howWeReduceIt(),
					Typed.read(form.category(), DataCategory::valueOf));
		}
		catch (CarePlanRule ex) {
			return refuse(actor, id, "risk", ex, (field) -> "risk-" + field, unreadable, model, response);
		}
		return saved(id, "risks", redirect);
	}

	@PostMapping("/people/{id}/care-plan/decisions")
	String decision(Actor actor, @PathVariable PersonId id, @ModelAttribute("decisionForm") DecisionForm form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			discussions.addDecision(actor, id, form.question(), form.option() == null ? List.of() : form.option(),
					form.optionView() == null ? List.of() : form.optionView(), DataCategory.GENERAL);
		}
		catch (CarePlanRule ex) {
			return refuse(actor, id, "decision", ex, (field) -> field.equals("options") ? "option-1" : field, model,
					response);
		}
		return saved(id, "options", redirect);
	}

	@PostMapping("/people/{id}/care-plan/options/{optionId}/views")
	String view(Actor actor, @PathVariable PersonId id, @PathVariable UUID optionId,
			@ModelAttribute("optionViewForm") OptionViewForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			discussions.addView(actor, id, optionId, form.view());
		}
		catch (CarePlanRule ex) {
			return refuse(actor, id, "view-" + optionId, "view-" + optionId, ex.getMessage(), model, response);
		}
		return saved(id, "options", redirect);
	}

	@PostMapping("/people/{id}/care-plan/decisions/{decisionId}/choice")
	String choice(Actor actor, @PathVariable PersonId id, @PathVariable UUID decisionId,
			@ModelAttribute("choiceForm") ChoiceForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		String refused = "choice-" + decisionId;
		Long version = Typed.read(form.version(), Long::valueOf);
		if (version == null) {
			return refuse(actor, id, refused, "decision-" + decisionId, page.text("careplan.invalid.form"), model,
					response);
		}
		// An option that is not one of this decision's reads as none, which the plan
		// refuses together with missing words; the form says why.
		Map<String, String> unreadable = Typed.unreadable(form.optionId(), UUID::fromString)
				? Map.of("choice-" + decisionId, page.text("careplan.invalid.option")) : Map.of();
		try {
			discussions.recordChoice(actor, id, decisionId, version, Typed.read(form.optionId(), UUID::fromString),
					form.inOwnWords());
		}
		catch (CarePlanRule ex) {
			return refuse(actor, id, refused, ex,
					(field) -> (field.equals("optionId") ? "choice-" : "words-") + decisionId, unreadable, model,
					response);
		}
		return saved(id, "options", redirect);
	}

	private String refuse(Actor actor, PersonId id, String form, String field, String message, Model model,
			HttpServletResponse response) {
		return page.refuse(actor, id, form, Map.of(field, message), model, response);
	}

	/** Every broken rule at once, each beside the field the page shows it on. */
	private String refuse(Actor actor, PersonId id, String form, CarePlanRule rule,
			java.util.function.UnaryOperator<String> fieldOnPage, Model model, HttpServletResponse response) {
		return refuse(actor, id, form, rule, fieldOnPage, Map.of(), model, response);
	}

	/**
	 * Every broken rule at once; a value the form could not read keeps the form's own
	 * message on its field.
	 */
	private String refuse(Actor actor, PersonId id, String form, CarePlanRule rule,
			java.util.function.UnaryOperator<String> fieldOnPage, Map<String, String> unreadable, Model model,
			HttpServletResponse response) {
		Map<String, String> errors = new java.util.LinkedHashMap<>(unreadable);
		rule.violations()
			.forEach((violation) -> errors.putIfAbsent(fieldOnPage.apply(violation.field()), violation.message()));
		return page.refuse(actor, id, form, errors, model, response);
	}

	private static String saved(PersonId id, String section, RedirectAttributes redirect) {
		redirect.addFlashAttribute("saved", "careplan.saved");
		return "redirect:/people/" + id + "/care-plan#" + section;
	}

}
