package care.seamless.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.Directory;
import care.seamless.team.DirectoryRule;
import care.seamless.team.ExternalIdentities;
import care.seamless.team.Organisation;
import care.seamless.team.OrganisationKind;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * Single sign-on and bearer tokens against a real OpenID Connect provider in this JVM
 * (mock-oauth2-server), which serves two made-up issuers: an NHS trust's (tied to one
 * organisation, identifying people by {@code sub}) and a council's (shared, identifying
 * people by {@code email}). Every SSO test lives in this class: the provider's address
 * makes it a Spring context of its own, and one is enough.
 */
@SeamlessTest
class SingleSignOnTests {

	static final String TRUST = "SSOTRUST";

	static final String API = "seamless-api";

	// How far behind the real time the provider's clock runs: set only while issuing an
	// expired token, as nothing else can make one without waiting for it to expire.
	static final AtomicReference<Duration> providerClockBehind = new AtomicReference<>(Duration.ZERO);

	// Netty rather than the default MockWebServer: the latter serves one connection at a
	// time and stalls on the browser's idle pre-connections.
	static final MockOAuth2Server provider = new MockOAuth2Server(new OAuth2Config(true, null, null, false,
			new OAuth2TokenProvider(() -> Instant.now().minus(providerClockBehind.get())), Set.of(),
			new NettyWrapper()));

	static {
		provider.start();
	}

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		String nhs = "seamless.sso.providers.nhs.";
		registry.add(nhs + "name", () -> "Test NHS Care Identity");
		registry.add(nhs + "organisation", () -> TRUST);
		registry.add(nhs + "issuer-uri", () -> provider.issuerUrl("nhs").toString());
		registry.add(nhs + "client-id", () -> "seamless");
		registry.add(nhs + "client-secret", () -> "not-a-real-secret");
		registry.add(nhs + "audience", () -> API);
		String council = "seamless.sso.providers.council.";
		registry.add(council + "name", () -> "Test Council");
		registry.add(council + "issuer-uri", () -> provider.issuerUrl("council").toString());
		registry.add(council + "client-id", () -> "seamless");
		registry.add(council + "client-secret", () -> "not-a-real-secret");
		registry.add(council + "user-claim", () -> "email");
		registry.add(council + "audience", () -> API);
		// Nothing listens on port 9 here: a provider that is down.
		String offline = "seamless.sso.providers.offline.";
		registry.add(offline + "name", () -> "Offline Provider");
		registry.add(offline + "issuer-uri", () -> "http://127.0.0.1:9/offline");
		registry.add(offline + "client-id", () -> "seamless");
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Directory directory;

	@Autowired
	ExternalIdentities identities;

	@Autowired
	AuditLog auditLog;

	OrganisationId trust;

	@BeforeEach
	void trust() {
		trust = directory.organisations()
			.stream()
			.filter(organisation -> organisation.code().equals(TRUST))
			.map(Organisation::id)
			.findFirst()
			.orElseGet(() -> directory.createOrganisation(fixtures.admin, TRUST, "SSO Test Trust",
					OrganisationKind.NHS_COMMUNITY_TRUST));
	}

	@Test
	void signsInThroughTheProvidersPageAndLandsOnTheCaseloadAsTheLinkedAccount() throws IOException {
		Fixtures.Staff nurse = linkedNurse();
		String name = directory.accountForSignIn(nurse.username()).orElseThrow().displayName();
		try (Browser browser = new Browser(port)) {
			signInAtProvider(browser, subjectOf(nurse));
			browser.waitFor(By.id("main-content"));
			assertThat(browser.driver().getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");
			assertThat(browser.text(By.cssSelector(".seamless-user"))).contains(name).contains("SSO Test Trust");

			// The session follows the account's standing like a password's: disabling
			// the account ends it at once.
			directory.setAccountEnabled(fixtures.admin, nurse.actor().accountId(), false);
			browser.open("/");
			browser.waitFor(By.id("password"));
			assertThat(browser.driver().getCurrentUrl()).contains("/login");
		}
	}

	@Test
	void refusesAnIdentityLinkedToNoAccountAndAuditsIt() throws IOException {
		String stranger = Fixtures.unique("stranger-");
		try (Browser browser = new Browser(port)) {
			signInAtProvider(browser, stranger);
			assertThat(browser.text(By.id("sso-refused"))).contains("not linked to a Seamless account");
			assertThat(browser.driver().getCurrentUrl()).endsWith("/login?sso=not_linked");
			browser.open("/");
			browser.waitFor(By.id("password"));
		}
		assertThat(denials("sign-in")).anySatisfy(entry -> {
			assertThat(entry.recordId()).isEqualTo("nhs");
			assertThat(entry.reason()).contains("not linked");
			// The subject may be an e-mail address: it stays out of the log.
			assertThat(entry.toString()).doesNotContain(stranger);
		});
	}

	@Test
	void refusesADisabledAccountThroughItsProvider() throws IOException {
		Fixtures.Staff nurse = linkedNurse();
		directory.setAccountEnabled(fixtures.admin, nurse.actor().accountId(), false);
		try (Browser browser = new Browser(port)) {
			signInAtProvider(browser, subjectOf(nurse));
			assertThat(browser.text(By.id("sso-refused"))).contains("disabled");
			browser.open("/");
			browser.waitFor(By.id("password"));
		}
		assertThat(denials("sign-in"))
			.anySatisfy(entry -> assertThat(entry.recordId()).isEqualTo(nurse.actor().accountId().toString()));
	}

	@Test
	void theSignInPageOffersEachProviderBesideThePasswordForm() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Sign in with Test NHS Care Identity")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/oauth2/authorization/council")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"password\"")));
		mvc.perform(get("/login").param("sso", "<script>"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("did not finish")));
	}

	@Test
	void aProviderThatCannotBeReachedOrDoesNotExistIsSaidSoOnTheSignInPage() throws Exception {
		mvc.perform(get("/oauth2/authorization/offline")).andExpect(redirectedUrl("/login?sso=unavailable"));
		mvc.perform(get("/oauth2/authorization/no-such-provider")).andExpect(redirectedUrl("/login?sso=unavailable"));
		mvc.perform(get("/login").param("sso", "unavailable"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("cannot be reached just now")));
	}

	@Test
	void aValidBearerTokenActsAsTheLinkedAccount() throws Exception {
		Fixtures.Staff nurse = linkedNurse();
		PersonId person = fixtures.person("Bearer", nurse);
		mvc.perform(get("/api/v1/people/{id}", person.id()).header("Authorization", bearer("nhs", subjectOf(nurse))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(person.id().toString()));
		// Another practitioner's token reaches the same record only as far as the
		// policy lets that practitioner: the token is mapped to its own account.
		Fixtures.Staff outsider = linkedNurse();
		mvc.perform(get("/api/v1/people/{id}", person.id()).header("Authorization", bearer("nhs", subjectOf(outsider))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aSharedProvidersTokenIsMappedByItsConfiguredClaim() throws Exception {
		Fixtures.Staff worker = fixtures.practitioner(
				fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE), Profession.SOCIAL_WORKER);
		String email = worker.username() + "@council.example";
		identities.link(fixtures.admin, worker.actor().accountId(), "council", null, email);
		PersonId person = fixtures.person("Council", worker);
		String token = "Bearer "
				+ provider.issueToken("council", Fixtures.unique("opaque-"), API, Map.of("email", email), 3600)
					.serialize();
		mvc.perform(get("/api/v1/people/{id}", person.id()).header("Authorization", token)).andExpect(status().isOk());
	}

	@Test
	void bearerCallsNeedNoCsrfToken() throws Exception {
		Fixtures.Staff nurse = linkedNurse();
		PersonId person = fixtures.person("Csrf", nurse);
		String body = "{\"need\": \"\"}";
		// The same call with a password as a form (which another site could send) is
		// refused for want of a CSRF token (a script's JSON with a password is not: ADR
		// 40) ...
		mvc.perform(post("/api/v1/people/{id}/care-plan/objectives", person.id())
			.with(httpBasic(nurse.username(), Fixtures.PASSWORD))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("need=")).andExpect(status().isForbidden());
		// ... and with a bearer token it reaches the API, which answers for itself
		// (this person has no care plan yet).
		mvc.perform(post("/api/v1/people/{id}/care-plan/objectives", person.id())
			.header("Authorization", bearer("nhs", subjectOf(nurse)))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
	}

	@Test
	void anExpiredTokenIsRefusedWithProblemJson() throws Exception {
		Fixtures.Staff nurse = linkedNurse();
		providerClockBehind.set(Duration.ofHours(2));
		String expired;
		try {
			expired = bearer("nhs", subjectOf(nurse));
		}
		finally {
			providerClockBehind.set(Duration.ZERO);
		}
		refused(get("/api/v1/people").param("q", "Smith").header("Authorization", expired))
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("expired")));
	}

	@Test
	void aTokenFromAnUnknownIssuerIsRefused() throws Exception {
		Fixtures.Staff nurse = linkedNurse();
		refused(get("/api/v1/people").param("q", "Smith").header("Authorization", bearer("stranger", subjectOf(nurse))))
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token")));
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() throws Exception {
		Fixtures.Staff nurse = linkedNurse();
		String elsewhere = "Bearer "
				+ provider.issueToken("nhs", subjectOf(nurse), "another-service", Map.of(), 3600).serialize();
		refused(get("/api/v1/people").param("q", "Smith").header("Authorization", elsewhere));
	}

	@Test
	void aTokenForAnUnlinkedOrDisabledAccountIsRefusedAndAudited() throws Exception {
		refused(get("/api/v1/people").param("q", "Smith")
			.header("Authorization", bearer("nhs", Fixtures.unique("nobody-"))));
		Fixtures.Staff nurse = linkedNurse();
		mvc.perform(get("/api/v1/people").param("q", "Smith").header("Authorization", bearer("nhs", subjectOf(nurse))))
			.andExpect(status().isOk());
		directory.setAccountEnabled(fixtures.admin, nurse.actor().accountId(), false);
		refused(get("/api/v1/people").param("q", "Smith").header("Authorization", bearer("nhs", subjectOf(nurse))));
		assertThat(denials("api-token"))
			.anySatisfy(entry -> assertThat(entry.recordId()).isEqualTo(nurse.actor().accountId().toString()));
	}

	@Test
	void noTokenAndAMalformedOneAreRefusedWithProblemJson() throws Exception {
		refused(get("/api/v1/people").param("q", "Smith"))
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")));
		refused(get("/api/v1/people").param("q", "Smith").header("Authorization", "Bearer not.a.token"));
		refused(get("/api/v1/people").param("q", "Smith").header("Authorization", "Bearer a b c"));
		// A control character never gets past the firewall.
		mvc.perform(get("/api/v1/people").param("q", "Smith").header("Authorization", "Bearer \u0000"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anotherOrganisationsProviderCannotBeLinkedToThisAccount() {
		Fixtures.Staff social = fixtures.practitioner(
				fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE), Profession.SOCIAL_WORKER);
		assertThatThrownBy(() -> identities.link(fixtures.admin, social.actor().accountId(), "nhs", TRUST, "x1"))
			.isInstanceOf(DirectoryRule.class)
			.hasMessageContaining("another organisation");
		Fixtures.Staff nurse = linkedNurse();
		assertThatThrownBy(() -> identities.link(fixtures.admin, linkedNurse().actor().accountId(), "nhs", TRUST,
				subjectOf(nurse)))
			.isInstanceOf(DirectoryRule.class)
			.hasMessageContaining("already linked");
		assertThatThrownBy(() -> identities.link(fixtures.admin, nurse.actor().accountId(), "nhs", TRUST, "a\u0000b"))
			.isInstanceOf(DirectoryRule.class);
		assertThatThrownBy(() -> identities.link(nurse.actor(), nurse.actor().accountId(), "nhs", TRUST, "mine"))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void anAdministratorLinksAndUnlinksAnIdentityOnTheAccountsPage() throws Exception {
		Fixtures.Staff admin = fixtures.practitioner(trust, Profession.NURSE, care.seamless.shared.Role.ADMINISTRATOR);
		Fixtures.Staff nurse = fixtures.practitioner(trust, Profession.NURSE);
		String page = "/admin/accounts/" + nurse.actor().accountId().id() + "/sign-in";
		String subject = Fixtures.unique("uid-");
		mvc.perform(post(page).param("provider", "nhs")
			.param("subject", " " + subject + " ")
			.with(httpBasic(admin.username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get(page).with(httpBasic(admin.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(subject)));
		mvc.perform(get("/api/v1/people").param("q", "Smith").header("Authorization", bearer("nhs", subject)))
			.andExpect(status().isOk());
		// Bad input is a field message on the page, and nothing is saved.
		mvc.perform(post(page).param("provider", "nhs")
			.param("subject", "x".repeat(300))
			.with(httpBasic(admin.username(), Fixtures.PASSWORD))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("at most 256 characters")));
		mvc.perform(post(page).param("provider", "no-such-provider")
			.param("subject", "x")
			.with(httpBasic(admin.username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(status().isNotFound());
		// Only administrators.
		mvc.perform(post(page).param("provider", "nhs")
			.param("subject", "mine")
			.with(httpBasic(nurse.username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post(page + "/unlink").param("provider", "nhs")
			.with(httpBasic(admin.username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(status().is3xxRedirection());
		refused(get("/api/v1/people").param("q", "Smith").header("Authorization", bearer("nhs", subject)));
	}

	private ResultActions refused(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request)
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
	}

	private Fixtures.Staff linkedNurse() {
		Fixtures.Staff nurse = fixtures.practitioner(trust, Profession.NURSE);
		identities.link(fixtures.admin, nurse.actor().accountId(), "nhs", TRUST, subjectOf(nurse));
		return nurse;
	}

	private static String subjectOf(Fixtures.Staff staff) {
		return "cis2-" + staff.username();
	}

	private static String bearer(String issuer, String subject) {
		return "Bearer " + provider.issueToken(issuer, subject, API, Map.of(), 3600).serialize();
	}

	private void signInAtProvider(Browser browser, String subject) {
		browser.open("/login");
		browser.clickThrough(By.linkText("Sign in with Test NHS Care Identity"));
		browser.waitFor(By.name("username")).sendKeys(subject);
		browser.clickThrough(By.cssSelector("input[type=submit]"));
	}

	private List<AuditEntry> denials(String action) {
		return auditLog.recent(200, true).stream().filter(entry -> entry.action().equals(action)).toList();
	}

}
