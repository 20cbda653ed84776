package care.seamless.web;

import care.seamless.team.Account;
import care.seamless.team.ExternalIdentities;
import care.seamless.team.ExternalSignInRefused;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a person the provider has vouched for into the Seamless account linked to their
 * identity, or refuses them (audited by {@link ExternalIdentities}).
 */
class LinkedAccountOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService provider = new OidcUserService();

	private final IdentityProviderProperties properties;

	private final ExternalIdentities identities;

	LinkedAccountOidcUserService(IdentityProviderProperties properties, ExternalIdentities identities) {
		this.properties = properties;
		this.identities = identities;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser identity = provider.loadUser(request);
		String key = request.getClientRegistration().getRegistrationId();
		IdentityProviderProperties.Provider config = properties.provider(key);
		if (config == null) {
			throw refused("not_linked", "Unknown identity provider");
		}
		Object subject = identity.getClaims().get(config.userClaim());
		try {
			Account account = identities.signIn(key, config.organisation(),
					(subject == null) ? null : subject.toString());
			return new OidcSignedInUser(account, identity);
		}
		catch (ExternalSignInRefused ex) {
			throw refused(ex.reason() == ExternalSignInRefused.Reason.DISABLED ? "disabled" : "not_linked",
					ex.getMessage());
		}
	}

	private static OAuth2AuthenticationException refused(String code, String message) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
	}

}
