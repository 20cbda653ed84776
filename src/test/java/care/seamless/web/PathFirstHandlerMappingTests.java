package care.seamless.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import care.seamless.SeamlessTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.boot.webmvc.actuate.endpoint.web.WebMvcEndpointHandlerMapping;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path-first handler mapping picks the same controller method as Spring's own, or
 * refuses with the same exception, for a request to every mapped address, with the
 * mapping's own method, a method nobody maps, and JSON or a page asked for; and leaves
 * the same matched pattern and path variables for the controller.
 */
@SeamlessTest
class PathFirstHandlerMappingTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void findsWhatSpringsOwnMappingFindsForEveryAddress() throws Exception {
		assertThat(mapping).isInstanceOf(PathFirstHandlerMapping.class);
		RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
		plain.setApplicationContext(context);
		// Placeholders and expressions in mapped paths (the error page's, springdoc's).
		plain.setEmbeddedValueResolver(new EmbeddedValueResolver(context.getBeanFactory()));
		plain.setPatternParser(mapping.getPatternParser());
		plain.setContentNegotiationManager(mapping.getContentNegotiationManager());
		plain.afterPropertiesSet();
		assertThat(plain.getHandlerMethods()).hasSameSizeAs(mapping.getHandlerMethods());

		List<String> compared = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				String path = filledIn(pattern.getPatternString());
				List<String> methods = new ArrayList<>(
						info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList());
				if (methods.isEmpty()) {
					methods.add("GET");
				}
				methods.add("PATCH");
				for (String method : methods) {
					for (String accept : List.of("application/json", "text/html")) {
						String ours = outcome(mapping, method, path, accept);
						assertThat(ours).as(method + " " + path + " (" + accept + ")")
							.isEqualTo(outcome(plain, method, path, accept));
						compared.add(ours);
					}
				}
			}
		}
		// The comparison found real controller methods, not only refusals.
		assertThat(compared.stream().filter(outcome -> outcome.contains("care.seamless")).count()).isGreaterThan(200);
	}

	/**
	 * ADR 105: the actuator's mapping is asked after the controllers', which may come
	 * first only because no controller's path can match an actuator address: each of
	 * them, and any other address under its base path, is answered by the actuator's
	 * mapping and finds nothing here, whatever the method or accepted type.
	 */
	@Test
	void theActuatorIsAskedAfterTheControllersAndOnlyItAnswersItsAddresses() {
		WebMvcEndpointHandlerMapping actuator = context.getBean(WebMvcEndpointHandlerMapping.class);
		assertThat(mapping.getOrder()).isLessThan(actuator.getOrder());

		String base = context.getEnvironment().getProperty("management.endpoints.web.base-path", "/actuator");
		List<String> paths = new ArrayList<>(List.of(base, base + "/", base + "/unknown", base + "/unknown/deeper"));
		actuator.getHandlerMethods()
			.keySet()
			.forEach(info -> info.getPathPatternsCondition()
				.getPatterns()
				.forEach(pattern -> paths.add(filledIn(pattern.getPatternString()))));
		assertThat(paths).allSatisfy(path -> assertThat(path).startsWith(base));
		assertThat(paths).hasSizeGreaterThan(6);
		for (String path : paths) {
			for (String method : List.of("GET", "POST", "DELETE", "OPTIONS")) {
				for (String accept : List.of("application/json", "text/html", "*/*")) {
					assertThat(outcome(mapping, method, path, accept)).as(method + " " + path + " (" + accept + ")")
						.isEqualTo("none");
				}
			}
		}
		assertThat(outcome(actuator, "GET", base + "/health", "application/json")).isNotEqualTo("none")
			.doesNotContain("Exception");
	}

	/** The pattern with each variable given a value no literal segment has. */
	private static String filledIn(String pattern) {
		return pattern.replaceAll("\\{\\*[^}]+}", "rest/of/it")
			.replaceAll("\\{[^}:]+:[^}]*}", "1")
			.replaceAll("\\{[^}]+}", "3f2504e0-4f89-41d3-9a0c-0305e82c3301")
			.replace("**", "any/where")
			.replace("*", "any");
	}

	private static String outcome(RequestMappingInfoHandlerMapping mapping, String method, String path, String accept) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.addHeader("Accept", accept);
		ServletRequestPathUtils.parseAndCache(request);
		try {
			HandlerExecutionChain chain = mapping.getHandler(request);
			// With what the controller reads from the match: the pattern and variables.
			return chain == null ? "none" : chain.getHandler() + " "
					+ request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) + " "
					+ request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) + " "
					+ (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) == chain.getHandler());
		}
		catch (Exception ex) {
			return ex.getClass().getName();
		}
	}

}
