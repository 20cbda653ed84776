package care.seamless.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The "Sign in with ..." buttons beside the password form. */
@ControllerAdvice(assignableTypes = HomeController.class)
class SignInProvidersAdvice {

	private final IdentityProviderProperties properties;

	SignInProvidersAdvice(IdentityProviderProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute("identityProviders")
	List<SignInButton> identityProviders() {
		return properties.signInProviders()
			.stream()
			.map(entry -> new SignInButton("/oauth2/authorization/" + entry.getKey(), entry.getValue().name()))
			.toList();
	}

	/**
	 * The message key for a refused sign-in through a provider; anything but a known
	 * reason reads as a plain failure.
	 */
	@ModelAttribute("ssoRefusal")
	@Nullable String ssoRefusal(@RequestParam(name = "sso", required = false) @Nullable String reason) {
		if (reason == null) {
			return null;
		}
		return "login.sso." + (SingleSignOn.REASONS.contains(reason) ? reason : "failed");
	}

	record SignInButton(String href, String name) {
	}

}
