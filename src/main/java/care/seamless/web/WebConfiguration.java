package care.seamless.web;

import java.util.List;

import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.webmvc.actuate.endpoint.web.WebMvcEndpointHandlerMapping;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/**
	 * Controllers found by path first: see {@link PathFirstHandlerMapping}; pages
	 * rendered by exception handlers get the header's user and the session's timing: see
	 * {@link ErrorPageModel}.
	 */
	@Bean
	WebMvcRegistrations pathFirstHandlerMapping(ObjectProvider<CurrentUserAdvice> currentUser,
			ObjectProvider<SessionTimeoutAdvice> sessionTiming) {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PathFirstHandlerMapping();
			}

			@Override
			public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
				return new ErrorPageModel(currentUser, sessionTiming);
			}
		};
	}

	/**
	 * The actuator's endpoints looked up after the controllers rather than before them
	 * (ADR 105). Ordered first, the actuator's mapping ran Spring's full check of each of
	 * its endpoints, accepted types before paths, on every request to the API and the
	 * pages and found nothing: about 5 % of a record view's request thread. Its paths are
	 * all under {@code /actuator} and no controller's path can match one there
	 * ({@code PathFirstHandlerMappingTests}), so each request still finds the one mapping
	 * it found before; an actuator request now passes our lookup first, which finds
	 * nothing.
	 */
	@Bean
	static BeanPostProcessor actuatorAfterControllers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof WebMvcEndpointHandlerMapping endpoints) {
					endpoints.setOrder(ACTUATOR_ORDER);
				}
				return bean;
			}
		};
	}

	/**
	 * Just after the controllers' mapping (0), before the welcome page's and resources'.
	 */
	static final int ACTUATOR_ORDER = 1;

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ActorArgumentResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new InputBoundary());
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverterFactory(new EnumConverters());
		registry.addFormatterForFieldType(java.time.LocalDate.class, new DateFormatter());
		registry.addConverter(String.class, PersonId.class, PersonId::of);
		registry.addConverter(String.class, OrganisationId.class, OrganisationId::of);
		registry.addConverter(String.class, TeamId.class, TeamId::of);
		registry.addConverter(String.class, PractitionerId.class, PractitionerId::of);
		registry.addConverter(String.class, AccountId.class, AccountId::of);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// GOV.UK Frontend's stylesheet refers to its images and fonts under /assets.
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/5.13.0/dist/govuk/assets/");
	}

}
