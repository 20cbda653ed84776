package care.seamless.door.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import care.seamless.door.PersonAccounts;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import care.seamless.team.SignInAtTheOtherDoor;
import care.seamless.team.SignInThrottle;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The person's door has its own filter chain for {@code /me/**}: its own sign-in page and
 * accounts, and every page but signing in and starting with a code needs
 * {@code ROLE_PERSON}, which no staff account holds. The staff chain, for everything
 * else, needs a staff role, which no person-side account holds; so neither kind of
 * session reaches the other's pages.
 * <p>
 * Sessions end here as they do for staff (ADR 90): a page asked for after the session
 * ended goes to sign in with "your session ended" and comes back after; a form sent too
 * late gets a page that says so, in the door's layout; and "stay signed in" posts to
 * {@code /me/session/keep-alive}, in this chain, with this chain's CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class DoorSecurityConfiguration {

	static final String SIGN_IN = "/me/sign-in";

	static final String START = "/me/start";

	/** Answered by {@code web.SessionController}, in this chain. */
	static final String SESSION_ENDED = "/me/session-ended";

	@Bean
	@Order(5)
	SecurityFilterChain doorFilterChain(HttpSecurity http, PersonAccounts accounts, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, Directory directory) throws Exception {
		http.securityMatcher("/me", "/me/**");
		http.authenticationManager(
				new ProviderManager(new PersonSignIn(accounts, passwordEncoder, throttle, directory)));
		http.addFilterAfter(new PersonStandingFilter(accounts), SecurityContextHolderFilter.class);
		http.authorizeHttpRequests(requests -> requests.requestMatchers(SIGN_IN, START, SESSION_ENDED)
			.permitAll()
			.anyRequest()
			.hasRole(Role.PERSON.name()));
		http.formLogin(form -> form.loginPage(SIGN_IN)
			.loginProcessingUrl(SIGN_IN)
			.successHandler(new BackToTheDoorPage())
			.failureHandler(failed())
			.permitAll());
		http.logout(logout -> logout.logoutUrl("/me/sign-out").logoutSuccessUrl(SIGN_IN + "?signedOut"));
		http.exceptionHandling(
				exceptions -> exceptions.authenticationEntryPoint(signIn()).accessDeniedHandler(sessionEnded()));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
				"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * Back to sign in, saying why: a staff account's right password is told where staff
	 * sign in rather than that it is wrong (ADR 126).
	 */
	private static AuthenticationFailureHandler failed() {
		ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
		handler.setDefaultFailureUrl(SIGN_IN + "?error");
		handler.setExceptionMappings(Map.of(SignInAtTheOtherDoor.class.getName(), SIGN_IN + "?staff"));
		return handler;
	}

	/** To sign in, saying so when the browser still holds an ended session's cookie. */
	private static AuthenticationEntryPoint signIn() {
		LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint(SIGN_IN);
		LoginUrlAuthenticationEntryPoint signInAgain = new LoginUrlAuthenticationEntryPoint(SIGN_IN + "?expired");
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
				signInAgain.commence(request, response, ex);
			}
			else {
				signIn.commence(request, response, ex);
			}
		};
	}

	/** A missing or stale CSRF token almost always means the form's session ended. */
	private static AccessDeniedHandler sessionEnded() {
		AccessDeniedHandlerImpl ended = new AccessDeniedHandlerImpl();
		ended.setErrorPage(SESSION_ENDED);
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) -> {
			if (ex instanceof CsrfException) {
				ended.handle(request, response, ex);
			}
			else {
				forbidden.handle(request, response, ex);
			}
		};
	}

	/**
	 * After signing in, back to the door page asked for when the session had ended, or
	 * the home page. The saved request is kept in the session beside the staff chain's,
	 * so one for a staff page is dropped: a person's session would be refused there.
	 */
	static final class BackToTheDoorPage extends SavedRequestAwareAuthenticationSuccessHandler {

		private final RequestCache requests = new HttpSessionRequestCache();

		BackToTheDoorPage() {
			setDefaultTargetUrl("/me");
			setRequestCache(requests);
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws ServletException, IOException {
			SavedRequest saved = requests.getRequest(request, response);
			if (saved != null && !doorPage(request, saved.getRedirectUrl())) {
				requests.removeRequest(request, response);
			}
			super.onAuthenticationSuccess(request, response, authentication);
		}

		private static boolean doorPage(HttpServletRequest request, String url) {
			try {
				String path = URI.create(url).getRawPath();
				String door = request.getContextPath() + "/me";
				return path != null && (path.equals(door) || path.startsWith(door + "/"));
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

	}

}
