package care.seamless.referral;

import java.util.EnumSet;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.referral.ReferralWorld.World;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The worklist's sections share one read of the reader's teams (ADR 0053): a practitioner
 * in two teams, managing only one, still sees what each team holds, and a team joined in
 * a transaction is seen by that transaction.
 */
@SeamlessTest
class WorklistTeamsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ReferralWorld worlds;

	@Autowired
	Referrals referrals;

	@Autowired
	Directory directory;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aPractitionerInTwoTeamsSeesWhatEachTeamHolds() throws Exception {
		World w = worlds.create(true);
		TeamId second = directory.createTeam(worlds.fixtures.admin, w.worker().organisationId(),
				Fixtures.unique("Reablement "));
		TransactionTemplate writes = new TransactionTemplate(transactionManager);
		// Joined and read back in one read-write transaction: the new team is there.
		java.util.List<TeamId> joined = writes.execute(status -> {
			directory.teamsOf(w.worker().practitionerId());
			directory.addToTeam(worlds.fixtures.admin, second, w.worker().practitionerId(), true);
			return directory.teamsOf(w.worker().practitionerId()).stream().map(Team::id).toList();
		});
		assertThat(joined).containsExactlyInAnyOrder(w.worker().teamId(), second);
		TransactionTemplate reads = new TransactionTemplate(transactionManager);
		reads.setReadOnly(true);
		reads.executeWithoutResult(status -> {
			assertThat(directory.teamsOf(w.worker().practitionerId())).map(Team::id)
				.containsExactlyInAnyOrder(w.worker().teamId(), second);
			// Managed teams come from the same read, and only the team they manage.
			assertThat(directory.managedTeams(w.worker().practitionerId())).map(Team::id).containsExactly(second);
			assertThat(directory.teamsOf(w.worker().practitionerId())).map(Team::id).hasSize(2);
		});

		PersonId other = worlds.fixtures.person(Fixtures.unique("Referred"), w.gp());
		ReferralId toFirst = referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.ROUTINE), true).id();
		ReferralId toSecond = referrals
			.refer(w.gp().actor(),
					new NewReferral(other, w.gp().teamId(), second, ReferralWorld.REASON, "Needs help at home",
							Urgency.ROUTINE, true, "Agrees", SharingBasis.CONSENT, EnumSet.of(DataCategory.GENERAL)),
					true)
			.id();
		mvc.perform(get("/worklist/items").with(httpBasic(w.worker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/referrals/" + toFirst.id())))
			.andExpect(content().string(containsString("/referrals/" + toSecond.id())));
		// The manager of the first team only is not shown the second team's referral.
		String managers = mvc.perform(get("/worklist/items").with(httpBasic(w.manager().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(managers).contains("/referrals/" + toFirst.id()).doesNotContain("/referrals/" + toSecond.id());
	}

}
