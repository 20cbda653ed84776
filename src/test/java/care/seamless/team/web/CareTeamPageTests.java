package care.seamless.team.web;

import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeamRequests;
import care.seamless.team.CareTeams;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The care-team pages as a hostile or careless user meets them: tampered ids, someone
 * else's request, a stale version from a second tab, and a stranger looking at the team.
 */
@SeamlessTest
class CareTeamPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CareTeamRequests requests;

	@Autowired
	CareTeams careTeams;

	final class World {

		final OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);

		final OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);

		final Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);

		final Fixtures.Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);

		final Fixtures.Staff stranger = fixtures.practitioner(trust, Profession.PHYSIOTHERAPIST);

		final PersonId person;

		final String page;

		World() {
			fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL);
			person = fixtures.person(Fixtures.unique("Pages"), lead);
			page = "/people/" + person + "/care-team";
		}

	}

	@Test
	void aTamperedPractitionerIdIsAFieldMessageAndNothingChanges() throws Exception {
		World w = new World();
		mvc.perform(post(w.page + "/add").param("practitioner", "not-an-id")
			.param("role", "Nursing")
			.with(httpBasic(w.lead.username(), Fixtures.PASSWORD))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("practitioner-error")))
			.andExpect(content().string(containsString("Choose a practitioner from the list")))
			.andExpect(content().string(containsString("value=\"Nursing\"")));
		assertThat(careTeams.members(w.person)).hasSize(1);
	}

	@Test
	void aStrangerCannotSeeTheCareTeamButMayAskToJoin() throws Exception {
		World w = new World();
		mvc.perform(get(w.page).with(httpBasic(w.stranger.username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("ask-to-join")))
			.andExpect(content().string(not(containsString(w.lead.username()))));
		mvc.perform(get(w.page + "/join").with(httpBasic(w.stranger.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("join-submit")));
	}

	@Test
	void someoneElsesRequestCannotBeOpenedOrAnswered() throws Exception {
		World w = new World();
		var invited = requests.add(w.lead.actor(), w.person, w.nurse.practitionerId(), "Nursing");
		long version = requests.request(invited.id()).version();

		mvc.perform(get("/care-teams/requests/" + invited.id() + "/decline")
			.with(httpBasic(w.stranger.username(), Fixtures.PASSWORD))).andExpect(status().isNotFound());
		mvc.perform(post("/care-teams/requests/" + invited.id() + "/accept").param("version", Long.toString(version))
			.with(httpBasic(w.stranger.username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(status().isForbidden());

		assertThat(requests.request(invited.id()).pending()).isTrue();
		assertThat(careTeams.members(w.person)).extracting(CareTeamMember::practitionerId)
			.doesNotContain(w.stranger.practitionerId(), w.nurse.practitionerId());
	}

	@Test
	void aSecondTabAnsweringWithAStaleVersionGetsTheConflictPage() throws Exception {
		World w = new World();
		var invited = requests.add(w.lead.actor(), w.person, w.nurse.practitionerId(), "Nursing");
		long version = requests.request(invited.id()).version();

		mvc.perform(
				post("/care-teams/requests/" + invited.id() + "/accept").param("version", Long.toString(version + 1))
					.with(httpBasic(w.nurse.username(), Fixtures.PASSWORD))
					.with(csrf()))
			.andExpect(status().isConflict());
		mvc.perform(post("/care-teams/requests/" + invited.id() + "/decline").param("version", Long.toString(version))
			.param("reason", "")
			.with(httpBasic(w.nurse.username(), Fixtures.PASSWORD))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("reason-error")));

		assertThat(requests.request(invited.id()).pending()).isTrue();
	}

}
