package care.seamless.door.web;

import care.seamless.door.PersonAccounts;
import care.seamless.shared.Role;
import care.seamless.team.SignInThrottle;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The person's door has its own filter chain for {@code /me/**}: its own sign-in page and
 * accounts, and every page but signing in and starting with a code needs
 * {@code ROLE_PERSON}, which no staff account holds. The staff chain, for everything
 * else, needs a staff role, which no person-side account holds; so neither kind of
 * session reaches the other's pages.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class DoorSecurityConfiguration {

	static final String SIGN_IN = "/me/sign-in";

	static final String START = "/me/start";

	@Bean
	@Order(5)
	SecurityFilterChain doorFilterChain(HttpSecurity http, PersonAccounts accounts, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) throws Exception {
		http.securityMatcher("/me", "/me/**");
		http.authenticationManager(new ProviderManager(new PersonSignIn(accounts, passwordEncoder, throttle)));
		http.addFilterAfter(new PersonStandingFilter(accounts), SecurityContextHolderFilter.class);
		http.authorizeHttpRequests(requests -> requests.requestMatchers(SIGN_IN, START)
			.permitAll()
			.anyRequest()
			.hasRole(Role.PERSON.name()));
		http.formLogin(form -> form.loginPage(SIGN_IN)
			.loginProcessingUrl(SIGN_IN)
			.defaultSuccessUrl("/me", true)
			.failureUrl(SIGN_IN + "?error")
			.permitAll());
		http.logout(logout -> logout.logoutUrl("/me/sign-out").logoutSuccessUrl(SIGN_IN + "?signedOut"));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
				"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
