package care.seamless.door.web;

import java.time.YearMonth;
import java.time.ZoneId;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.consent.ActingFor;
import care.seamless.consent.ActingKind;
import care.seamless.door.PersonsFeedback;
import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Feedback by team and month for team managers: each manager sees only their own teams, a
 * month with fewer than five responses says "fewer than 5" in every figure, no comment or
 * name is shown, and a mistyped month is a message on its field.
 */
@SeamlessTest
class FeedbackByTeamTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ActingFor actingFor;

	@Autowired
	PersonsFeedback feedback;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	UserDetailsService users;

	@Test
	void managersSeeTheirTeamsByMonthWithSmallNumbersSuppressedAndNothingPersonal() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff busyLead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff quietLead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff busyManager = fixtures.practitionerIn(council, busyLead.teamId(), Profession.SOCIAL_WORKER, true,
				Role.PRACTITIONER, Role.TEAM_MANAGER);
		Fixtures.Staff quietManager = fixtures.practitionerIn(council, quietLead.teamId(), Profession.SOCIAL_WORKER,
				true, Role.PRACTITIONER, Role.TEAM_MANAGER);
		give(fixtures.person(Fixtures.unique("Busy"), busyLead), 6, "Busy team comment");
		give(fixtures.person(Fixtures.unique("Quiet"), quietLead), 2, "Quiet team comment");
		String month = YearMonth.now(ZoneId.of("Europe/London")).toString();

		String busy = page(busyManager, "");
		assertThat(busy).contains("Feedback by team")
			.containsPattern("id=\"month-" + month + "\">\\s*<th[^>]*>[^<]*</th>\\s*<td[^>]*>6</td>")
			.doesNotContain("fewer than 5</td>\\s*</tr>\\s*</tbody>")
			.doesNotContain("Busy team comment")
			.doesNotContain("Quiet team comment");
		String quiet = page(quietManager, "");
		assertThat(quiet)
			.containsPattern("id=\"month-" + month + "\">\\s*<th[^>]*>[^<]*</th>\\s*<td[^>]*>fewer than 5</td>")
			.doesNotContain("Quiet team comment");
		// Both managers' pages carry only their own team.
		assertThat(quiet.split("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">", -1))
			.hasSize(1 + 1 + 5);

		assertThat(page(quietManager, "?from=2026-13&to=last")).contains("Enter a month like 2026-01")
			.contains("id=\"from-error\"")
			.contains("id=\"to-error\"");
		assertThat(page(quietManager, "?from=2026-06&to=2026-01")).contains("The last month must be after the first");
		assertThat(page(quietManager, "?from=2020-01&to=2026-01")).contains("at most 24 months later");
		assertThat(mvc.perform(get("/feedback/by-team").with(user(users.loadUserByUsername(busyLead.username()))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	private void give(PersonId person, int times, String comment) {
		AccountId account = AccountId.random();
		jdbc.sql(
				"insert into door.account (id, username, password_hash, display_name, created_at) values (:id, :u, 'x', 'A', now())")
			.param("id", account.id())
			.param("u", Fixtures.unique("fb"))
			.update();
		Actor self = Actor.personSide(account, "fb");
		actingFor.begin(self, person, ActingKind.SELF, java.util.Set.of(), "test");
		for (int i = 0; i < times; i++) {
			transactions.executeWithoutResult(s -> feedback.give(self, person, 4, 3, 2, 1, comment));
		}
	}

	private String page(Fixtures.Staff manager, String query) throws Exception {
		return mvc.perform(get("/feedback/by-team" + query).with(user(users.loadUserByUsername(manager.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
