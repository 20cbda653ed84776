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
import care.seamless.team.SignInCheck;
import care.seamless.team.SignInThrottle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

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

	@Autowired
	SignInThrottle throttle;

	@Autowired
	TransactionTemplate transactions;

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

	/**
	 * The Basic sign-in's one statement answers whether the name or the address is held
	 * and whether the name has failures on record from one probe of the throttle's keys
	 * (ADR 107), for a known name and an unknown one alike.
	 */
	@Test
	void theSignInCheckReadsTheThrottleOnceAndAnswersForTheNameAndTheAddress() throws Exception {
		Fixtures.Staff nurse = staff();
		String unknown = Fixtures.unique("nobody");
		String address = "198.51.100." + ADDRESSES.incrementAndGet() % 250;
		String elsewhere = "203.0.113." + ADDRESSES.incrementAndGet() % 250;
		assertCheck(nurse.username(), address, true, false, false);
		assertCheck(unknown, address, false, false, false);
		throttle.failed(nurse.username(), address);
		// One failure: on record for the name, held by neither yet.
		assertCheck(nurse.username(), elsewhere, true, false, true);
		assertCheck(nurse.username(), null, true, false, true);
		hold("address:" + address);
		assertCheck(nurse.username(), address, true, true, true);
		assertCheck(unknown, address, false, true, false);
		assertCheck(nurse.username(), elsewhere, true, false, true);
		hold("account:" + nurse.username().toLowerCase(java.util.Locale.ROOT));
		assertCheck(nurse.username(), elsewhere, true, true, true);
		assertCheck(nurse.username(), null, true, true, true);
		throttle.failed(unknown, null);
		hold("account:" + unknown.toLowerCase(java.util.Locale.ROOT));
		assertCheck(unknown, elsewhere, false, true, true);
	}

	private long throttleScans() {
		return jdbc.sql("""
				select seq_scan + idx_scan from pg_stat_xact_user_tables
				where schemaname = 'team' and relname = 'sign_in_throttle'
				""").query(Long.class).single();
	}

	private void hold(String key) {
		jdbc.sql("update team.sign_in_throttle set not_before = now() + interval '1 minute' where key = :key")
			.param("key", key)
			.update();
	}

	private void assertCheck(String username, String address, boolean known, boolean held, boolean hasFailures) {
		transactions.executeWithoutResult((tx) -> {
			long scansBefore = throttleScans();
			SignInCheck check = throttle.check(username, address);
			// This connection's scans not yet reported to the statistics, before and
			// after.
			assertThat(throttleScans() - scansBefore).as("probes of the throttle").isEqualTo(1);
			assertThat(check.account() != null).as("account found for %s", username).isEqualTo(known);
			assertThat(check.held()).as("held for %s from %s", username, address).isEqualTo(held);
			assertThat(check.hasFailures()).as("failures for %s", username).isEqualTo(hasFailures);
		});
	}

}
