package care.seamless.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.team.AccountChange;
import care.seamless.team.AccountDetails;
import care.seamless.team.Accounts;
import care.seamless.team.Directory;
import care.seamless.team.DirectoryRule;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Administrators change existing accounts, within the rules that keep them valid. */
@SeamlessTest
class AccountEditingTests {

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
	TransactionTemplate transactions;

	@Test
	void anAdministratorChangesNameEmailTeamsAndRolesAndTheChangeIsAudited() throws Exception {
		Fixtures.Staff admin = administrator();
		Fixtures.Staff nurse = nurse();
		TeamId secondTeam = directory.createTeam(fixtures.admin, nurse.organisationId(), Fixtures.unique("Night team"));
		AccountId account = account(nurse);
		MockHttpSession nurseSession = signIn(nurse.username());
		AccountDetails before = accounts.details(account);
		mvc.perform(get("/admin/accounts/{id}", account).with(httpBasic(admin.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"version\" value=\"" + before.version() + "\"")));

		mvc.perform(edit(account, before.version(), admin).param("givenName", "Florence")
			.param("familyName", "Nightingale")
			.param("email", "florence@example.nhs.uk")
			.param("organisationId", nurse.organisationId().toString())
			.param("teams", nurse.teamId().toString(), secondTeam.toString())
			.param("roles", "PRACTITIONER", "TEAM_MANAGER"))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(flash().attribute("saved", "admin.account.updated"));

		AccountDetails after = accounts.details(account);
		assertThat(after.givenName()).isEqualTo("Florence");
		assertThat(after.familyName()).isEqualTo("Nightingale");
		assertThat(after.email()).isEqualTo("florence@example.nhs.uk");
		assertThat(after.teams()).containsExactlyInAnyOrder(nurse.teamId(), secondTeam);
		assertThat(after.roles()).containsExactlyInAnyOrder(Role.PRACTITIONER, Role.TEAM_MANAGER);
		assertThat(after.version()).isGreaterThan(before.version());
		assertThat(audits("update", account, admin.username())).isEqualTo(1);
		// New roles end the open session, which still carries the old ones.
		mvc.perform(get("/").session(nurseSession)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void badValuesAreFieldMessagesAndNothingIsSaved() throws Exception {
		Fixtures.Staff admin = administrator();
		Fixtures.Staff nurse = nurse();
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		TeamId housing = directory.createTeam(fixtures.admin, council, Fixtures.unique("Housing"));
		AccountId account = account(nurse);
		AccountDetails before = accounts.details(account);
		long version = before.version();

		expectFieldError(valid(edit(account, version, admin), nurse).param("email", "not-an-email"), "email");
		// A NUL byte is refused before any handler, as everywhere.
		mvc.perform(valid(edit(account, version, admin), nurse).param("email", "a@b.c\u0000"))
			.andExpect(status().isBadRequest());
		expectFieldError(valid(edit(account, version, admin), nurse, "teams").param("teams", housing.toString()),
				"teams");
		expectFieldError(valid(edit(account, version, admin), nurse).param("teams", UUID.randomUUID().toString()),
				"teams");
		expectFieldError(valid(edit(account, version, admin), nurse).param("teams", "not-a-team"), "teams");
		expectFieldError(valid(edit(account, version, admin), nurse, "roles").param("roles", "WIZARD"), "roles");
		expectFieldError(valid(edit(account, version, admin), nurse, "roles"), "roles");
		expectFieldError(valid(edit(account, version, admin), nurse, "organisationId", "teams").param("organisationId",
				UUID.randomUUID().toString()), "organisationId");
		expectFieldError(valid(edit(account, version, admin), nurse, "givenName").param("givenName", "x".repeat(101)),
				"givenName");

		AccountDetails after = accounts.details(account);
		assertThat(after).isEqualTo(before);
	}

	@Test
	void aPractitionerMovedToAnotherOrganisationMustMoveTeamsToo() throws Exception {
		Fixtures.Staff admin = administrator();
		Fixtures.Staff nurse = nurse();
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		TeamId councilTeam = directory.createTeam(fixtures.admin, council, Fixtures.unique("Reablement"));
		AccountId account = account(nurse);
		long version = accounts.details(account).version();
		// Still in the old organisation's team: refused.
		mvc.perform(edit(account, version, admin).param("givenName", "Test")
			.param("familyName", "Mover")
			.param("organisationId", council.toString())
			.param("teams", nurse.teamId().toString())
			.param("roles", "PRACTITIONER")).andExpect(model().attributeHasFieldErrors("editForm", "teams"));
		mvc.perform(edit(account, version, admin).param("givenName", "Test")
			.param("familyName", "Mover")
			.param("organisationId", council.toString())
			.param("teams", councilTeam.toString())
			.param("roles", "PRACTITIONER")).andExpect(redirectedUrl("/admin/accounts"));
		AccountDetails moved = accounts.details(account);
		assertThat(moved.organisationId()).isEqualTo(council);
		assertThat(moved.teams()).containsExactly(councilTeam);
	}

	@Test
	void aStaleFormIsAConflictAndOverwritesNothing() throws Exception {
		Fixtures.Staff admin = administrator();
		Fixtures.Staff nurse = nurse();
		AccountId account = account(nurse);
		long read = accounts.details(account).version();
		mvc.perform(valid(edit(account, read, admin), nurse, "familyName").param("familyName", "First"))
			.andExpect(redirectedUrl("/admin/accounts"));
		mvc.perform(valid(edit(account, read, admin), nurse, "familyName").param("familyName", "Second"))
			.andExpect(redirectedUrl("/admin/accounts/" + account))
			.andExpect(flash().attribute("conflict", true));
		assertThat(accounts.details(account).familyName()).isEqualTo("First");
	}

	@Test
	void anAdministratorCannotRemoveTheirOwnAdministratorRole() throws Exception {
		Fixtures.Staff admin = administrator();
		Fixtures.Staff other = administrator();
		AccountId account = account(admin);
		expectFieldError(valid(edit(account, accounts.details(account).version(), admin), admin, "roles").param("roles",
				"PRACTITIONER"), "roles");
		assertThat(accounts.details(account).roles()).contains(Role.ADMINISTRATOR);
		assertThat(other).isNotNull();
	}

	@Test
	void theLastEnabledAdministratorCannotBeDemoted() {
		Fixtures.Staff last = administrator();
		AccountId account = account(last);
		transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			disableOtherAdministrators(account);
			AccountDetails details = accounts.details(account);
			assertThatThrownBy(() -> accounts.edit(fixtures.admin, demote(details))).isInstanceOf(DirectoryRule.class)
				.hasMessageContaining("last administrator");
		});
		assertThat(accounts.details(account).roles()).contains(Role.ADMINISTRATOR);
	}

	/**
	 * Two administrators each demote the other at the same moment. The first holds the
	 * administrators' lock until it commits; the second waits, then counts afresh and is
	 * refused, so one administrator is left.
	 */
	@Test
	void twoAdministratorsDemotingEachOtherAtOnceLeaveOneAdministrator() throws Exception {
		Fixtures.Staff ann = administrator();
		Fixtures.Staff bob = administrator();
		AccountId annAccount = account(ann);
		AccountId bobAccount = account(bob);
		List<UUID> others = enabledAdministratorsExcept(annAccount, bobAccount);
		setEnabled(others, false);
		try {
			CountDownLatch annHoldsTheLock = new CountDownLatch(1);
			CountDownLatch letAnnCommit = new CountDownLatch(1);
			CompletableFuture<Void> annDemotesBob = CompletableFuture
				.runAsync(() -> transactions.executeWithoutResult(status -> {
					accounts.edit(ann.actor(), demote(accounts.details(bobAccount)));
					annHoldsTheLock.countDown();
					await(letAnnCommit);
				}));
			assertThat(annHoldsTheLock.await(20, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> bobDemotesAnn = CompletableFuture.runAsync(() -> transactions
				.executeWithoutResult(status -> accounts.edit(bob.actor(), demote(accounts.details(annAccount)))));
			waitUntilSomeoneWaitsForAnAdvisoryLock();
			letAnnCommit.countDown();
			annDemotesBob.get(20, TimeUnit.SECONDS);
			assertThatThrownBy(() -> bobDemotesAnn.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(DirectoryRule.class)
				.hasMessageContaining("last administrator");
			assertThat(accounts.details(annAccount).roles()).contains(Role.ADMINISTRATOR);
			assertThat(accounts.details(bobAccount).roles()).doesNotContain(Role.ADMINISTRATOR);
		}
		finally {
			setEnabled(others, true);
		}
	}

	@Test
	void aPractitionerCannotEditAccounts() throws Exception {
		Fixtures.Staff nurse = nurse();
		Fixtures.Staff other = nurse();
		AccountId account = account(other);
		mvc.perform(valid(edit(account, accounts.details(account).version(), nurse), other, "roles").param("roles",
				"ADMINISTRATOR"))
			.andExpect(status().isForbidden());
		assertThat(accounts.details(account).roles()).containsExactly(Role.PRACTITIONER);
		assertThatThrownBy(() -> accounts.edit(nurse.actor(), demote(accounts.details(account))))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	private static AccountChange demote(AccountDetails account) {
		return new AccountChange(account.id(), account.version(), account.givenName(), account.familyName(),
				account.email(), account.organisationId(), account.teams(), Set.of(Role.PRACTITIONER));
	}

	private void waitUntilSomeoneWaitsForAnAdvisoryLock() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			long waiting = jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
				.query(Long.class)
				.single();
			if (waiting > 0) {
				return;
			}
			Thread.onSpinWait();
			Thread.sleep(20);
		}
		throw new AssertionError("The second demotion never waited for the first");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<UUID> enabledAdministratorsExcept(AccountId... kept) {
		List<UUID> keep = java.util.Arrays.stream(kept).map(AccountId::id).toList();
		return jdbc.sql("""
				select a.id from team.account a where a.enabled
				and exists (select 1 from team.account_role r where r.account_id = a.id and r.role = 'ADMINISTRATOR')
				""").query(UUID.class).list().stream().filter(id -> !keep.contains(id)).toList();
	}

	private void setEnabled(List<UUID> ids, boolean enabled) {
		for (UUID id : ids) {
			jdbc.sql("update team.account set enabled = :enabled where id = :id")
				.param("enabled", enabled)
				.param("id", id)
				.update();
		}
	}

	private void disableOtherAdministrators(AccountId account) {
		jdbc.sql("""
				update team.account a set enabled = false where a.id <> :id
				and exists (select 1 from team.account_role r where r.account_id = a.id and r.role = 'ADMINISTRATOR')
				""").param("id", account.id()).update();
	}

	private void expectFieldError(MockHttpServletRequestBuilder request, String field) throws Exception {
		mvc.perform(request).andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("editForm", field));
	}

	private static MockHttpServletRequestBuilder edit(AccountId account, long version, Fixtures.Staff as) {
		return post("/admin/accounts/{id}", account).param("version", Long.toString(version))
			.with(httpBasic(as.username(), Fixtures.PASSWORD))
			.with(csrf());
	}

	// Every field a right value, except those the test sends itself.
	private static MockHttpServletRequestBuilder valid(MockHttpServletRequestBuilder request, Fixtures.Staff of,
			String... except) {
		java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
		values.put("givenName", "Test");
		values.put("familyName", "Person");
		values.put("organisationId", of.organisationId().toString());
		values.put("teams", of.teamId().toString());
		values.put("roles", of.actor().roles().iterator().next().name());
		for (String field : except) {
			values.remove(field);
		}
		values.forEach(request::param);
		return request;
	}

	private long audits(String action, AccountId account, String by) {
		return jdbc.sql("""
				select count(*) from audit.entry where action = :action and record_type = 'Account'
				and record_id = :id and account = :by
				""").param("action", action).param("id", account.toString()).param("by", by).query(Long.class).single();
	}

	private MockHttpSession signIn(String username) throws Exception {
		return (MockHttpSession) mvc
			.perform(post("/login").param("username", username).param("password", Fixtures.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
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
