package care.seamless.web;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import care.seamless.team.DirectoryRule;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
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

/** The rules administrators work within when they change accounts. */
@SeamlessTest
class AccountAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void disablingAnAccountEndsItsOpenSessionAtOnce() throws Exception {
		Fixtures.Staff admin = administrator();
		Fixtures.Staff nurse = nurse();
		MockHttpSession session = signIn(nurse.username());
		mvc.perform(get("/").session(session)).andExpect(status().isOk());

		mvc.perform(post("/admin/accounts/{id}/enabled", account(nurse)).param("enabled", "false")
			.with(httpBasic(admin.username(), Fixtures.PASSWORD))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(flash().attribute("saved", "admin.account.disabled"));

		// A browser asks for a page and is sent to sign in.
		mvc.perform(get("/").session(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		assertThat(session.isInvalid()).isTrue();
		mvc.perform(get("/api/people").with(httpBasic(nurse.username(), Fixtures.PASSWORD)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anAdministratorCannotDisableTheirOwnAccount() throws Exception {
		Fixtures.Staff admin = administrator();
		mvc.perform(post("/admin/accounts/{id}/enabled", account(admin)).param("enabled", "false")
			.with(httpBasic(admin.username(), Fixtures.PASSWORD))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(flash().attribute("refused", "You cannot disable your own account"));
		assertThat(directory.accountForSignIn(admin.username()).orElseThrow().enabled()).isTrue();
		mvc.perform(get("/admin/accounts").with(httpBasic(admin.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void theLastEnabledAdministratorCannotBeDisabled() {
		Fixtures.Staff last = administrator();
		AccountId account = account(last);
		transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			// Every other administrator disabled, inside this transaction only.
			jdbc.sql(
					"""
							update team.account a set enabled = false where a.id <> :id
							and exists (select 1 from team.account_role r where r.account_id = a.id and r.role = 'ADMINISTRATOR')
							""")
				.param("id", account.id())
				.update();
			assertThatThrownBy(() -> directory.setAccountEnabled(fixtures.admin, account, false))
				.isInstanceOf(DirectoryRule.class)
				.hasMessageContaining("last administrator");
		});
		assertThat(directory.accountForSignIn(last.username()).orElseThrow().enabled()).isTrue();
	}

	@Test
	void theAccountsPageShowsWhyAChangeWasRefused() throws Exception {
		Fixtures.Staff admin = administrator();
		MockHttpSession session = signIn(admin.username());
		mvc.perform(post("/admin/accounts/{id}/enabled", account(admin)).param("enabled", "false")
			.session(session)
			.with(csrf()));
		mvc.perform(get("/admin/accounts").session(session).flashAttr("refused", "You cannot disable your own account"))
			.andExpect(content().string(containsString("You cannot disable your own account")));
	}

	@Test
	void aBadEmailAndATeamOfAnotherOrganisationAreFieldMessagesAndNothingIsSaved() throws Exception {
		Fixtures.Staff admin = administrator();
		Fixtures.Staff nurse = nurse();
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		String username = Fixtures.unique("housing");
		mvc.perform(post("/admin/accounts").param("organisationId", council.toString())
			.param("givenName", "Hal")
			.param("familyName", "Officer")
			.param("profession", "SOCIAL_WORKER")
			.param("email", "not-an-email")
			.param("username", username)
			.param("password", "kettle-meadow-lantern")
			.with(httpBasic(admin.username(), Fixtures.PASSWORD))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("accountForm", "email"));
		mvc.perform(post("/admin/accounts").param("organisationId", council.toString())
			.param("givenName", "Hal")
			.param("familyName", "Officer")
			.param("profession", "SOCIAL_WORKER")
			.param("teamId", nurse.teamId().toString())
			.param("username", username)
			.param("password", "kettle-meadow-lantern")
			.with(httpBasic(admin.username(), Fixtures.PASSWORD))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("accountForm", "teamId"));
		assertThat(directory.accountForSignIn(username)).isEmpty();
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
