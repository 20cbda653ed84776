package care.seamless.team.web;

import java.util.EnumSet;
import java.util.Set;

import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PageController;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.shared.Violation;
import care.seamless.team.Directory;
import care.seamless.team.DirectoryRule;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage the partnership's organisations, teams and accounts. */
@PageController
@RequestMapping("/admin")
class AdminController {

	private final Directory directory;

	AdminController(Directory directory) {
		this.directory = directory;
	}

	/*
	 * The forms bind their choices and ids as text: one that is not among those offered
	 * (a tampered or stale form) is named on its field with every other problem, and the
	 * form comes back as typed, instead of the whole page being refused.
	 */

	record OrganisationForm(
			@NotBlank(message = "{admin.code.required}") @Pattern(regexp = "^[A-Z0-9]{3,10}$",
					message = "{admin.code.invalid}") String code,
			@NotBlank(message = "{admin.name.required}") @Size(max = 200) String name, String kind) {
	}

	record TeamForm(String organisationId, @NotBlank(message = "{admin.name.required}") String name) {
	}

	record AccountForm(String organisationId, @NotBlank(message = "{admin.givenName.required}") String givenName,
			@NotBlank(message = "{admin.familyName.required}") String familyName, String profession,
			@Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{admin.email.invalid}") String email,
			String teamId, String teamManager,
			@NotBlank(message = "{admin.username.required}") @Pattern(regexp = "^[a-z0-9._-]{3,40}$",
					message = "{admin.username.invalid}") String username,
			@NotBlank(message = "{admin.password.required}") String password, Set<String> roles) {

		public boolean hasRole(Role role) {
			return roles != null && roles.contains(role.name());
		}

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
		OrganisationKind kind = Typed.read(form.kind(), OrganisationKind::valueOf);
		if (kind == null) {
			result.rejectValue("kind", Typed.blank(form.kind()) ? "admin.kind.required" : "admin.kind.unknown");
		}
		if (!result.hasErrors()) {
			try {
				directory.createOrganisation(actor, form.code(), form.name().trim(), kind);
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
		OrganisationId organisation = organisation(form.organisationId(), result);
		if (result.hasErrors()) {
			return index(model);
		}
		try {
			directory.createTeam(actor, organisation, form.name().trim());
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
			model.addAttribute("accountForm", new AccountForm(null, null, null, null, null, null, null, null, null,
					Set.of(Role.PRACTITIONER.name())));
		}
		return "admin/accounts";
	}

	@PostMapping("/accounts")
	String createAccount(Actor actor, @Valid @ModelAttribute("accountForm") AccountForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		OrganisationId organisation = organisation(form.organisationId(), result);
		Profession profession = Typed.read(form.profession(), Profession::valueOf);
		if (profession == null) {
			result.rejectValue("profession",
					Typed.blank(form.profession()) ? "admin.profession.required" : "admin.profession.unknown");
		}
		TeamId team = Typed.read(form.teamId(), TeamId::of);
		if (Typed.unreadable(form.teamId(), TeamId::of)
				|| (team != null && directory.teams().stream().noneMatch((t) -> t.id().equals(team)))) {
			result.rejectValue("teamId", "admin.team.unknown");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (form.roles() != null) {
			for (String sent : form.roles()) {
				Role role = Typed.read(sent, Role::valueOf);
				if (role == null || !Role.staff().contains(role)) {
					if (!result.hasFieldErrors("roles")) {
						result.rejectValue("roles", "admin.roles.unknown");
					}
				}
				else {
					roles.add(role);
				}
			}
		}
		// The directory's own rules (a taken username, a weak password) are named with
		// the form's, on one page.
		for (Violation violation : directory.accountProblems(actor, organisation, team, form.username(),
				form.password())) {
			if (!result.hasFieldErrors(violation.field())) {
				result.rejectValue(violation.field(), "rule", violation.message());
			}
		}
		if (!result.hasErrors()) {
			try {
				directory.createAccountForNewPractitioner(actor, organisation, form.givenName().trim(),
						form.familyName().trim(), profession, form.email(), team, "true".equals(form.teamManager()),
						form.username(), form.password(), roles.isEmpty() ? EnumSet.of(Role.PRACTITIONER) : roles);
				redirect.addFlashAttribute("saved", "admin.account.created");
				return "redirect:/admin/accounts";
			}
			catch (DirectoryRule ex) {
				ex.violations().forEach((v) -> result.rejectValue(v.field(), "rule", v.message()));
			}
		}
		return accounts(model);
	}

	/**
	 * A one-button action: only a tampered request sends an {@code enabled} that is not
	 * true or false, and it gets the "could not be read" page naming the field.
	 */
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

	/** The organisation chosen, named on its field when missing or not one offered. */
	private OrganisationId organisation(String sent, BindingResult result) {
		OrganisationId organisation = Typed.read(sent, OrganisationId::of);
		if (organisation == null && Typed.blank(sent)) {
			result.rejectValue("organisationId", "admin.organisation.required");
		}
		else if (organisation == null
				|| directory.organisations().stream().noneMatch((o) -> o.id().equals(organisation))) {
			result.rejectValue("organisationId", "admin.organisation.unknown");
			return null;
		}
		return organisation;
	}

}
