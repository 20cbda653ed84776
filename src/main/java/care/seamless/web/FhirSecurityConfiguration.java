package care.seamless.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import care.seamless.door.PersonAccounts;
import care.seamless.team.Accounts;
import care.seamless.team.Directory;
import care.seamless.team.SignInAtTheOtherDoor;
import care.seamless.team.SignInThrottle;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * {@code /fhir} for local clients with HTTP Basic (calls with a bearer token go to
 * {@link BearerTokenConfiguration}'s chain first). The same accounts, throttle and
 * account checks as sign-in; stateless, so no session and no CSRF token. Without valid
 * credentials: 401 with an OperationOutcome, as every FHIR failure is; the right password
 * of a person-side account sent without {@code person/}: 403, not counted (ADR 126).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class FhirSecurityConfiguration {

	static final String UNAUTHENTICATED = """
			{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"login",\
			"details":{"coding":[{"system":"https://seamless.care/fhir/CodeSystem/error","code":"unauthenticated"}],\
			"text":"Send HTTP Basic credentials of a Seamless account, or a bearer token from your organisation's identity provider"},\
			"diagnostics":"Send HTTP Basic credentials of a Seamless account, or a bearer token from your organisation's identity provider"}]}""";

	static final String PERSON_SIDE_ACCOUNT = """
			{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden",\
			"details":{"coding":[{"system":"https://seamless.care/fhir/CodeSystem/error","code":"access-denied"}],\
			"text":"This account is for a person or someone acting for them, so it may not use the FHIR interface for staff. \
			To read the person's record, write the username with person/ in front of it"},\
			"diagnostics":"This account is for a person or someone acting for them, so it may not use the FHIR interface for staff. \
			To read the person's record, write the username with person/ in front of it"}]}""";

	@Bean
	@Order(20)
	SecurityFilterChain fhirChain(HttpSecurity http, UserDetailsService users, PasswordEncoder passwordEncoder,
			PersonAccounts people, SignInThrottle throttle, Directory directory, Accounts accounts, Clock clock)
			throws Exception {
		http.securityMatcher("/fhir", "/fhir/**");
		// Partner systems send their password on every call: a right one is remembered
		// for a few minutes rather than hashed each time (ADR 40).
		http.authenticationManager(new ProviderManager(ThrottledAuthentication.forChain(users, people, passwordEncoder,
				accounts, directory, throttle, clock)));
		http.addFilterAfter(new AccountStandingFilter(directory), SecurityContextHolderFilter.class);
		http.addFilterBefore(new SignInSteps(directory), ExceptionTranslationFilter.class);
		// A CapabilityStatement is public in FHIR: clients read it before they sign in.
		http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/fhir/metadata")
			.permitAll()
			.anyRequest()
			.authenticated());
		AuthenticationEntryPoint outcome = (request, response, failure) -> {
			if (failure instanceof SignInAtTheOtherDoor) {
				personSideAccount(response);
			}
			else {
				unauthenticated(response);
			}
		};
		// The caller's address for the throttle, without the session id Spring's default
		// asks for: this chain keeps no session, and asking would read (and then touch)
		// the session row of any cookie a client sends along with its credentials.
		http.httpBasic(basic -> basic.authenticationEntryPoint(outcome)
			.authenticationDetailsSource(request -> new WebAuthenticationDetails(request.getRemoteAddr(), null)));
		http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(outcome));
		// Nothing of a sign-in here is kept in a session, so there is no session to guard
		// against fixation; changing the id of a page session a client sends along (the
		// default) would cost a session read and write per call and end that session for
		// the pages, whose cookie no longer matches.
		http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
			.sessionFixation(fixation -> fixation.none()));
		http.csrf(csrf -> csrf.disable());
		http.requestCache(cache -> cache.disable());
		return http.build();
	}

	/**
	 * A right password of a person-side account without the {@code person/} its FHIR
	 * username needs: not a failed sign-in, and not one to retry (ADR 126).
	 */
	private static void personSideAccount(HttpServletResponse response) throws IOException {
		outcome(response, HttpServletResponse.SC_FORBIDDEN, PERSON_SIDE_ACCOUNT);
	}

	private static void unauthenticated(HttpServletResponse response) throws IOException {
		response.addHeader("WWW-Authenticate", "Basic realm=\"Seamless FHIR\"");
		response.addHeader("WWW-Authenticate", "Bearer");
		outcome(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHENTICATED);
	}

	private static void outcome(HttpServletResponse response, int status, String operationOutcome) throws IOException {
		response.setStatus(status);
		response.setContentType("application/fhir+json;charset=UTF-8");
		response.getOutputStream().write(operationOutcome.getBytes(StandardCharsets.UTF_8));
	}

}
