package care.seamless.web;

import java.util.concurrent.atomic.AtomicInteger;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Password guessing is slowed, then stopped, per account and per address, and every
 * refusal looks the same. Each test signs in from its own made-up address so the
 * per-address counts never reach other tests.
 */
@SeamlessTest
class SignInThrottleTests {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twentyWrongPasswordsThenTheRightOneIsRefusedWhileLocked() throws Exception {
		Fixtures.Staff nurse = staff();
		RequestPostProcessor from = newAddress();
		for (int i = 0; i < 20; i++) {
			signIn(nurse.username(), "wrong-password-" + i, from).andExpect(redirectedUrl("/login?error"));
		}
		signIn(nurse.username(), Fixtures.PASSWORD, from).andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		// Basic sign-in goes through the same lock.
		mvc.perform(get("/").with(httpBasic(nurse.username(), Fixtures.PASSWORD)).with(newAddress()))
			.andExpect(status().isUnauthorized());
		assertThat(lockedMinutes(nurse.username())).isGreaterThanOrEqualTo(14);
	}

	@Test
	void aRightPasswordTooSoonAfterSeveralWrongOnesIsRefused() throws Exception {
		Fixtures.Staff nurse = staff();
		RequestPostProcessor from = newAddress();
		for (int i = 0; i < 6; i++) {
			signIn(nurse.username(), "wrong-password-" + i, from);
		}
		signIn(nurse.username(), Fixtures.PASSWORD, from).andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		assertThat(lockedMinutes(nurse.username())).isZero();
	}

	@Test
	void anUnknownUserGetsExactlyTheSameAnswerAsAWrongPassword() throws Exception {
		Fixtures.Staff nurse = staff();
		String unknown = Fixtures.unique("nobody");
		RequestPostProcessor from = newAddress();
		signIn(nurse.username(), "wrong-password", from).andExpect(redirectedUrl("/login?error"));
		signIn(unknown, "wrong-password", from).andExpect(redirectedUrl("/login?error"));
		// An unknown name locks like a real one, so a lock reveals nothing either.
		for (int i = 0; i < 10; i++) {
			signIn(unknown, "wrong-password-" + i, from).andExpect(redirectedUrl("/login?error"));
		}
		assertThat(lockedMinutes(unknown)).isGreaterThanOrEqualTo(14);
		String page = mvc.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("The username or password is not right");
	}

	@Test
	void theLockoutRunsOut() throws Exception {
		Fixtures.Staff nurse = staff();
		RequestPostProcessor from = newAddress();
		for (int i = 0; i < 10; i++) {
			signIn(nurse.username(), "wrong-password-" + i, from);
		}
		signIn(nurse.username(), Fixtures.PASSWORD, from).andExpect(unauthenticated());
		// Time passing, without waiting for it: the hold now ends in the past.
		jdbc.sql("""
				update team.sign_in_throttle set not_before = now() - interval '1 second',
				locked_until = now() - interval '1 second' where key = :key
				""").param("key", "account:" + nurse.username()).update();
		signIn(nurse.username(), Fixtures.PASSWORD, newAddress()).andExpect(redirectedUrl("/"))
			.andExpect(authenticated());
		assertThat(failures(nurse.username())).isZero();
	}

	@Test
	void anAdministratorUnlocksAnAccountAndTheUnlockIsAudited() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff admin = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		Fixtures.Staff nurse = staff();
		AccountId account = directory.accountForSignIn(nurse.username()).orElseThrow().id();
		RequestPostProcessor from = newAddress();
		for (int i = 0; i < 10; i++) {
			signIn(nurse.username(), "wrong-password-" + i, from);
		}
		assertThat(directory.lockedAccounts()).contains(account);
		mvc.perform(get("/admin/accounts").with(httpBasic(admin.username(), Fixtures.PASSWORD)))
			.andExpect(
					content().string(org.hamcrest.Matchers.containsString("/admin/accounts/" + account + "/unlock")));

		mvc.perform(post("/admin/accounts/{id}/unlock", account).with(httpBasic(admin.username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(redirectedUrl("/admin/accounts"));

		assertThat(directory.lockedAccounts()).doesNotContain(account);
		assertThat(jdbc.sql("""
				select count(*) from audit.entry where action = 'unlock' and record_type = 'Account'
				and record_id = :id and account = :admin
				""").param("id", account.toString()).param("admin", admin.username()).query(Long.class).single())
			.isEqualTo(1);
		signIn(nurse.username(), Fixtures.PASSWORD, newAddress()).andExpect(redirectedUrl("/"));
	}

	@Test
	void aPractitionerCannotUnlockAnAccount() throws Exception {
		Fixtures.Staff nurse = staff();
		Fixtures.Staff other = staff();
		AccountId account = directory.accountForSignIn(other.username()).orElseThrow().id();
		mvc.perform(post("/admin/accounts/{id}/unlock", account).with(httpBasic(nurse.username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void manyFailuresFromOneAddressHoldThatAddressButNotOthers() throws Exception {
		Fixtures.Staff nurse = staff();
		RequestPostProcessor from = newAddress();
		for (int i = 0; i < 31; i++) {
			signIn(Fixtures.unique("guess"), "wrong-password", from);
		}
		signIn(nurse.username(), Fixtures.PASSWORD, from).andExpect(unauthenticated());
		signIn(nurse.username(), Fixtures.PASSWORD, newAddress()).andExpect(authenticated());
	}

	private Fixtures.Staff staff() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		return fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
	}

	private ResultActions signIn(String username, String password, RequestPostProcessor from) throws Exception {
		return mvc
			.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from));
	}

	private static RequestPostProcessor newAddress() {
		String address = "192.0.2." + ADDRESSES.incrementAndGet();
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private long lockedMinutes(String username) {
		return jdbc.sql("""
				select coalesce(floor(extract(epoch from (locked_until - now())) / 60), 0)
				from team.sign_in_throttle where key = :key and locked_until > now()
				""").param("key", "account:" + username).query(Long.class).optional().orElse(0L);
	}

	private int failures(String username) {
		return jdbc.sql("select failures from team.sign_in_throttle where key = :key")
			.param("key", "account:" + username)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

}
