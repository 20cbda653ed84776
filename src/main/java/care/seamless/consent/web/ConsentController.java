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
import care.seamless.shared.CalendarDates;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import care.seamless.team.Directory;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

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
@PageController
class ConsentController {

	private final Choices choices;

	private final Overrides overrides;

	private final Directory directory;

	ConsentController(Choices choices, Overrides overrides, Directory directory) {
		this.choices = choices;
		this.overrides = overrides;
		this.directory = directory;
	}

	/**
	 * A choice as sent: text, so that a choice not offered or an impossible date is named
	 * on its field with every other problem, and shown again as it was sent.
	 */
	record ChoiceForm(@Nullable String kind, @Nullable String organisationId, @Nullable String category,
			@Nullable String howGiven, @Nullable String effectiveFrom, @Nullable String expiresOn) {
	}

	/**
	 * Who asked, how and which decision, as sent. One that cannot be read counts as not
	 * given, which the domain's rules name.
	 */
	record WithdrawForm(@Nullable String requestedBy, @Nullable String requesterName,
			@Nullable String bestInterestsDecisionId, @Nullable String howAsked, @Nullable String reason) {

		ChoiceChange change() {
			return new ChoiceChange(Sent.read(requestedBy, RequestedBy::valueOf), requesterName,
					Sent.read(bestInterestsDecisionId, UUID::fromString), Sent.read(howAsked, HowAsked::valueOf),
					reason);
		}

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

	/**
	 * The Mental Capacity Act's rules on it are the domain's, reported all at once; the
	 * choices are text so that one not offered is named on its field.
	 */
	record BestInterestsForm(@Nullable String capacityAssessmentId, @Nullable String outcome,
			@Nullable String organisationId, @Nullable String category, @Nullable String decision,
			@Nullable String peopleConsulted, @Nullable String attorneyOrDeputy, @Nullable String advocate) {
	}

	/** The reason as sent: one not offered counts as none chosen. */
	record OverrideForm(@Nullable String reasonCode, @Nullable String reasonText) {
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
		java.util.List<care.seamless.consent.PersonChoice> shown = choices.choices(actor, id);
		model.addAttribute("choices", shown);
		model.addAttribute("withdrawable",
				shown.stream()
					.filter(c -> care.seamless.consent.Choices.mayWithdraw(actor, c))
					.map(care.seamless.consent.PersonChoice::id)
					.collect(java.util.stream.Collectors.toSet()));
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

	/**
	 * An organisation or kind of information that cannot be read is never taken as "all":
	 * that would widen the choice beyond what the person said. It is named on its field,
	 * with the domain's own rules on the rest.
	 */
	@PostMapping("/people/{id}/choices")
	String recordChoice(Actor actor, @PathVariable PersonId id, @ModelAttribute("choiceForm") ChoiceForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ChoiceKind kind = Sent.read(form.kind(), ChoiceKind::valueOf);
		HowGiven howGiven = Sent.read(form.howGiven(), HowGiven::valueOf);
		OrganisationId organisation = offeredOrganisation(form.organisationId(), "organisationId", result);
		DataCategory category = category(form.category(), "category", result);
		LocalDate effectiveFrom = date(form.effectiveFrom(), "effectiveFrom", result);
		LocalDate expiresOn = date(form.expiresOn(), "expiresOn", result);
		if (kind == null) {
			result.rejectValue("kind", "choice.kind.required");
		}
		if (howGiven == null) {
			result.rejectValue("howGiven", "choice.howGiven.required");
		}
		if (result.hasErrors()) {
			choices.problemsWith(actor, id, howGiven)
				.stream()
				.filter((v) -> !result.hasFieldErrors(v.field()))
				.forEach((v) -> result.rejectValue(v.field(), "rule", v.message()));
		}
		else {
			try {
				choices.record(actor, id, new NewChoice(kind, organisation, category, howGiven,
						effectiveFrom == null ? LocalDate.now() : effectiveFrom, expiresOn, null));
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
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return sharing(actor, id, model);
	}

	/** Blank is "all organisations"; anything else must be one of those offered. */
	private @Nullable OrganisationId offeredOrganisation(@Nullable String text, String field, BindingResult result) {
		OrganisationId organisation = Sent.read(text, OrganisationId::of);
		boolean offered = organisation != null
				&& directory.organisations().stream().anyMatch((o) -> o.id().equals(organisation));
		if (text != null && !text.isBlank() && !offered) {
			result.rejectValue(field, "choice.organisation.notOffered");
			return null;
		}
		return organisation;
	}

	/** Blank is "all information"; anything else must be one of the kinds offered. */
	private static @Nullable DataCategory category(@Nullable String text, String field, BindingResult result) {
		if (Sent.unreadable(text, DataCategory::valueOf)) {
			result.rejectValue(field, "choice.category.notOffered");
		}
		return Sent.read(text, DataCategory::valueOf);
	}

	private static LocalDate realDate(String text) {
		return CalendarDates.parse(text).orElseThrow(IllegalArgumentException::new);
	}

	private static @Nullable LocalDate date(@Nullable String text, String field, BindingResult result) {
		if (Sent.unreadable(text, ConsentController::realDate)) {
			result.rejectValue(field, "choice.date.notReal");
		}
		return Sent.read(text, ConsentController::realDate);
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
		try {
			choices.withdraw(actor, id, choiceId, version, form.change());
			redirect.addFlashAttribute("saved", "choice.withdrawn.saved");
			return "redirect:/people/" + id + "/sharing";
		}
		catch (ObjectionAgainstOwnOrganisation ex) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("refused", ex.getMessage());
		}
		catch (ConsentRule ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			ex.violations().forEach((v) -> result.rejectValue(v.field(), "rule", v.message()));
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
		UUID assessment = Sent.read(form.capacityAssessmentId(), UUID::fromString);
		ChoiceKind outcome = Sent.read(form.outcome(), ChoiceKind::valueOf);
		OrganisationId organisation = offeredOrganisation(form.organisationId(), "organisationId", result);
		DataCategory category = category(form.category(), "category", result);
		if (result.hasErrors()) {
			choices.bestInterestsProblems(actor, id, assessment, outcome, form.decision(), form.peopleConsulted())
				.forEach((v) -> result.rejectValue(v.field(), "rule", v.message()));
		}
		else {
			try {
				choices.decideBestInterests(actor, id, assessment, outcome, organisation, category, form.decision(),
						form.peopleConsulted(), form.attorneyOrDeputy(), form.advocate());
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
	String overrideForm(Actor actor, @PathVariable PersonId id, Model model) {
		model.addAttribute("personId", id);
		model.addAttribute("withoutTraining", overrides.withoutTraining(actor));
		if (!model.containsAttribute("overrideForm")) {
			model.addAttribute("overrideForm", new OverrideForm(null, null));
		}
		return "consent/override";
	}

	@PostMapping("/people/{id}/override")
	String breakGlass(Actor actor, @PathVariable PersonId id, @ModelAttribute("overrideForm") OverrideForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("personId", id);
		model.addAttribute("withoutTraining", overrides.withoutTraining(actor));
		try {
			overrides.breakGlass(actor, id, Sent.read(form.reasonCode(), OverrideReason::valueOf), form.reasonText());
			redirect.addFlashAttribute("saved", "override.started");
			return "redirect:/people/" + id;
		}
		catch (ConsentRule ex) {
			ex.violations().forEach((v) -> result.rejectValue(v.field(), "rule", v.message()));
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "consent/override";
	}

}
