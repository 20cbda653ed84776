package care.seamless.web;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What happens when a session ends: people are sent to sign in and brought back to their
 * page, a form sent too late gets a page that says why, and API clients get problem
 * details instead of pages.
 */
@SeamlessTest
class SessionExpiryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void signingInAgainReturnsToThePageThePersonWasOn() throws Exception {
		Fixtures.Staff nurse = nurse();
		PersonId person = fixtures.person(Fixtures.unique("Returner"), nurse);
		MockHttpSession browser = new MockHttpSession();
		mvc.perform(get("/people/{id}/entries/new", person).session(browser).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
		mvc.perform(post("/login").session(browser)
			.param("username", nurse.username())
			.param("password", Fixtures.PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("http://localhost/people/" + person + "/entries/new?continue"));
	}

	@Test
	void aBrowserWhoseSessionEndedIsToldSoOnTheSignInPage() throws Exception {
		mvc.perform(get("/people").accept(MediaType.TEXT_HTML).with(request -> {
			request.setRequestedSessionId("ended-session");
			request.setRequestedSessionIdValid(false);
			return request;
		})).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/login").param("expired", ""))
			.andExpect(content().string(containsString("You were signed out because your session ended")));
	}

	/** Over real HTTP, as MockMvc does not follow the forward to the page. */
	@Test
	void aFormSentAfterTheSessionEndedGetsAPlainWordsPageInTheUsualLayout() throws Exception {
		PersonId person = fixtures.person(Fixtures.unique("Late"), nurse());
		HttpResponse<String> response = postForm("/people/" + person + "/entries",
				"http://localhost:" + port + "/people/" + person + "/entries/new");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Your session has ended")
			.contains("govuk-header")
			.contains("href=\"/people/" + person + "/entries/new\"")
			.doesNotContain("You do not have permission");
	}

	@Test
	void theSignInAgainLinkNeverLeadsToAnotherSite() throws Exception {
		assertThat(postForm("/people", "https://evil.example/people").body())
			.contains("id=\"sign-in-again\" href=\"/\"");
		assertThat(postForm("/people", "http://localhost:" + port + "//evil.example/").body())
			.contains("id=\"sign-in-again\" href=\"/\"");
	}

	private HttpResponse<String> postForm(String path, String referer) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("Referer", referer)
			.header("Cookie", "JSESSIONID=ended-session")
			.POST(HttpRequest.BodyPublishers.ofString("title=Visit&body=Typed+before+the+session+ended"))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void apiClientsGetProblemDetailsNotPages() throws Exception {
		mvc.perform(get("/api/people"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
			.andExpect(jsonPath("$.status").value(401));
		// Any address, when JSON is what the client asks for.
		mvc.perform(get("/people").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
		Fixtures.Staff nurse = nurse();
		// A script's JSON with Basic credentials needs no CSRF token (it cannot be forged
		// cross-site without a preflight), so it reaches the API's own checks; the same
		// call as a form, which another site could send, still needs the token.
		mvc.perform(post("/api/v1/admissions").with(httpBasic(nurse.username(), Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value(400));
		mvc.perform(post("/api/v1/admissions").with(httpBasic(nurse.username(), Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("family=Forged"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("SESSION_ENDED"));
		mvc.perform(post("/api/v1/admissions").with(httpBasic(nurse.username(), Fixtures.PASSWORD))
			.contentType("text/plain")
			.content("{}")).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("SESSION_ENDED"));
		mvc.perform(
				get("/admin").with(httpBasic(nurse.username(), Fixtures.PASSWORD)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
	}

	@Test
	void staySignedInKeepsTheSessionAndNeedsOne() throws Exception {
		Fixtures.Staff nurse = nurse();
		MockHttpSession session = (MockHttpSession) mvc.perform(
				post("/login").param("username", nurse.username()).param("password", Fixtures.PASSWORD).with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		// Tomcat's 30 minutes; the mock session has no timeout of its own.
		session.setMaxInactiveInterval(1800);
		mvc.perform(post("/session/keep-alive").session(session).with(csrf())).andExpect(status().isNoContent());
		mvc.perform(post("/session/keep-alive").with(csrf()).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized());
		// A minute short of the thirty: the stored last use moves in one-minute steps
		// (ADR 52), so the page never counts past the session's real end.
		mvc.perform(get("/").session(session))
			.andExpect(content().string(containsString("data-session-timeout=\"1740\"")))
			.andExpect(content().string(containsString("data-session-warning=\"120\"")))
			.andExpect(content().string(containsString("id=\"session-warning\"")));
	}

	/**
	 * The page advices' model attribute methods (the header's user, the session's timing)
	 * run for page controllers and for no API controller (ADR 85): asked with the very
	 * test Spring MVC makes for each request's model, for every handler it has mapped.
	 */
	@Test
	void pageAdvicesApplyToEveryPageControllerAndToNoApiController() {
		List<ControllerAdviceBean> modelAdvices = ControllerAdviceBean.findAnnotatedBeans(context)
			.stream()
			.filter(advice -> advice.getBeanType() != null
					&& !MethodIntrospector
						.selectMethods(advice.getBeanType(),
								(ReflectionUtils.MethodFilter) method -> method
									.isAnnotationPresent(ModelAttribute.class))
						.isEmpty())
			.toList();
		assertThat(modelAdvices).extracting(ControllerAdviceBean::getBeanType)
			.contains(SessionTimeoutAdvice.class, CurrentUserAdvice.class);
		Set<Class<?>> api = new HashSet<>();
		Set<Class<?>> pages = new HashSet<>();
		context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()
			.forEach(mapping -> mapping.getHandlerMethods().values().forEach(handler -> {
				Class<?> type = handler.getBeanType();
				if (AnnotatedElementUtils.hasAnnotation(type, RestController.class)) {
					api.add(type);
				}
				// Ours and Boot's error pages; a library's own endpoints (the API's
				// documentation) are not pages in the layout.
				else if (type.getName().startsWith("care.seamless.") || ErrorController.class.isAssignableFrom(type)) {
					pages.add(type);
				}
			}));
		assertThat(api).as("API controllers mapped").extracting(Class::getSimpleName).contains("PersonRestController");
		for (Class<?> type : api) {
			assertThat(modelAdvices).as("model attribute advices run for %s", type.getSimpleName())
				.noneMatch(advice -> advice.isApplicableToBeanType(type));
		}
		assertThat(pages).as("page controllers mapped")
			.contains(HomeController.class)
			.anyMatch(ErrorController.class::isAssignableFrom);
		for (Class<?> type : pages) {
			assertThat(modelAdvices).as("advices for %s", type.getSimpleName())
				.filteredOn(advice -> advice.isApplicableToBeanType(type))
				.extracting(ControllerAdviceBean::getBeanType)
				.contains(SessionTimeoutAdvice.class, CurrentUserAdvice.class);
		}
	}

	private Fixtures.Staff nurse() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		return fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
	}

}
