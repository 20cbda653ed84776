package care.seamless.team.web;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PageController;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.team.AccountChange;
import care.seamless.team.AccountDetails;
import care.seamless.team.Accounts;
import care.seamless.team.Directory;
import care.seamless.team.DirectoryRule;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators change an existing account: the practitioner's name, e-mail,
 * organisation and teams, the account's roles; and reset a password with a one-time code.
 */
@PageController
@RequestMapping("/admin/accounts/{id}")
class AccountEditController {

	private final Accounts accounts;

	private final Directory directory;

	AccountEditController(Accounts accounts, Directory directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	record EditForm(@NotNull Long version, @Size(max = 100, message = "{account.name.tooLong}") String givenName,
			@Size(max = 100, message = "{account.name.tooLong}") String familyName,
			@Size(max = 254, message = "{admin.email.invalid}") @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
					message = "{admin.email.invalid}") String email,
			OrganisationId organisationId, Set<TeamId> teams, Set<Role> roles) {
	}

	@ModelAttribute("allRoles")
	Role[] roles() {
		return Role.staff().toArray(Role[]::new);
	}

	@GetMapping
	String form(@PathVariable AccountId id, Model model) {
		AccountDetails account = accounts.details(id);
		model.addAttribute("editForm", fresh(account));
		return page(account, model);
	}

	@PostMapping
	String save(Actor actor, @PathVariable AccountId id, @Validated @ModelAttribute("editForm") @Nullable EditForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		AccountDetails account = accounts.details(id);
		if (result.getTarget() == null) {
			// A value that could not be converted (an unknown role, a team that is not an
			// id) leaves the result without its form: the page is shown again from what
			// could be read, with the errors beside their fields.
			EditForm typed = form == null ? fresh(account) : form;
			BindingResult recovered = new BeanPropertyBindingResult(typed, "editForm");
			recovered.addAllErrors(result);
			model.addAttribute("editForm", typed);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "editForm", recovered);
			return page(account, model);
		}
		if (!result.hasErrors()) {
			try {
				accounts.edit(actor,
						new AccountChange(id, form.version(), form.givenName(), form.familyName(), form.email(),
								form.organisationId(), form.teams() == null ? Set.of() : Set.copyOf(form.teams()),
								form.roles() == null ? Set.of() : Set.copyOf(form.roles())));
				redirect.addFlashAttribute("saved", "admin.account.updated");
				return "redirect:/admin/accounts";
			}
			catch (DirectoryRule ex) {
				result.rejectValue(ex.field(), "rule", ex.getMessage());
			}
			catch (ConcurrentEditException ex) {
				// Shown again with the other person's changes, for this one to be made
				// again on top of them.
				redirect.addFlashAttribute("conflict", true);
				return "redirect:/admin/accounts/" + id;
			}
		}
		return page(account, model);
	}

	@PostMapping("/reset")
	String reset(Actor actor, @PathVariable AccountId id, Model model, RedirectAttributes redirect) {
		try {
			String code = accounts.resetPassword(actor, id);
			model.addAttribute("account", accounts.details(id));
			model.addAttribute("code", code);
			model.addAttribute("validHours", Accounts.RESET_CODE_VALID.toHours());
			return "admin/reset-code";
		}
		catch (DirectoryRule ex) {
			redirect.addFlashAttribute("refused", ex.getMessage());
			return "redirect:/admin/accounts";
		}
	}

	@PostMapping("/second-factor/remove")
	String removeSecondFactor(Actor actor, @PathVariable AccountId id, RedirectAttributes redirect) {
		accounts.removeSecondFactor(actor, id);
		redirect.addFlashAttribute("saved", "admin.account.secondFactorRemoved");
		return "redirect:/admin/accounts/" + id;
	}

	private static EditForm fresh(AccountDetails account) {
		return new EditForm(account.version(), account.givenName(), account.familyName(), account.email(),
				account.organisationId(), new HashSet<>(account.teams()),
				account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles()));
	}

	private String page(AccountDetails account, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("organisations", directory.organisations());
		model.addAttribute("teams", directory.teams());
		return "admin/account";
	}

}
