package care.seamless.partnership.web;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import care.seamless.partnership.AgreementRule;
import care.seamless.partnership.AgreementStatus;
import care.seamless.partnership.Agreements;
import care.seamless.partnership.NewAgreement;
import care.seamless.shared.Actor;
import care.seamless.shared.CalendarDates;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PageController;
import care.seamless.shared.Purpose;
import care.seamless.shared.Violation;
import care.seamless.team.Directory;
import care.seamless.team.Organisation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Information-sharing agreements, for administrators and Caldicott guardians. */
@PageController
class AgreementController {

	private final Agreements agreements;

	private final Directory directory;

	AgreementController(Agreements agreements, Directory directory) {
		this.agreements = agreements;
		this.directory = directory;
	}

	/**
	 * The form as sent: choices and dates are text, so that a date typed by hand that is
	 * not a date, or a choice the form did not offer, is named on its field with every
	 * other problem and the form comes back as typed.
	 */
	record AgreementForm(@NotBlank(message = "{agreement.title.required}") String title,
			@NotBlank(message = "{agreement.lawfulBasis.required}") String lawfulBasis, Set<String> parties,
			Set<String> purposes, Set<String> categories, String startDate, String reviewDate, String status) {

		public boolean chose(Set<String> chosen, Object value) {
			return chosen != null && chosen.contains(value.toString());
		}

	}

	@GetMapping("/agreements")
	String list(Model model) {
		model.addAttribute("agreements", agreements.all());
		model.addAttribute("organisations", directory.organisations());
		model.addAttribute("purposes", Purpose.values());
		model.addAttribute("categories", DataCategory.values());
		model.addAttribute("statuses", AgreementStatus.values());
		model.addAttribute("today", LocalDate.now());
		if (!model.containsAttribute("agreementForm")) {
			model.addAttribute("agreementForm",
					new AgreementForm(null, null, Set.of(), Set.of(Purpose.DIRECT_CARE.name()),
							Set.of(DataCategory.GENERAL.name()), LocalDate.now().toString(),
							LocalDate.now().plusYears(1).toString(), AgreementStatus.ACTIVE.name()));
		}
		return "partnership/agreements";
	}

	@PostMapping("/agreements")
	String create(Actor actor, @Valid @ModelAttribute("agreementForm") AgreementForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Set<OrganisationId> offered = directory.organisations()
			.stream()
			.map(Organisation::id)
			.collect(Collectors.toSet());
		Set<OrganisationId> parties = chosen(form.parties(), OrganisationId::of, "parties", "agreement.parties.unknown",
				result);
		if (!offered.containsAll(parties) && !result.hasFieldErrors("parties")) {
			result.rejectValue("parties", "agreement.parties.unknown");
		}
		Set<Purpose> purposes = chosen(form.purposes(), Purpose::valueOf, "purposes", "agreement.purposes.unknown",
				result);
		Set<DataCategory> categories = chosen(form.categories(), DataCategory::valueOf, "categories",
				"agreement.categories.unknown", result);
		LocalDate startDate = date(form.startDate(), "startDate", result);
		LocalDate reviewDate = date(form.reviewDate(), "reviewDate", result);
		AgreementStatus status = read(form.status(), AgreementStatus::valueOf);
		if (status == null) {
			result.rejectValue("status", "agreement.status.required");
		}
		for (Violation violation : Agreements.problemsWith(parties.size(), purposes.isEmpty(), categories.isEmpty(),
				startDate, reviewDate)) {
			if (!result.hasFieldErrors(violation.field())) {
				result.rejectValue(violation.field(), "rule", violation.message());
			}
		}
		if (!result.hasErrors()) {
			try {
				agreements.create(actor, new NewAgreement(form.title().trim(), form.lawfulBasis().trim(), parties,
						purposes, categories, startDate, reviewDate, status));
				redirect.addFlashAttribute("saved", "agreement.created");
				return "redirect:/agreements";
			}
			catch (AgreementRule ex) {
				result.rejectValue(ex.field(), "rule", ex.getMessage());
			}
		}
		return list(model);
	}

	/**
	 * A one-button action: only a tampered request sends a status or version that cannot
	 * be read, and it gets the "could not be read" page naming the field.
	 */
	@PostMapping("/agreements/{id}/status")
	String changeStatus(Actor actor, @PathVariable UUID id, @RequestParam long version,
			@RequestParam AgreementStatus status, RedirectAttributes redirect) {
		agreements.changeStatus(actor, id, version, status);
		redirect.addFlashAttribute("saved", "agreement.updated");
		return "redirect:/agreements";
	}

	/** The choices sent; one that is not offered is named on the field, never dropped. */
	private static <T> Set<T> chosen(Set<String> sent, Function<String, T> parser, String field, String code,
			BindingResult result) {
		Set<T> values = new LinkedHashSet<>();
		if (sent == null) {
			return values;
		}
		for (String text : sent) {
			T value = read(text, parser);
			if (value == null) {
				if (!result.hasFieldErrors(field)) {
					result.rejectValue(field, code);
				}
			}
			else {
				values.add(value);
			}
		}
		return values;
	}

	private static @Nullable LocalDate date(String text, String field, BindingResult result) {
		if (text == null || text.isBlank()) {
			result.rejectValue(field, "agreement." + field + ".required");
			return null;
		}
		LocalDate date = CalendarDates.parse(text).orElse(null);
		if (date == null) {
			result.rejectValue(field, "agreement." + field + ".invalid");
		}
		return date;
	}

	private static <T> @Nullable T read(String text, Function<String, T> parser) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return parser.apply(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
