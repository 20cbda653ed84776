package care.seamless.team.web;

import java.util.EnumSet;
import java.util.Set;

import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.shared.Violation;
import care.seamless.team.Directory;
import care.seamless.team.DirectoryRule;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage the partnership's organisations, teams and accounts. */
@Controller
@RequestMapping("/admin")
class AdminController {

	private final Directory directory;

	AdminController(Directory directory) {
		this.directory = directory;
	}

	record OrganisationForm(
			@NotBlank(message = "{admin.code.required}") @Pattern(regexp = "^[A-Z0-9]{3,10}$",
					message = "{admin.code.invalid}") String code,
			@NotBlank(message = "{admin.name.required}") @Size(max = 200) String name,
			@NotNull(message = "{admin.kind.required}") OrganisationKind kind) {
	}

	record TeamForm(@NotNull(message = "{admin.organisation.required}") OrganisationId organisationId,
			@NotBlank(message = "{admin.name.required}") String name) {
	}

	record AccountForm(@NotNull(message = "{admin.organisation.required}") OrganisationId organisationId,
			@NotBlank(message = "{admin.givenName.required}") String givenName,
			@NotBlank(message = "{admin.familyName.required}") String familyName,
			@NotNull(message = "{admin.profession.required}") Profession profession,
			@Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{admin.email.invalid}") String email,
			TeamId teamId, Boolean teamManager,
			@NotBlank(message = "{admin.username.required}") @Pattern(regexp = "^[a-z0-9._-]{3,40}$",
					message = "{admin.username.invalid}") String username,
			@NotBlank(message = "{admin.password.required}") String password, Set<Role> roles) {
	}

	@ModelAttribute("kinds")
	OrganisationKind[] kinds() {
		return OrganisationKind.values();
	}

	@ModelAttribute("professions")
	Profession[] professions() {
		return Profession.values();
	}

	@ModelAttribute("allRoles")
	Role[] roles() {
		return Role.staff().toArray(Role[]::new);
	}

	@GetMapping
	String index(Model model) {
		model.addAttribute("organisations", directory.organisations());
		model.addAttribute("teams", directory.teams());
		if (!model.containsAttribute("organisationForm")) {
			model.addAttribute("organisationForm", new OrganisationForm(null, null, null));
		}
		if (!model.containsAttribute("teamForm")) {
			model.addAttribute("teamForm", new TeamForm(null, null));
		}
		return "admin/index";
	}

	@PostMapping("/organisations")
	String createOrganisation(Actor actor, @Valid @ModelAttribute("organisationForm") OrganisationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				directory.createOrganisation(actor, form.code(), form.name().trim(), form.kind());
				redirect.addFlashAttribute("saved", "admin.organisation.created");
				return "redirect:/admin";
			}
			catch (DirectoryRule ex) {
				result.rejectValue(ex.field(), "rule", ex.getMessage());
			}
		}
		return index(model);
	}

	@PostMapping("/teams")
	String createTeam(Actor actor, @Valid @ModelAttribute("teamForm") TeamForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return index(model);
		}
		try {
			directory.createTeam(actor, form.organisationId(), form.name().trim());
		}
		catch (DirectoryRule ex) {
			result.rejectValue(ex.field(), "rule", ex.getMessage());
			return index(model);
		}
		redirect.addFlashAttribute("saved", "admin.team.created");
		return "redirect:/admin";
	}

	@GetMapping("/accounts")
	String accounts(Model model) {
		model.addAttribute("accounts", directory.accounts());
		model.addAttribute("locked", directory.lockedAccounts());
		model.addAttribute("organisations", directory.organisations());
		model.addAttribute("teams", directory.teams());
		if (!model.containsAttribute("accountForm")) {
			model.addAttribute("accountForm", new AccountForm(null, null, null, null, null, null, false, null, null,
					EnumSet.of(Role.PRACTITIONER)));
		}
		return "admin/accounts";
	}

	@PostMapping("/accounts")
	String createAccount(Actor actor, @Valid @ModelAttribute("accountForm") AccountForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletRequest request) {
		if (result.getTarget() == null) {
			// A value that could not be converted (an unknown profession or role, an
			// organisation that is not an id) leaves the result without its form: the
			// page
			// is shown again with what could be read as text, the errors beside their
			// fields.
			AccountForm typed = new AccountForm(null, request.getParameter("givenName"),
					request.getParameter("familyName"), null, request.getParameter("email"), null, false,
					request.getParameter("username"), null, EnumSet.of(Role.PRACTITIONER));
			BindingResult recovered = new BeanPropertyBindingResult(typed, "accountForm");
			recovered.addAllErrors(result);
			model.addAttribute("accountForm", typed);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "accountForm", recovered);
			return accounts(model);
		}
		// The directory's own rules (a taken username, a weak password) are named with
		// the form's, on one page.
		for (Violation violation : directory.accountProblems(actor, form.organisationId(), form.teamId(),
				form.username(), form.password())) {
			if (!result.hasFieldErrors(violation.field())) {
				result.rejectValue(violation.field(), "rule", violation.message());
			}
		}
		if (!result.hasErrors()) {
			try {
				createPractitionerAndAccount(actor, form);
				redirect.addFlashAttribute("saved", "admin.account.created");
				return "redirect:/admin/accounts";
			}
			catch (DirectoryRule ex) {
				ex.violations().forEach((v) -> result.rejectValue(v.field(), "rule", v.message()));
			}
		}
		return accounts(model);
	}

	@PostMapping("/accounts/{id}/enabled")
	String setEnabled(Actor actor, @PathVariable AccountId id, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		try {
			directory.setAccountEnabled(actor, id, enabled);
		}
		catch (DirectoryRule ex) {
			redirect.addFlashAttribute("refused", ex.getMessage());
			return "redirect:/admin/accounts";
		}
		redirect.addFlashAttribute("saved", enabled ? "admin.account.enabled" : "admin.account.disabled");
		return "redirect:/admin/accounts";
	}

	@PostMapping("/accounts/{id}/unlock")
	String unlock(Actor actor, @PathVariable AccountId id, RedirectAttributes redirect) {
		directory.unlock(actor, id);
		redirect.addFlashAttribute("saved", "admin.account.unlocked");
		return "redirect:/admin/accounts";
	}

	private void createPractitionerAndAccount(Actor actor, AccountForm form) {
		Set<Role> roles = form.roles() == null || form.roles().isEmpty() ? EnumSet.of(Role.PRACTITIONER) : form.roles();
		directory.createAccountForNewPractitioner(actor, form.organisationId(), form.givenName().trim(),
				form.familyName().trim(), form.profession(), form.email(), form.teamId(),
				Boolean.TRUE.equals(form.teamManager()), form.username(), form.password(), roles);
	}

}
