package care.seamless.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.team.Accounts;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * HTTP Basic reads the account, its standing and the throttle in one statement and
 * remembers a right password for a few minutes (ADR 40, ADR 52): none of that may let
 * through what a full sign-in refuses. And the session table is written only when a
 * session changed.
 */
@SeamlessTest
class BasicSignInTests {

	private static final AtomicInteger ADDRESSES = new AtomicInteger(100);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Directory directory;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@LocalServerPort
	int port;

	@Test
	void aRememberedPasswordIsRefusedOnceTheAccountIsDisabledOrHeld() throws Exception {
		Fixtures.Staff nurse = staff();
		RequestPostProcessor from = newAddress();
		mvc.perform(get("/api/v1/people?q=Nobody").with(httpBasic(nurse.username(), Fixtures.PASSWORD)).with(from))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/people?q=Nobody").with(httpBasic(nurse.username(), Fixtures.PASSWORD)).with(from))
			.andExpect(status().isOk());
		for (int i = 0; i < 4; i++) {
			mvc.perform(get("/api/v1/people?q=Nobody").with(httpBasic(nurse.username(), "wrong-" + i)).with(from))
				.andExpect(status().isUnauthorized());
		}
		// Too soon after four wrong ones, whatever was remembered.
		mvc.perform(
				get("/api/v1/people?q=Nobody").with(httpBasic(nurse.username(), Fixtures.PASSWORD)).with(newAddress()))
			.andExpect(status().isUnauthorized());

		Fixtures.Staff other = staff();
		mvc.perform(get("/api/v1/people?q=Nobody").with(httpBasic(other.username(), Fixtures.PASSWORD)).with(from))
			.andExpect(status().isOk());
		directory.setAccountEnabled(fixtures.admin, other.actor().accountId(), false);
		mvc.perform(
				get("/api/v1/people?q=Nobody").with(httpBasic(other.username(), Fixtures.PASSWORD)).with(newAddress()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aRightPasswordClearsEarlierFailuresAndACleanSignInWritesNoThrottleRow() throws Exception {
		Fixtures.Staff nurse = staff();
		mvc.perform(
				get("/api/v1/people?q=Nobody").with(httpBasic(nurse.username(), Fixtures.PASSWORD)).with(newAddress()))
			.andExpect(status().isOk());
		assertThat(throttleRows(nurse.username())).isZero();
		mvc.perform(get("/api/v1/people?q=Nobody").with(httpBasic(nurse.username(), "wrong")).with(newAddress()))
			.andExpect(status().isUnauthorized());
		assertThat(throttleRows(nurse.username())).isOne();
		mvc.perform(
				get("/api/v1/people?q=Nobody").with(httpBasic(nurse.username(), Fixtures.PASSWORD)).with(newAddress()))
			.andExpect(status().isOk());
		assertThat(throttleRows(nurse.username())).isZero();
	}

	/** Over real HTTP: MockMvc skips the session table. */
	@Test
	void basicCallsToTheApiAndFhirLeaveNoSession() throws Exception {
		Fixtures.Staff nurse = staff();
		String credentials = Base64.getEncoder()
			.encodeToString((nurse.username() + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpClient client = HttpClient.newHttpClient();
		for (String path : new String[] { "/api/v1/people?q=Nobody", "/api/v1/people?q=Nobody",
				"/fhir/Patient?family=Nobody" }) {
			HttpResponse<String> response = client
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Authorization", "Basic " + credentials)
					.header("Accept", "application/json")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
		}
		assertThat(jdbc.sql("select count(*) from cluster.http_session where principal_name = :name")
			.param("name", nurse.username())
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * A client that sends a session cookie beside its Basic credentials (the bench does,
	 * from its form sign-in) must not make the stateless FHIR chain touch that session:
	 * neither its last use nor its id (which ended the session for the pages).
	 */
	@Test
	void aFhirCallWithASessionCookieLeavesTheSessionAlone() throws Exception {
		Fixtures.Staff nurse = staff();
		String id = saved(sessions.createSession());
		// Last used two steps ago: a request that opened the session would write the row.
		jdbc.sql("""
				update cluster.http_session
				set last_access_time = last_access_time - :idle, expiry_time = expiry_time - :idle
				where session_id = :id
				""").param("idle", SessionWrites.LAST_ACCESS_STEP.multipliedBy(2).toMillis()).param("id", id).update();
		Instant idle = lastAccess(id);

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient?family=Nobody"))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((nurse.username() + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.header("Cookie",
						"JSESSIONID=" + Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)))
				.header("Accept", "application/fhir+json")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		// The same id (not changed for the call) and the same last use.
		assertThat(lastAccess(id)).isEqualTo(idle);
	}

	/**
	 * Over real HTTP, where each request's account standing comes with its session's own
	 * read (ADR 70): the standing that read brings is the directory's, every change to it
	 * counts from the very next request, and a disabled account is refused there.
	 */
	@Test
	void aSessionsStandingIsReadWithItOnEveryRequestAndADisabledAccountIsRefusedOnTheNext() throws Exception {
		Fixtures.Staff nurse = staff();
		AccountId account = nurse.actor().accountId();
		String cookie = formSignIn(nurse.username());
		assertThat(apiCall(cookie).statusCode()).isEqualTo(200);

		String id = new String(Base64.getDecoder().decode(cookie.substring(cookie.indexOf('=') + 1)),
				StandardCharsets.UTF_8);
		SessionWrites.InSteps.READ.set(new HashMap<>());
		try {
			assertThat(sessions.findById(id)).isNotNull();
			assertThat(SessionWrites.standingReadWith(id))
				.isEqualTo(new Directory.StandingRead(account, directory.standing(account).orElseThrow()));
		}
		finally {
			SessionWrites.InSteps.READ.remove();
		}

		setMustChangePassword(account, true);
		HttpResponse<String> held = apiCall(cookie);
		assertThat(held.statusCode()).isEqualTo(403);
		assertThat(held.body()).contains("new password");
		setMustChangePassword(account, false);
		assertThat(apiCall(cookie).statusCode()).isEqualTo(200);

		directory.setAccountEnabled(fixtures.admin, account, false);
		assertThat(apiCall(cookie).statusCode()).isEqualTo(401);
		assertThat(jdbc.sql("select count(*) from cluster.http_session where session_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).as("the session ended").isZero();

		// A new session epoch (roles or password changed by an administrator) ends the
		// next session the same way.
		Fixtures.Staff other = staff();
		String otherCookie = formSignIn(other.username());
		assertThat(apiCall(otherCookie).statusCode()).isEqualTo(200);
		jdbc.sql("update team.account set session_epoch = session_epoch + 1 where id = :id")
			.param("id", other.actor().accountId().id())
			.update();
		assertThat(apiCall(otherCookie).statusCode()).isEqualTo(401);
	}

	/**
	 * A session's security context is not deserialised again while its bytes in the row
	 * are the same (ADR 81), but the row is still read on every request: a session signed
	 * out, or idle for its whole timeout, is refused on the very next API call after
	 * calls that were answered from the kept context.
	 */
	@Test
	void aKeptSignInIsRefusedOnTheVeryNextCallOnceSignedOutOrIdle() throws Exception {
		String cookie = formSignIn(staff().username());
		assertThat(apiCall(cookie).statusCode()).isEqualTo(200);
		assertThat(apiCall(cookie).statusCode()).as("from the kept context").isEqualTo(200);
		HttpResponse<String> signedOut = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
				.header("Accept", "text/html")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", cookie)
				.POST(HttpRequest.BodyPublishers
					.ofString("_csrf=" + URLEncoder.encode(csrfToken(cookie), StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(signedOut.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).contains("signedOut"));
		assertThat(apiCall(cookie).statusCode()).as("signed out").isEqualTo(401);

		String idle = formSignIn(staff().username());
		assertThat(apiCall(idle).statusCode()).isEqualTo(200);
		assertThat(apiCall(idle).statusCode()).as("from the kept context").isEqualTo(200);
		jdbc.sql("""
				update cluster.http_session
				set last_access_time = last_access_time - :idle, expiry_time = expiry_time - :idle
				where session_id = :id
				""").param("idle", Duration.ofMinutes(31).toMillis()).param("id", sessionId(idle)).update();
		assertThat(apiCall(idle).statusCode()).as("idle for its timeout").isEqualTo(401);
	}

	/** The form token of a signed-in session, from its home page. */
	private String csrfToken(String cookie) throws IOException, InterruptedException {
		HttpResponse<String> home = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).header("Cookie", cookie).build(),
					HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(home.body());
		assertThat(csrf.find()).isTrue();
		return csrf.group(1);
	}

	private static String sessionId(String cookie) {
		return new String(Base64.getDecoder().decode(cookie.substring(cookie.indexOf('=') + 1)),
				StandardCharsets.UTF_8);
	}

	/**
	 * The FHIR chain's remembered password (an HMAC of what was sent, ADR 40, 75) over
	 * real HTTP: once remembered, a new password, a disabled account and a raised session
	 * epoch are each refused on the very next call.
	 */
	@Test
	void aRememberedFhirPasswordIsRefusedOnTheVeryNextCallOnceChangedOrDisabled() throws Exception {
		Fixtures.Staff changed = staff();
		assertThat(fhirCall(changed.username(), Fixtures.PASSWORD).statusCode()).isEqualTo(200);
		assertThat(fhirCall(changed.username(), Fixtures.PASSWORD).statusCode()).as("remembered").isEqualTo(200);
		accounts.changeOwnPassword(changed.actor(), Fixtures.PASSWORD, "a-new-and-longer-password-" + port);
		assertThat(fhirCall(changed.username(), Fixtures.PASSWORD).statusCode()).as("old password").isEqualTo(401);
		assertThat(fhirCall(changed.username(), "a-new-and-longer-password-" + port).statusCode()).isEqualTo(200);

		Fixtures.Staff disabled = staff();
		assertThat(fhirCall(disabled.username(), Fixtures.PASSWORD).statusCode()).isEqualTo(200);
		assertThat(fhirCall(disabled.username(), Fixtures.PASSWORD).statusCode()).as("remembered").isEqualTo(200);
		directory.setAccountEnabled(fixtures.admin, disabled.actor().accountId(), false);
		assertThat(fhirCall(disabled.username(), Fixtures.PASSWORD).statusCode()).as("disabled").isEqualTo(401);

		// A raised epoch (an administrator changed the roles) ends the remembered sign-in
		// too (RememberedCredentialsTests); a Basic call carries the password, so the
		// next call is a new sign-in, checked afresh and given the account's current
		// roles.
		Fixtures.Staff raised = staff();
		assertThat(fhirCall(raised.username(), Fixtures.PASSWORD).statusCode()).isEqualTo(200);
		jdbc.sql("update team.account set session_epoch = session_epoch + 1 where id = :id")
			.param("id", raised.actor().accountId().id())
			.update();
		assertThat(fhirCall(raised.username(), Fixtures.PASSWORD).statusCode()).as("signed in afresh").isEqualTo(200);
		HttpResponse<String> refused = fhirCall(raised.username(), "not-" + Fixtures.PASSWORD);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("unauthenticated");
	}

	private HttpResponse<String> fhirCall(String username, String password) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient?family=Nobody"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
				.header("Accept", "application/fhir+json")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void setMustChangePassword(AccountId account, boolean must) {
		jdbc.sql("update team.account set must_change_password = :must where id = :id")
			.param("must", must)
			.param("id", account.id())
			.update();
	}

	private HttpResponse<String> apiCall(String cookie) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/people?q=Nobody"))
				.header("Accept", "application/json")
				.header("Cookie", cookie)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Signs in through the sign-in page; the session cookie it ends with. */
	private String formSignIn(String username) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> page = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", sessionCookie(page))
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		return sessionCookie(signedIn);
	}

	private static String sessionCookie(HttpResponse<String> response) {
		String set = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.reduce((x, y) -> y)
			.orElseThrow();
		return set.substring(0, set.indexOf(';'));
	}

	@Test
	void theLastUseIsWrittenInStepsAndAnIdleSessionStillEnds() {
		String id = saved(sessions.createSession());
		Instant stored = lastAccess(id);

		// A request within the step changes nothing in the row.
		touch(id, stored.plusSeconds(30));
		assertThat(lastAccess(id)).isEqualTo(stored);
		// A request a step or more later moves it, and the end with it.
		touch(id, stored.plus(SessionWrites.LAST_ACCESS_STEP));
		assertThat(lastAccess(id)).isEqualTo(stored.plus(SessionWrites.LAST_ACCESS_STEP));

		// Idle for its whole timeout (the row's times moved back as if it had been):
		// gone.
		jdbc.sql("""
				update cluster.http_session
				set last_access_time = last_access_time - :idle, expiry_time = expiry_time - :idle
				where session_id = :id
				""").param("idle", Duration.ofMinutes(31).toMillis()).param("id", id).update();
		assertThat(sessions.findById(id)).isNull();
	}

	private <S extends Session> String saved(S session) {
		@SuppressWarnings("unchecked")
		SessionRepository<S> repository = (SessionRepository<S>) sessions;
		repository.save(session);
		return session.getId();
	}

	private void touch(String id, Instant at) {
		touch(sessions, id, at);
	}

	private static <S extends Session> void touch(SessionRepository<S> repository, String id, Instant at) {
		S session = repository.findById(id);
		session.setLastAccessedTime(at);
		repository.save(session);
	}

	private Instant lastAccess(String id) {
		return Instant.ofEpochMilli(jdbc.sql("select last_access_time from cluster.http_session where session_id = :id")
			.param("id", id)
			.query(Long.class)
			.single());
	}

	private long throttleRows(String username) {
		return jdbc.sql("select count(*) from team.sign_in_throttle where key = :key")
			.param("key", "account:" + username.toLowerCase(java.util.Locale.ROOT))
			.query(Long.class)
			.single();
	}

	private Fixtures.Staff staff() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		return fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
	}

	private static RequestPostProcessor newAddress() {
		String address = "198.51.100." + ADDRESSES.incrementAndGet();
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
