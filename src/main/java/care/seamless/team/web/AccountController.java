package care.seamless.team.web;

import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.team.AccountDetails;
import care.seamless.team.Accounts;
import care.seamless.team.DirectoryRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each person's own account: their password (chosen here after an administrator's reset,
 * before anything else). The second factor is set up in the web module, which keeps the
 * session's sign-in steps.
 */
@PageController
@RequestMapping("/account")
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	record PasswordForm(@Size(max = 200) String currentPassword,
			@NotBlank(message = "{account.newPassword.required}") @Size(max = 200,
					message = "{account.newPassword.tooLong}") String newPassword,
			String confirmPassword) {
	}

	@GetMapping
	String account(Actor actor, Model model) {
		model.addAttribute("account", accounts.details(actor.accountId()));
		return "account/index";
	}

	@GetMapping("/password")
	String passwordForm(Actor actor, Model model) {
		model.addAttribute("passwordForm", new PasswordForm(null, null, null));
		return passwordPage(actor, model);
	}

	@PostMapping("/password")
	String changePassword(Actor actor, @Validated @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword") && !form.newPassword().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "mismatch", "The two new passwords are not the same");
		}
		if (!result.hasErrors()) {
			try {
				accounts.changeOwnPassword(actor, form.currentPassword(), form.newPassword());
				redirect.addFlashAttribute("saved", "account.password.changed");
				return "redirect:/";
			}
			catch (DirectoryRule ex) {
				result.rejectValue(ex.field(), "rule", ex.getMessage());
			}
		}
		return passwordPage(actor, model);
	}

	private String passwordPage(Actor actor, Model model) {
		AccountDetails account = accounts.details(actor.accountId());
		model.addAttribute("forced", account.mustChangePassword());
		return "account/password";
	}

}
