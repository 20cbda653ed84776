package care.seamless.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The partner organisations' OpenID Connect providers, from configuration (ADR 20,
 * docs/sign-in.md). Each entry's key names the provider in URLs and in the accounts'
 * links ({@code team.external_identity.provider}), so it must stay stable once accounts
 * are linked. Secrets come from the environment, never from a file in the repository.
 */
@ConfigurationProperties("seamless.sso")
record IdentityProviderProperties(Map<String, Provider> providers) {

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	IdentityProviderProperties {
		// Kept in configuration order: the sign-in page shows the buttons in that order.
		providers = (providers == null) ? Map.of() : new LinkedHashMap<>(providers);
		providers.forEach(IdentityProviderProperties::check);
	}

	@Nullable Provider provider(String key) {
		return providers.get(key);
	}

	/** Those offered on the sign-in page, in configuration order. */
	List<Map.Entry<String, Provider>> signInProviders() {
		return providers.entrySet().stream().filter(entry -> entry.getValue().signIn()).toList();
	}

	/**
	 * One provider.
	 *
	 * @param name the button's text: "Sign in with {name}"
	 * @param organisation the code of the organisation whose staff this provider vouches
	 * for; leave it out only for a provider shared by several organisations
	 * @param issuerUri the issuer exactly as the provider's tokens state it (discovery is
	 * read from {@code issuerUri + /.well-known/openid-configuration})
	 * @param userClaim the claim whose value identifies the person, as linked on their
	 * account: {@code sub} (the default), {@code email}, {@code uid} (NHS CIS2),
	 * {@code oid} (Azure AD)
	 * @param audience the value bearer tokens for the Seamless API must carry in
	 * {@code aud}; when left out, bearer tokens from this provider are not accepted
	 * @param signIn whether staff sign in to pages through it (false: API tokens only)
	 */
	record Provider(String name, @Nullable String organisation, String issuerUri, @Nullable String clientId,
			@Nullable String clientSecret, @DefaultValue("sub") String userClaim, @DefaultValue( {
					"openid", "profile", "email" }) List<String> scopes,
			@Nullable String audience, @DefaultValue("true") boolean signIn){

		boolean acceptsBearerTokens() {
			return audience != null && !audience.isBlank();
		}

	}

	private static void check(String key, Provider provider) {
		String where = "seamless.sso.providers." + key;
		if (!KEY.matcher(key).matches()) {
			throw new IllegalStateException(
					where + ": a provider's key is lower-case letters, digits and hyphens (it appears in URLs)");
		}
		if (provider.issuerUri() == null || provider.issuerUri().isBlank()) {
			throw new IllegalStateException(where + ".issuer-uri is required");
		}
		if (provider.name() == null || provider.name().isBlank()) {
			throw new IllegalStateException(where + ".name is required: it is the sign-in button's text");
		}
		if (provider.signIn() && (provider.clientId() == null || provider.clientId().isBlank())) {
			throw new IllegalStateException(where + ".client-id is required for sign-in (or set sign-in=false)");
		}
	}

}
