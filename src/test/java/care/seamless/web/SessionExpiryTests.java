package care.seamless.web;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.consent.ActingKind;
import care.seamless.door.Invitations;
import care.seamless.door.NewInvitation;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
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

	private static final String DOOR_PASSWORD = "apple-kettle-window";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationContext context;

	@Autowired
	Invitations invitations;

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
			// It looks again only after the full thirty: the reload is a use, and before
			// then it could keep alive a session the person has left.
			.andExpect(content().string(containsString("data-session-ends=\"1800\"")))
			.andExpect(content().string(containsString("id=\"session-warning\"")));
	}

	/**
	 * Exception handlers run no model advice, so error pages are given the session's
	 * timing by {@code ErrorPageModel}: the warning still comes on a "Page not found".
	 */
	@Test
	void errorPagesKeepTheSessionTimingSoTheWarningStillComes() throws Exception {
		MockHttpSession session = signedIn(nurse());
		for (String page : List.of("/no-such-page", "/people/not-an-id")) {
			mvc.perform(get(page).session(session).accept(MediaType.TEXT_HTML))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("Page not found")))
				.andExpect(content().string(containsString("data-session-timeout=\"1740\"")))
				.andExpect(content().string(containsString("data-session-warning=\"120\"")))
				.andExpect(content().string(containsString("data-keep-alive=\"/session/keep-alive\"")))
				.andExpect(content().string(containsString("id=\"session-warning\"")))
				.andExpect(content().string(containsString("Sign out")));
		}
		// Signed out, there is nothing to warn about.
		mvc.perform(get("/no-such-page").accept(MediaType.TEXT_HTML))
			.andExpect(content().string(not(containsString("data-session-timeout"))))
			.andExpect(content().string(not(containsString("id=\"session-warning\""))));
	}

	/**
	 * The person's door keeps its sessions alive in its own chain, with its own CSRF
	 * token; its pages carry the timing, its keep-alive and its sign-out; after its
	 * session ended, signing in goes back to the door page asked for, never to a staff
	 * one; and a door form sent too late gets the door's own page.
	 */
	@Test
	void theDoorKeepsItsSessionAliveInItsOwnChainAndComesBackToItsOwnPage() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Doortimed"), lead);
		String code = invitations
			.invite(lead.actor(), person, new NewInvitation(ActingKind.SELF, "Door Timed", null, Set.of()))
			.code();
		String username = Fixtures.unique("doortimed");
		invitations.redeem(code, username, DOOR_PASSWORD, DOOR_PASSWORD, "198.51.100.250");
		String messages = "/me/people/" + person + "/messages";

		MockHttpSession door = new MockHttpSession();
		mvc.perform(get(messages).session(door).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/me/sign-in"));
		mvc.perform(post("/me/sign-in").session(door)
			.param("username", username)
			.param("password", DOOR_PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("http://localhost" + messages + "?continue"));
		door.setMaxInactiveInterval(1800);
		mvc.perform(get(messages).session(door))
			.andExpect(content().string(containsString("data-session-timeout=\"1740\"")))
			.andExpect(content().string(containsString("data-keep-alive=\"/me/session/keep-alive\"")))
			.andExpect(content().string(containsString("id=\"session-warning\"")))
			.andExpect(content().string(containsString("action=\"/me/sign-out\" method=\"post\" data-sign-out")))
			.andExpect(content().string(not(containsString("action=\"/logout\""))));
		// An address nobody answers under the door: the door's own page and way home.
		mvc.perform(get("/me/no-such-page").session(door).accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("id=\"not-found-heading\"")))
			.andExpect(content().string(containsString("href=\"/me\"")))
			.andExpect(content().string(containsString("data-keep-alive=\"/me/session/keep-alive\"")))
			.andExpect(content().string(not(containsString("Back to my caseload"))));
		mvc.perform(post("/me/session/keep-alive").session(door).with(csrf())).andExpect(status().isNoContent());
		mvc.perform(post("/me/session/keep-alive").session(door))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/me/session-ended"));
		// The staff keep-alive is not for a person's session: it holds no staff role.
		mvc.perform(post("/session/keep-alive").session(door).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/me/session/keep-alive").with(csrf())).andExpect(redirectedUrl("/me/sign-in"));

		// A staff page asked for in the same browser session is not where a person goes.
		MockHttpSession shared = new MockHttpSession();
		mvc.perform(get("/people").session(shared).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/me/sign-in").session(shared)
			.param("username", username)
			.param("password", DOOR_PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("/me"));

		HttpResponse<String> late = postForm(messages, "http://localhost:" + port + messages);
		assertThat(late.statusCode()).isEqualTo(403);
		assertThat(late.body()).contains("We signed you out")
			.contains("id=\"sign-in-again\" href=\"" + messages + "\"")
			.doesNotContain("govuk-service-navigation");
		assertThat(postForm(messages, "http://localhost:" + port + "/people").body())
			.contains("id=\"sign-in-again\" href=\"/me\"");
	}

	private MockHttpSession signedIn(Fixtures.Staff staff) throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(
				post("/login").param("username", staff.username()).param("password", Fixtures.PASSWORD).with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		// Tomcat's 30 minutes; the mock session has no timeout of its own.
		session.setMaxInactiveInterval(1800);
		return session;
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
