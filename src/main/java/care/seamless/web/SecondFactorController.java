package care.seamless.web;

import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.team.Accounts;
import care.seamless.team.SignInThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The optional second factor: setting it up on the person's own account page, and the
 * second step of signing in, the code from their authenticator app. Wrong codes at
 * sign-in count towards the same lockout as wrong passwords.
 */
@PageController
class SecondFactorController {

	private final Accounts accounts;

	private final SignInThrottle throttle;

	SecondFactorController(Accounts accounts, SignInThrottle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@PostMapping("/account/two-factor")
	String startSetup(Actor actor, Model model) {
		model.addAttribute("setup", accounts.startSecondFactor(actor));
		return "account/two-factor";
	}

	@PostMapping("/account/two-factor/confirm")
	String confirmSetup(Actor actor, @RequestParam(defaultValue = "") String code, HttpSession session, Model model,
			RedirectAttributes redirect) {
		if (code.length() <= 20 && accounts.confirmSecondFactor(actor, code)) {
			// This session has just given a code, so it is not asked for another.
			session.setAttribute(SignInSteps.SECOND_FACTOR_GIVEN, actor.accountId().toString());
			redirect.addFlashAttribute("saved", "account.twoFactor.on");
			return "redirect:/account";
		}
		// A new secret rather than the old one shown again, so a secret is never kept
		// anywhere it could be read back.
		model.addAttribute("setup", accounts.startSecondFactor(actor));
		model.addAttribute("codeRefused", true);
		return "account/two-factor";
	}

	@PostMapping("/account/two-factor/remove")
	String remove(Actor actor, RedirectAttributes redirect) {
		accounts.removeSecondFactor(actor, actor.accountId());
		redirect.addFlashAttribute("saved", "account.twoFactor.off");
		return "redirect:/account";
	}

	@GetMapping(SignInSteps.CODE_PAGE)
	String form() {
		return "sign-in-code";
	}

	@PostMapping(SignInSteps.CODE_PAGE)
	String check(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpSession session,
			Model model) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
			return "redirect:/login";
		}
		String address = request.getRemoteAddr();
		boolean held = throttle.held(user.getUsername(), address);
		if (held || code.length() > 20 || !accounts.verifySecondFactor(user.accountId(), code)) {
			if (!held) {
				throttle.failed(user.getUsername(), address);
			}
			model.addAttribute("codeRefused", true);
			return "sign-in-code";
		}
		throttle.succeeded(user.getUsername());
		session.setAttribute(SignInSteps.SECOND_FACTOR_GIVEN, user.accountId().toString());
		return "redirect:" + SignInSteps.returnTo(session);
	}

}
