package care.seamless.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import care.seamless.team.Account;
import care.seamless.team.ExternalIdentities;
import care.seamless.team.ExternalSignInRefused;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Which providers' tokens are trusted, by the issuer a token names, and how a token
 * becomes a Seamless account. A token is accepted only from a configured issuer, signed
 * by a key that issuer publishes, in date, and addressed to Seamless (its {@code aud}
 * holds the provider's configured audience). The account is read on every call, so a
 * disabled account's tokens stop working at once.
 */
class BearerTokenIssuers implements AuthenticationManagerResolver<String> {

	private record Issuer(String key, IdentityProviderProperties.Provider provider) {
	}

	private final Map<String, Issuer> issuers = new LinkedHashMap<>();

	private final Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();

	private final ExternalIdentities identities;

	BearerTokenIssuers(IdentityProviderProperties properties, ExternalIdentities identities) {
		this.identities = identities;
		properties.providers().forEach((key, provider) -> {
			if (provider.acceptsBearerTokens()) {
				issuers.put(provider.issuerUri(), new Issuer(key, provider));
			}
		});
	}

	@Override
	public @Nullable AuthenticationManager resolve(String issuerUri) {
		Issuer issuer = issuers.get(issuerUri);
		if (issuer == null) {
			return null;
		}
		try {
			return managers.computeIfAbsent(issuerUri, uri -> manager(issuer));
		}
		catch (RuntimeException ex) {
			// Not remembered, so the next call tries the provider again.
			throw new AuthenticationServiceException("The identity provider could not be reached", ex);
		}
	}

	private AuthenticationManager manager(Issuer issuer) {
		String audience = issuer.provider().audience();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer.provider().issuerUri()).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(issuer.provider().issuerUri()),
				new JwtClaimValidator<Object>(JwtClaimNames.AUD, aud -> addressedTo(aud, audience))));
		JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
		tokens.setJwtAuthenticationConverter(jwt -> account(issuer, jwt));
		return new ProviderManager(tokens);
	}

	private AbstractAuthenticationToken account(Issuer issuer, Jwt jwt) {
		Object subject = jwt.getClaims().get(issuer.provider().userClaim());
		try {
			Account account = identities.bearer(issuer.key(), issuer.provider().organisation(),
					(subject == null) ? null : subject.toString());
			SignedInUser user = new SignedInUser(account);
			return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		}
		catch (ExternalSignInRefused ex) {
			throw new InvalidBearerTokenException(ex.getMessage());
		}
	}

	private static boolean addressedTo(@Nullable Object aud, @Nullable String audience) {
		if (aud instanceof Collection<?> values) {
			return values.contains(audience);
		}
		return aud != null && aud.equals(audience);
	}

}
