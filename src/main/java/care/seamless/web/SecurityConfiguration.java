package care.seamless.web;

import java.time.Clock;

import care.seamless.door.PersonAccounts;
import care.seamless.team.Accounts;
import care.seamless.team.Directory;
import care.seamless.team.SignInThrottle;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, UserDetailsService users,
			PasswordEncoder passwordEncoder, PersonAccounts people, SignInThrottle throttle, Directory directory,
			Accounts accounts, SingleSignOn singleSignOn, ApiAuthenticationProblem apiProblem, Clock clock)
			throws Exception {
		// An administrator's one-time reset code is tried where the password fails.
		// Scripts send their password on every call: a right one is remembered for a few
		// minutes rather than hashed each time (ADR 40).
		http.authenticationManager(new ProviderManager(ThrottledAuthentication.forChain(users, people, passwordEncoder,
				accounts, directory, throttle, clock)));
		http.addFilterAfter(new AccountStandingFilter(directory), SecurityContextHolderFilter.class);
		http.addFilterBefore(new SignInSteps(directory), ExceptionTranslationFilter.class);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/webjars/**", "/assets/**", "/css/**", "/js/**", "/favicon.ico",
					"/actuator/health/**", "/error", SessionProblems.SESSION_ENDED_PAGE)
			.permitAll()
			.requestMatchers("/admin/**", "/actuator/**")
			.hasRole("ADMINISTRATOR")
			.anyRequest()
			// A staff role, never just signed in: a person-side session (the person's
			// door, its own chain) has none, so it reaches no staff page.
			.hasAnyRole(staffRoles()));
		http.formLogin(form -> form.loginPage("/login")
			.successHandler(new SignInSuccess())
			.failureHandler(OtherDoor.signInPage("/login?error", "/login?personSide"))
			.permitAll());
		http.logout(logout -> logout.logoutSuccessUrl("/login?signedOut"));
		singleSignOn.configure(http);
		// Scripts and API clients may send credentials on each request; pages use the
		// session.
		http.httpBasic(basic -> basic.authenticationEntryPoint(OtherDoor.basic()));
		// A script sending its credentials with a JSON body needs no CSRF token (ADR 40).
		http.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::scriptCall));
		http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(SessionProblems.entryPoint(apiProblem))
			.accessDeniedHandler(SessionProblems.accessDeniedHandler()));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
				"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
			.referrerPolicy(referrer -> referrer.policy(
					org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * An API call that carries HTTP Basic credentials and a JSON body. Cross-site request
	 * forgery needs a request the browser sends with ambient credentials; a page on
	 * another site can send JSON only after a CORS preflight, which Seamless never
	 * allows, so a JSON body cannot be forged even if a browser had remembered Basic
	 * credentials. Forms and uploads still need the token.
	 */
	static boolean scriptCall(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		String type = request.getContentType();
		if (authorization == null || type == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return false;
		}
		MediaType media;
		try {
			media = MediaType.parseMediaType(type);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		return media.getType().equals("application")
				&& (media.getSubtype().equals("json") || media.getSubtype().endsWith("+json"));
	}

	private static String[] staffRoles() {
		return care.seamless.shared.Role.staff().stream().map(Enum::name).toArray(String[]::new);
	}

	/**
	 * No Micrometer observation of each security filter, authentication and
	 * authorization: wrapping the twenty-odd filters of every request in observations was
	 * about 8 % of the server's CPU for a record read (docs/benchmarks.md, session 12,
	 * viewcut), and nothing reads their timers. Request timings per route
	 * ({@code http.server.requests}) and the pool's metrics stay; refusals and sign-ins
	 * are in the audit log.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	UserDetailsService userDetailsService(Directory directory) {
		return username -> directory.accountForSignIn(username)
			.map(SignedInUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

}
