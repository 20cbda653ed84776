package care.seamless.door.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import care.seamless.door.PersonAccounts;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import care.seamless.team.SignInAtTheOtherDoor;
import care.seamless.team.SignInThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Read-only FHIR for the person's own door account, with HTTP Basic: the username is
 * {@code person/} followed by the door account's name, because person-side names are a
 * namespace of their own and may equal a staff name. Only such calls take this chain
 * (ahead of the staff FHIR chain); the same sign-in check and throttle as the door's
 * form, stateless. What the account may then read is decided in the fhir module (its own
 * Patient and who saw it) by the access policy the door's pages use.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class DoorFhirSecurityConfiguration {

	static final String PREFIX = "person/";

	private static final String UNAUTHENTICATED = """
			{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"login",\
			"details":{"coding":[{"system":"https://seamless.care/fhir/CodeSystem/error","code":"unauthenticated"}],\
			"text":"The username or password is not right"},"diagnostics":"The username or password is not right"}]}""";

	static final String STAFF_ACCOUNT = """
			{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden",\
			"details":{"coding":[{"system":"https://seamless.care/fhir/CodeSystem/error","code":"access-denied"}],\
			"text":"This is a staff account, so it may not use the FHIR interface for people and those acting for them. \
			Send the username without person/ in front of it"},\
			"diagnostics":"This is a staff account, so it may not use the FHIR interface for people and those acting for them. \
			Send the username without person/ in front of it"}]}""";

	@Bean
	@Order(15)
	SecurityFilterChain doorFhirChain(HttpSecurity http, PersonAccounts accounts, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, Directory directory) throws Exception {
		http.securityMatcher(DoorFhirSecurityConfiguration::personSideFhir);
		PersonSignIn door = new PersonSignIn(accounts, passwordEncoder, throttle, directory);
		http.authenticationManager(new ProviderManager(new WithoutPrefix(door)));
		http.authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.PERSON.name()));
		AuthenticationEntryPoint outcome = (request, response, failure) -> {
			if (failure instanceof SignInAtTheOtherDoor) {
				staffAccount(response);
			}
			else {
				unauthenticated(response);
			}
		};
		http.httpBasic(basic -> basic.authenticationEntryPoint(outcome));
		http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(outcome));
		http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf(csrf -> csrf.disable());
		http.requestCache(cache -> cache.disable());
		return http.build();
	}

	/** A call under /fhir with Basic credentials whose username starts "person/". */
	static boolean personSideFhir(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.equals("/fhir") && !path.startsWith("/fhir/")) {
			return false;
		}
		String header = request.getHeader("Authorization");
		if (header == null || header.length() > 1000 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			return decoded.startsWith(PREFIX);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * A staff account's right password sent with {@code person/}: not a failed sign-in,
	 * and not one to retry (ADR 126).
	 */
	private static void staffAccount(HttpServletResponse response) throws IOException {
		outcome(response, HttpServletResponse.SC_FORBIDDEN, STAFF_ACCOUNT);
	}

	private static void unauthenticated(HttpServletResponse response) throws IOException {
		response.addHeader("WWW-Authenticate", "Basic realm=\"Seamless FHIR\"");
		outcome(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHENTICATED);
	}

	private static void outcome(HttpServletResponse response, int status, String operationOutcome) throws IOException {
		response.setStatus(status);
		response.setContentType("application/fhir+json;charset=UTF-8");
		response.getOutputStream().write(operationOutcome.getBytes(StandardCharsets.UTF_8));
	}

	/** The door's own sign-in, given the name without its "person/". */
	private record WithoutPrefix(PersonSignIn door) implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication attempt) {
			String name = attempt.getName() == null ? "" : attempt.getName();
			UsernamePasswordAuthenticationToken stripped = UsernamePasswordAuthenticationToken.unauthenticated(
					name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name, attempt.getCredentials());
			stripped.setDetails(attempt.getDetails());
			return door.authenticate(stripped);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return door.supports(authentication);
		}

	}

}
