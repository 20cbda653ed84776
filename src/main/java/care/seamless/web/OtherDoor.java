package care.seamless.web;

import java.util.Map;

import care.seamless.shared.ErrorCode;
import care.seamless.team.SignInAtTheOtherDoor;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * The staff chain's answers to the right password of a person-side account (ADR 126): the
 * sign-in page says where such accounts sign in; an API call is refused with 403 in plain
 * words, never the 401 of a wrong password, which a client would retry.
 */
final class OtherDoor {

	static final String API_REFUSAL = "This account is for a person or someone acting for them, so it may not use "
			+ "the staff API. People and those acting for them sign in at /me/sign-in";

	private OtherDoor() {
	}

	/**
	 * Where the sign-in form goes after a failure: the other door's page for this one.
	 */
	static AuthenticationFailureHandler signInPage(String failed, String otherDoor) {
		ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
		handler.setDefaultFailureUrl(failed);
		handler.setExceptionMappings(Map.of(SignInAtTheOtherDoor.class.getName(), otherDoor));
		return handler;
	}

	/**
	 * HTTP Basic's answer: 403 for a person-side account's right password, otherwise
	 * exactly Spring's default (401 with a Basic challenge, or a bare 401 for a script
	 * that says it is one).
	 */
	static AuthenticationEntryPoint basic() {
		BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
		challenge.setRealmName("Realm");
		AuthenticationEntryPoint usual = DelegatingAuthenticationEntryPoint.builder()
			.addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
					new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"))
			.defaultEntryPoint(challenge)
			.build();
		return (request, response, failure) -> {
			if (!(failure instanceof SignInAtTheOtherDoor)) {
				usual.commence(request, response, failure);
			}
			else if (Problems.forApi(request)) {
				Problems.write(response, HttpStatus.FORBIDDEN, ErrorCode.ACCESS_DENIED, API_REFUSAL);
			}
			else {
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}
		};
	}

}
