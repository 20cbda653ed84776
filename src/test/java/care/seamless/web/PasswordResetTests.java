package care.seamless.web;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.Accounts;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An administrator's reset gives a one-time code, kept only as a hash, that works once
 * and runs out; the person must then choose a new password before anything else.
 */
@SeamlessTest
class PasswordResetTests {

	private static final String NEW_PASSWORD = "orchard-lantern-pebble";

	private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

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
	void aResetShowsACodeOnceKeepsOnlyItsHashAndEndsTheOldPasswordAndSessions() throws Exception {
		Fixtures.Staff admin = administrator();
		Fixtures.Staff nurse = nurse();
		AccountId account = account(nurse);
		MockHttpSession open = signIn(nurse.username(), Fixtures.PASSWORD).andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false) instanceof MockHttpSession session ? session : null;

		String page = mvc
			.perform(post("/admin/accounts/{id}/reset", account).with(httpBasic(admin.username(), Fixtures.PASSWORD))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String code = codeOn(page);

		assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
		String stored = jdbc.sql("select code_hash from team.password_reset where account_id = :id")
			.param("id", account.id())
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(code).doesNotContain(code.replace("-", ""));
		assertThat(audits("reset-password", account)).isEqualTo(1);
		mvc.perform(get("/").session(open)).andExpect(redirectedUrl("/login"));
		signIn(nurse.username(), Fixtures.PASSWORD).andExpect(redirectedUrl("/login?error"));
		// The account page never shows the code again.
		mvc.perform(get("/admin/accounts/{id}", account).with(httpBasic(admin.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(code))));
	}

	@Test
	void theCodeSignsInOnceAndThePersonMustChooseANewPasswordBeforeAnythingElse() throws Exception {
		Fixtures.Staff admin = administrator();
		Fixtures.Staff nurse = nurse();
		AccountId account = account(nurse);
		String code = accounts.resetPassword(admin.actor(), account);

		// Typed in lower case and without dashes, as people do.
		MockHttpSession session = (MockHttpSession) signIn(nurse.username(), code.toLowerCase().replace("-", ""))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/people").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/api/people").session(session).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("SIGN_IN_INCOMPLETE"));
		mvc.perform(get("/account/password").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Choose a new password")));

		// The code is used up: it does not sign in again.
		signIn(nurse.username(), code).andExpect(redirectedUrl("/login?error"));

		mvc.perform(post("/account/password").session(session)
			.param("newPassword", "password1234")
			.param("confirmPassword", "password1234")
			.with(csrf())).andExpect(model().attributeHasFieldErrors("passwordForm", "newPassword"));
		mvc.perform(post("/account/password").session(session)
			.param("newPassword", NEW_PASSWORD)
			.param("confirmPassword", NEW_PASSWORD + "x")
			.with(csrf())).andExpect(model().attributeHasFieldErrors("passwordForm", "confirmPassword"));
		mvc.perform(post("/account/password").session(session)
			.param("newPassword", NEW_PASSWORD)
			.param("confirmPassword", NEW_PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("/"));

		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		assertThat(accounts.details(account).mustChangePassword()).isFalse();
		assertThat(audits("change-password", account)).isEqualTo(1);
		signIn(nurse.username(), NEW_PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void anExpiredCodeDoesNotSignIn() throws Exception {
		Fixtures.Staff admin = administrator();
		Fixtures.Staff nurse = nurse();
		AccountId account = account(nurse);
		String code = accounts.resetPassword(admin.actor(), account);
		jdbc.sql("update team.password_reset set expires_at = now() - interval '1 second' where account_id = :id")
			.param("id", account.id())
			.update();
		signIn(nurse.username(), code).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aCodeDoesNotSignInAsSomeoneElseOrAfterASecondReset() throws Exception {
		Fixtures.Staff admin = administrator();
		Fixtures.Staff nurse = nurse();
		Fixtures.Staff other = nurse();
		String first = accounts.resetPassword(admin.actor(), account(nurse));
		signIn(other.username(), first).andExpect(redirectedUrl("/login?error"));
		String second = accounts.resetPassword(admin.actor(), account(nurse));
		assertThat(second).isNotEqualTo(first);
		signIn(nurse.username(), first).andExpect(redirectedUrl("/login?error"));
		signIn(nurse.username(), second).andExpect(redirectedUrl("/"));
	}

	@Test
	void aVoluntaryChangeNeedsTheCurrentPassword() throws Exception {
		Fixtures.Staff nurse = nurse();
		MockHttpSession session = (MockHttpSession) signIn(nurse.username(), Fixtures.PASSWORD).andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(post("/account/password").session(session)
			.param("currentPassword", "not-my-password")
			.param("newPassword", NEW_PASSWORD)
			.param("confirmPassword", NEW_PASSWORD)
			.with(csrf())).andExpect(model().attributeHasFieldErrors("passwordForm", "currentPassword"));
		signIn(nurse.username(), Fixtures.PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void onlyAdministratorsResetAndNotTheirOwn() throws Exception {
		Fixtures.Staff admin = administrator();
		Fixtures.Staff nurse = nurse();
		mvc.perform(
				post("/admin/accounts/{id}/reset", account(admin)).with(httpBasic(nurse.username(), Fixtures.PASSWORD))
					.with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(
				post("/admin/accounts/{id}/reset", account(admin)).with(httpBasic(admin.username(), Fixtures.PASSWORD))
					.with(csrf()))
			.andExpect(redirectedUrl("/admin/accounts"));
		assertThat(jdbc.sql("select count(*) from team.password_reset where account_id = :id")
			.param("id", account(admin).id())
			.query(Long.class)
			.single()).isZero();
		signIn(admin.username(), Fixtures.PASSWORD).andExpect(redirectedUrl("/"));
	}

	static String codeOn(String page) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("id=\"reset-code\">([A-Z0-9-]+)<")
			.matcher(page);
		assertThat(matcher.find()).as("a code on the page").isTrue();
		return matcher.group(1);
	}

	private ResultActions signIn(String username, String password) throws Exception {
		return mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with(request -> {
					// Each sign-in from its own address, so these tests never reach the
					// per-address hold.
					request.setRemoteAddr("198.51.100." + ADDRESSES.incrementAndGet() % 250);
					return request;
				}));
	}

	private long audits(String action, AccountId account) {
		return jdbc.sql("""
				select count(*) from audit.entry where action = :action and record_type = 'Account' and record_id = :id
				""").param("action", action).param("id", account.toString()).query(Long.class).single();
	}

	private Fixtures.Staff administrator() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		return fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
	}

	private Fixtures.Staff nurse() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		return fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
	}

	private AccountId account(Fixtures.Staff staff) {
		return directory.accountForSignIn(staff.username()).orElseThrow().id();
	}

}
