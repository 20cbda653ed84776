package care.seamless.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The configured providers as Spring Security client registrations, each read from the
 * provider's discovery document the first time someone signs in with it rather than at
 * start-up: Seamless must start, and local passwords must work, while a partner's
 * provider is unreachable. A failed discovery is not remembered, so the next attempt
 * tries again.
 */
class IdentityProviderRegistrations implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(IdentityProviderRegistrations.class);

	private final IdentityProviderProperties properties;

	private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

	IdentityProviderRegistrations(IdentityProviderProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		IdentityProviderProperties.Provider provider = properties.provider(registrationId);
		if (provider == null || !provider.signIn()) {
			return null;
		}
		try {
			return discovered.computeIfAbsent(registrationId, key -> discover(key, provider));
		}
		catch (RuntimeException ex) {
			log.warn("Identity provider {} could not be reached for discovery: {}", registrationId,
					ex.getClass().getSimpleName());
			return null;
		}
	}

	private static ClientRegistration discover(String key, IdentityProviderProperties.Provider provider) {
		return ClientRegistrations.fromIssuerLocation(provider.issuerUri())
			.registrationId(key)
			.clientName(provider.name())
			.clientId(provider.clientId())
			.clientSecret(provider.clientSecret())
			.scope(provider.scopes())
			.userNameAttributeName(provider.userClaim())
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.build();
	}

}
