package care.seamless.web;

import java.util.List;
import java.util.Map;

import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PageController;
import care.seamless.team.Account;
import care.seamless.team.Directory;
import care.seamless.team.DirectoryRule;
import care.seamless.team.ExternalIdentities;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators link an account to its holder's identity at each configured provider
 * (ADR 20). It lives beside the security configuration because the providers are
 * configured there.
 */
@PageController
@RequestMapping("/admin/accounts/{id}/sign-in")
class IdentityLinkController {

	private final Directory directory;

	private final ExternalIdentities identities;

	private final IdentityProviderProperties properties;

	IdentityLinkController(Directory directory, ExternalIdentities identities, IdentityProviderProperties properties) {
		this.directory = directory;
		this.identities = identities;
		this.properties = properties;
	}

	@GetMapping
	String show(Actor actor, @PathVariable AccountId id, Model model) {
		Account account = directory.accounts()
			.stream()
			.filter(candidate -> candidate.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Account", id));
		Map<String, String> linked = identities.identitiesOf(actor, id);
		List<ProviderLink> providers = properties.providers()
			.entrySet()
			.stream()
			.map(entry -> new ProviderLink(entry.getKey(), entry.getValue().name(), linked.get(entry.getKey())))
			.toList();
		model.addAttribute("account", account);
		model.addAttribute("providers", providers);
		return "admin/sign-in-identities";
	}

	@PostMapping
	String link(Actor actor, @PathVariable AccountId id, @RequestParam String provider,
			@RequestParam(defaultValue = "") String subject, Model model) {
		IdentityProviderProperties.Provider config = properties.provider(provider);
		if (config == null) {
			throw new NotFoundException("IdentityProvider", provider);
		}
		try {
			identities.link(actor, id, provider, config.organisation(), subject.strip());
		}
		catch (DirectoryRule ex) {
			model.addAttribute("refused", ex.getMessage());
			model.addAttribute("refusedProvider", provider);
			return show(actor, id, model);
		}
		return "redirect:/admin/accounts/" + id.id() + "/sign-in";
	}

	@PostMapping("/unlink")
	String unlink(Actor actor, @PathVariable AccountId id, @RequestParam String provider) {
		identities.unlink(actor, id, provider);
		return "redirect:/admin/accounts/" + id.id() + "/sign-in";
	}

	record ProviderLink(String key, String name, String subject) {
	}

}
