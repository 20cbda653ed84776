package care.seamless.web;

import care.seamless.team.ExternalIdentities;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Partner systems call {@code /api} and {@code /fhir} with a bearer token from their
 * organisation's identity provider instead of a session or a password. Only calls that
 * carry a bearer token come to this chain; browsers, Basic and the sign-in pages stay
 * with {@link SecurityConfiguration}'s. Nothing is kept between calls, so there is no
 * session to protect from cross-site requests and no CSRF token is asked for.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class BearerTokenConfiguration {

	@Bean
	@Order(10)
	SecurityFilterChain bearerTokenChain(HttpSecurity http, IdentityProviderProperties properties,
			ExternalIdentities identities, ApiAuthenticationProblem problem) throws Exception {
		http.securityMatcher(BearerTokenConfiguration::bearerCall);
		http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
		http.oauth2ResourceServer(resource -> resource
			.authenticationManagerResolver(
					new JwtIssuerAuthenticationManagerResolver(new BearerTokenIssuers(properties, identities)))
			.authenticationEntryPoint(problem)
			.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
				@Override
				public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
					// A header that is no token at all is answered by the filter itself,
					// without the configured entry point unless it is set here.
					filter.setAuthenticationEntryPoint(problem);
					return filter;
				}
			}));
		http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf(csrf -> csrf.disable());
		http.requestCache(cache -> cache.disable());
		http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problem));
		return http.build();
	}

	static boolean bearerCall(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String authorization = request.getHeader("Authorization");
		return (path.startsWith("/api/") || path.startsWith("/fhir/") || path.equals("/fhir")) && authorization != null
				&& authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

}
