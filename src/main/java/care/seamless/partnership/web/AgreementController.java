package care.seamless.partnership.web;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import care.seamless.partnership.AgreementRule;
import care.seamless.partnership.AgreementStatus;
import care.seamless.partnership.Agreements;
import care.seamless.partnership.NewAgreement;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Purpose;
import care.seamless.team.Directory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Information-sharing agreements, for administrators and Caldicott guardians. */
@Controller
class AgreementController {

	private final Agreements agreements;

	private final Directory directory;

	AgreementController(Agreements agreements, Directory directory) {
		this.agreements = agreements;
		this.directory = directory;
	}

	record AgreementForm(@NotBlank(message = "{agreement.title.required}") String title,
			@NotBlank(message = "{agreement.lawfulBasis.required}") String lawfulBasis, Set<OrganisationId> parties,
			Set<Purpose> purposes, Set<DataCategory> categories,
			@NotNull(message = "{agreement.startDate.required}") LocalDate startDate,
			@NotNull(message = "{agreement.reviewDate.required}") LocalDate reviewDate,
			@NotNull(message = "{agreement.status.required}") AgreementStatus status) {
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
					new AgreementForm(null, null, Set.of(), Set.of(Purpose.DIRECT_CARE), Set.of(DataCategory.GENERAL),
							LocalDate.now(), LocalDate.now().plusYears(1), AgreementStatus.ACTIVE));
		}
		return "partnership/agreements";
	}

	@PostMapping("/agreements")
	String create(Actor actor, @Valid @ModelAttribute("agreementForm") AgreementForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				agreements.create(actor,
						new NewAgreement(form.title().trim(), form.lawfulBasis().trim(), orEmpty(form.parties()),
								orEmpty(form.purposes()), orEmpty(form.categories()), form.startDate(),
								form.reviewDate(), form.status()));
				redirect.addFlashAttribute("saved", "agreement.created");
				return "redirect:/agreements";
			}
			catch (AgreementRule ex) {
				result.rejectValue(ex.field(), "rule", ex.getMessage());
			}
		}
		return list(model);
	}

	@PostMapping("/agreements/{id}/status")
	String changeStatus(Actor actor, @PathVariable UUID id, @RequestParam long version,
			@RequestParam AgreementStatus status, RedirectAttributes redirect) {
		agreements.changeStatus(actor, id, version, status);
		redirect.addFlashAttribute("saved", "agreement.updated");
		return "redirect:/agreements";
	}

	private static <T> Set<T> orEmpty(Set<T> values) {
		return values == null ? Set.of() : values;
	}

}
