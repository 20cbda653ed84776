package care.seamless.web;

import java.io.IOException;
import java.util.Set;

import care.seamless.team.ExternalIdentities;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect sign-in through each partner organisation's provider, beside the local
 * password form (ADR 20). Added to the page chain by {@link SecurityConfiguration} with
 * one call, and only when a provider is configured.
 */
@Component
class SingleSignOn {

	/**
	 * Why a sign-in through a provider failed, as the sign-in page's {@code sso}
	 * parameter.
	 */
	static final Set<String> REASONS = Set.of("not_linked", "disabled", "unavailable", "failed");

	private final IdentityProviderProperties properties;

	private final IdentityProviderRegistrations registrations;

	private final ExternalIdentities identities;

	SingleSignOn(IdentityProviderProperties properties, ExternalIdentities identities) {
		this.properties = properties;
		this.registrations = new IdentityProviderRegistrations(properties);
		this.identities = identities;
	}

	void configure(HttpSecurity http) throws Exception {
		if (properties.signInProviders().isEmpty()) {
			return;
		}
		// Only with a provider configured: the token client's HTTP client is
		// start-up work that a Seamless without single sign-on never uses (ADR 61).
		ProviderManager oidc = new ProviderManager(
				new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
						new LinkedAccountOidcUserService(properties, identities)));
		AuthenticationFailureHandler failure = SingleSignOn::refuse;
		http.oauth2Login(login -> login.loginPage("/login")
			.clientRegistrationRepository(registrations)
			// In the session, so it goes with it; Spring's default keeps every
			// signed-in person's tokens in memory until restart.
			.authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
			.failureHandler(failure)
			.withObjectPostProcessor(new ObjectPostProcessor<Object>() {
				@Override
				public <O> O postProcess(O filter) {
					// The page chain's manager knows only (throttled) passwords; a
					// provider's answer is checked by its own.
					if (filter instanceof OAuth2LoginAuthenticationFilter login) {
						login.setAuthenticationManager(oidc);
					}
					// Failing before the person reaches the provider: its discovery
					// document could not be read, or there is no such provider.
					if (filter instanceof OAuth2AuthorizationRequestRedirectFilter redirect) {
						redirect.setAuthenticationFailureHandler((request, response, ex) -> response
							.sendRedirect(request.getContextPath() + "/login?sso=unavailable"));
					}
					return filter;
				}
			}));
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String reason = "failed";
		if (failure instanceof OAuth2AuthenticationException oauth) {
			String code = oauth.getError().getErrorCode();
			reason = REASONS.contains(code) ? code : "failed";
		}
		response.sendRedirect(request.getContextPath() + "/login?sso=" + reason);
	}

}
