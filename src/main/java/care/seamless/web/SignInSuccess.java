package care.seamless.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After the password, back to the page the person was on when they were asked to sign in
 * (their session had ended), or to their caseload. Forgets any second-factor code given
 * earlier in the same browser session, as it was given for whoever signed in then.
 */
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

	SignInSuccess() {
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(SignInSteps.SECOND_FACTOR_GIVEN);
			session.removeAttribute(SignInSteps.RETURN_TO);
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
