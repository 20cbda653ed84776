package care.seamless.web;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.Accounts;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import care.seamless.team.TotpCodes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The optional second factor: set up with a key shown as text and confirmed with a code,
 * then asked for at every sign-in; removed by an administrator's reset.
 */
@SeamlessTest
class SecondFactorTests {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

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

	@Test
	void settingUpNeedsACodeFromTheNewKeyAndTheKeyIsStoredEncrypted() throws Exception {
		Fixtures.Staff nurse = nurse();
		MockHttpSession session = session(signIn(nurse.username(), Fixtures.PASSWORD));
		String key = keyOn(mvc.perform(post("/account/two-factor").session(session).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		byte[] stored = jdbc.sql("select totp_secret from team.account where id = :id")
			.param("id", account(nurse).id())
			.query(byte[].class)
			.single();
		assertThat(stored).isNotEqualTo(TotpCodes.fromBase32(key));
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(key);
		assertThat(accounts.hasSecondFactor(account(nurse))).isFalse();

		// A wrong code leaves it off, and shows a new key.
		String page = mvc
			.perform(post("/account/two-factor/confirm").session(session).param("code", "000000").with(csrf()))
			.andExpect(model().attribute("codeRefused", true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String newKey = keyOn(page);
		assertThat(newKey).isNotEqualTo(key);
		assertThat(accounts.hasSecondFactor(account(nurse))).isFalse();

		mvc.perform(post("/account/two-factor/confirm").session(session)
			.param("code", TotpCodes.code(newKey, TotpCodes.stepNow()))
			.with(csrf())).andExpect(redirectedUrl("/account"));
		assertThat(accounts.hasSecondFactor(account(nurse))).isTrue();
		// The session that set it up goes on without being asked again.
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
	}

	@Test
	void signingInAsksForTheCodeBeforeAnyPageAndThenGoesWhereThePersonWasGoing() throws Exception {
		Fixtures.Staff nurse = nurse();
		String key = enrol(nurse);
		MockHttpSession session = session(signIn(nurse.username(), Fixtures.PASSWORD));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login/code"));
		mvc.perform(get("/api/people").session(session).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("SIGN_IN_INCOMPLETE"));
		mvc.perform(get("/login/code").session(session)).andExpect(status().isOk());

		mvc.perform(post("/login/code").session(session).param("code", wrongCode(key)).with(csrf()))
			.andExpect(model().attribute("codeRefused", true));
		mvc.perform(get("/people").session(session)).andExpect(redirectedUrl("/login/code"));

		String code = TotpCodes.code(key, TotpCodes.stepNow() + 1);
		mvc.perform(post("/login/code").session(session).param("code", code).with(csrf()))
			.andExpect(redirectedUrl("/people"));
		mvc.perform(get("/").session(session)).andExpect(status().isOk());

		// The same code does not work twice, even in another session.
		MockHttpSession second = session(signIn(nurse.username(), Fixtures.PASSWORD));
		mvc.perform(post("/login/code").session(second).param("code", code).with(csrf()))
			.andExpect(model().attribute("codeRefused", true));
		mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/login/code"));
	}

	@Test
	void basicSignInCannotSkipTheSecondFactor() throws Exception {
		Fixtures.Staff nurse = nurse();
		enrol(nurse);
		mvc.perform(get("/api/people").with(httpBasic(nurse.username(), Fixtures.PASSWORD)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("SIGN_IN_INCOMPLETE"));
	}

	@Test
	void anotherPersonSigningInInTheSameBrowserIsAskedForTheirOwnCode() throws Exception {
		Fixtures.Staff nurse = nurse();
		Fixtures.Staff other = nurse();
		String key = enrol(nurse);
		enrol(other);
		MockHttpSession session = session(signIn(nurse.username(), Fixtures.PASSWORD));
		mvc.perform(post("/login/code").session(session)
			.param("code", TotpCodes.code(key, TotpCodes.stepNow()))
			.with(csrf())).andExpect(redirectedUrl("/"));
		MockHttpSession same = session(mvc.perform(post("/login").session(session)
			.param("username", other.username())
			.param("password", Fixtures.PASSWORD)
			.with(csrf())
			.with(newAddress())));
		mvc.perform(get("/").session(same)).andExpect(redirectedUrl("/login/code"));
	}

	@Test
	void anAdministratorsResetTurnsTheSecondFactorOff() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff admin = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		Fixtures.Staff nurse = nurse();
		enrol(nurse);
		String code = accounts.resetPassword(admin.actor(), account(nurse));
		assertThat(accounts.hasSecondFactor(account(nurse))).isFalse();
		MockHttpSession session = session(signIn(nurse.username(), code));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
	}

	private String enrol(Fixtures.Staff staff) throws Exception {
		MockHttpSession session = session(signIn(staff.username(), Fixtures.PASSWORD));
		String key = keyOn(mvc.perform(post("/account/two-factor").session(session).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString());
		// A code from the step before, so the one a test uses next is still unused.
		mvc.perform(post("/account/two-factor/confirm").session(session)
			.param("code", TotpCodes.code(key, TotpCodes.stepNow() - 1))
			.with(csrf())).andExpect(redirectedUrl("/account"));
		return key;
	}

	private static String wrongCode(String key) {
		long now = TotpCodes.stepNow();
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!code.equals(TotpCodes.code(key, now - 1)) && !code.equals(TotpCodes.code(key, now))
					&& !code.equals(TotpCodes.code(key, now + 1))) {
				return code;
			}
		}
	}

	static String keyOn(String page) {
		Matcher matcher = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<").matcher(page);
		assertThat(matcher.find()).as("a key on the page").isTrue();
		return matcher.group(1).replace(" ", "");
	}

	private ResultActions signIn(String username, String password) throws Exception {
		return mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with(newAddress()))
			.andExpect(redirectedUrl("/"));
	}

	private static MockHttpSession session(ResultActions result) {
		return (MockHttpSession) result.andReturn().getRequest().getSession(false);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor newAddress() {
		String address = "203.0.113." + ADDRESSES.incrementAndGet() % 250;
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private Fixtures.Staff nurse() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		return fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
	}

	private AccountId account(Fixtures.Staff staff) {
		return directory.accountForSignIn(staff.username()).orElseThrow().id();
	}

}
