package care.seamless.web;

import java.util.Map;

import care.seamless.team.Account;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A Seamless account signed in through its organisation's identity provider. It is a
 * {@link SignedInUser} like any other, so roles, the actor and the per-request standing
 * check (disabled accounts, session epoch) are the same as for a password; the ID token
 * is kept only because Spring Security's OpenID Connect support expects it.
 */
class OidcSignedInUser extends SignedInUser implements OidcUser {

	private static final long serialVersionUID = 1L;

	private final OidcUser identity;

	OidcSignedInUser(Account account, OidcUser identity) {
		super(account);
		this.identity = identity;
	}

	@Override
	public Map<String, Object> getClaims() {
		return identity.getClaims();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return identity.getUserInfo();
	}

	@Override
	public OidcIdToken getIdToken() {
		return identity.getIdToken();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return identity.getAttributes();
	}

	@Override
	public String getName() {
		return getUsername();
	}

}
