package care.seamless.consent.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import care.seamless.consent.ChoiceChange;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.ConsentRule;
import care.seamless.consent.HowGiven;
import care.seamless.consent.HowAsked;
import care.seamless.consent.NewChoice;
import care.seamless.consent.ObjectionAgainstOwnOrganisation;
import care.seamless.consent.OverrideReason;
import care.seamless.consent.Overrides;
import care.seamless.consent.PersonChoice;
import care.seamless.consent.RequestedBy;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.team.Directory;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's choices about sharing, their capacity, best interests, and break-glass
 * access.
 */
@Controller
class ConsentController {

	private final Choices choices;

	private final Overrides overrides;

	private final Directory directory;

	ConsentController(Choices choices, Overrides overrides, Directory directory) {
		this.choices = choices;
		this.overrides = overrides;
		this.directory = directory;
	}

	record ChoiceForm(@NotNull(message = "{choice.kind.required}") ChoiceKind kind, OrganisationId organisationId,
			DataCategory category, @NotNull(message = "{choice.howGiven.required}") HowGiven howGiven,
			LocalDate effectiveFrom, LocalDate expiresOn) {
	}

	record WithdrawForm(RequestedBy requestedBy, String requesterName, UUID bestInterestsDecisionId, HowAsked howAsked,
			String reason) {
	}

	/**
	 * The five questions of the capacity test as sent: text, so that a missing or
	 * unreadable answer is named on its own question, all at once.
	 */
	record CapacityForm(@Nullable String impairment, @Nullable String canUnderstand, @Nullable String canRetain,
			@Nullable String canWeigh, @Nullable String canCommunicate, @Nullable String notes) {

		static final List<String> QUESTIONS = List.of("impairment", "canUnderstand", "canRetain", "canWeigh",
				"canCommunicate");

		List<@Nullable String> answers() {
			return Arrays.asList(impairment, canUnderstand, canRetain, canWeigh, canCommunicate);
		}

		/** Puts "answer this question" on each question without a yes or a no. */
		void check(BindingResult result) {
			List<@Nullable String> answers = answers();
			for (int i = 0; i < QUESTIONS.size(); i++) {
				if (answer(answers.get(i)) == null) {
					result.rejectValue(QUESTIONS.get(i), "capacity.answer.required");
				}
			}
		}

		static @Nullable Boolean answer(@Nullable String text) {
			return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
		}

	}

	/** The Mental Capacity Act's rules on it are the domain's, reported all at once. */
	record BestInterestsForm(UUID capacityAssessmentId, ChoiceKind outcome, OrganisationId organisationId,
			DataCategory category, String decision, String peopleConsulted, String attorneyOrDeputy, String advocate) {
	}

	record OverrideForm(@NotNull(message = "{override.reason.required}") OverrideReason reasonCode, String reasonText) {
	}

	@ModelAttribute("organisations")
	Object organisations() {
		return directory.organisations();
	}

	@ModelAttribute("categories")
	DataCategory[] categories() {
		return DataCategory.values();
	}

	@ModelAttribute("choiceKinds")
	ChoiceKind[] choiceKinds() {
		return ChoiceKind.values();
	}

	@ModelAttribute("howGivenValues")
	HowGiven[] howGiven() {
		return new HowGiven[] { HowGiven.VERBAL, HowGiven.WRITTEN, HowGiven.PORTAL };
	}

	@ModelAttribute("overrideReasons")
	OverrideReason[] overrideReasons() {
		return OverrideReason.values();
	}

	@GetMapping("/people/{id}/sharing")
	String sharing(Actor actor, @PathVariable PersonId id, Model model) {
		model.addAttribute("personId", id);
		model.addAttribute("choices", choices.choices(actor, id));
		model.addAttribute("assessments", choices.capacityAssessments(actor, id));
		model.addAttribute("decisions", choices.bestInterestsDecisions(actor, id));
		model.addAttribute("today", LocalDate.now());
		if (!model.containsAttribute("choiceForm")) {
			model.addAttribute("choiceForm", new ChoiceForm(null, null, null, null, null, null));
		}
		if (!model.containsAttribute("capacityForm")) {
			model.addAttribute("capacityForm", new CapacityForm(null, null, null, null, null, null));
		}
		if (!model.containsAttribute("bestInterestsForm")) {
			model.addAttribute("bestInterestsForm",
					new BestInterestsForm(null, null, null, null, null, null, null, null));
		}
		return "consent/sharing";
	}

	@PostMapping("/people/{id}/choices")
	String recordChoice(Actor actor, @PathVariable PersonId id, @Valid @ModelAttribute("choiceForm") ChoiceForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				choices.record(actor, id,
						new NewChoice(form.kind(), form.organisationId(), form.category(), form.howGiven(),
								form.effectiveFrom() == null ? LocalDate.now() : form.effectiveFrom(), form.expiresOn(),
								null));
				redirect.addFlashAttribute("saved", "choice.saved");
				return "redirect:/people/" + id + "/sharing";
			}
			catch (ObjectionAgainstOwnOrganisation ex) {
				result.reject("objection-against-own-organisation", ex.getMessage());
			}
			catch (ConsentRule ex) {
				ex.violations().forEach((v) -> result.rejectValue(v.field(), "rule", v.message()));
			}
		}
		return sharing(actor, id, model);
	}

	@GetMapping("/people/{id}/choices/{choiceId}/withdraw")
	String withdrawForm(Actor actor, @PathVariable PersonId id, @PathVariable UUID choiceId, Model model) {
		PersonChoice choice = choices.choices(actor, id)
			.stream()
			.filter(c -> c.id().equals(choiceId) && c.withdrawnAt() == null)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Choice", choiceId));
		model.addAttribute("personId", id);
		model.addAttribute("choice", choice);
		model.addAttribute("representatives", choices.attorneysAndDeputies(id));
		model.addAttribute("decisions", choices.bestInterestsDecisions(actor, id));
		model.addAttribute("requestedByValues", RequestedBy.values());
		model.addAttribute("howAskedValues", HowAsked.values());
		if (!model.containsAttribute("withdrawForm")) {
			model.addAttribute("withdrawForm", new WithdrawForm(null, null, null, null, null));
		}
		return "consent/withdraw";
	}

	/**
	 * The rules (who may ask, how and why are recorded, the organisation an objection is
	 * against may not withdraw it) are the domain's; this only maps them to the form.
	 */
	@PostMapping("/people/{id}/choices/{choiceId}/withdraw")
	String withdraw(Actor actor, @PathVariable PersonId id, @PathVariable UUID choiceId, @RequestParam long version,
			@ModelAttribute("withdrawForm") WithdrawForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				choices.withdraw(actor, id, choiceId, version, new ChoiceChange(form.requestedBy(),
						form.requesterName(), form.bestInterestsDecisionId(), form.howAsked(), form.reason()));
				redirect.addFlashAttribute("saved", "choice.withdrawn.saved");
				return "redirect:/people/" + id + "/sharing";
			}
			catch (ObjectionAgainstOwnOrganisation ex) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				model.addAttribute("refused", ex.getMessage());
			}
			catch (ConsentRule ex) {
				ex.violations().forEach((v) -> result.rejectValue(v.field(), "rule", v.message()));
			}
		}
		return withdrawForm(actor, id, choiceId, model);
	}

	@PostMapping("/people/{id}/capacity")
	String assessCapacity(Actor actor, @PathVariable PersonId id, @ModelAttribute("capacityForm") CapacityForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		form.check(result);
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return sharing(actor, id, model);
		}
		choices.assessCapacity(actor, id, CapacityForm.answer(form.impairment()),
				CapacityForm.answer(form.canUnderstand()), CapacityForm.answer(form.canRetain()),
				CapacityForm.answer(form.canWeigh()), CapacityForm.answer(form.canCommunicate()), form.notes());
		redirect.addFlashAttribute("saved", "capacity.saved");
		return "redirect:/people/" + id + "/sharing";
	}

	@PostMapping("/people/{id}/best-interests")
	String bestInterests(Actor actor, @PathVariable PersonId id,
			@ModelAttribute("bestInterestsForm") BestInterestsForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				choices.decideBestInterests(actor, id, form.capacityAssessmentId(), form.outcome(),
						form.organisationId(), form.category(), form.decision(), form.peopleConsulted(),
						form.attorneyOrDeputy(), form.advocate());
				redirect.addFlashAttribute("saved", "bestInterests.saved");
				return "redirect:/people/" + id + "/sharing";
			}
			catch (ObjectionAgainstOwnOrganisation ex) {
				result.reject("objection-against-own-organisation", ex.getMessage());
			}
			catch (ConsentRule ex) {
				ex.violations().forEach((v) -> result.rejectValue(v.field(), "rule", v.message()));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return sharing(actor, id, model);
	}

	@GetMapping("/people/{id}/override")
	String overrideForm(@PathVariable PersonId id, Model model) {
		model.addAttribute("personId", id);
		if (!model.containsAttribute("overrideForm")) {
			model.addAttribute("overrideForm", new OverrideForm(null, null));
		}
		return "consent/override";
	}

	@PostMapping("/people/{id}/override")
	String breakGlass(Actor actor, @PathVariable PersonId id, @Valid @ModelAttribute("overrideForm") OverrideForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("personId", id);
		if (!result.hasErrors()) {
			try {
				overrides.breakGlass(actor, id, form.reasonCode(), form.reasonText());
				redirect.addFlashAttribute("saved", "override.started");
				return "redirect:/people/" + id;
			}
			catch (ConsentRule ex) {
				ex.violations().forEach((v) -> result.rejectValue(v.field(), "rule", v.message()));
			}
		}
		return "consent/override";
	}

}
