package care.seamless.web;

import java.time.LocalDate;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.consent.ChoiceChange;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.HowAsked;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Stale forms and duplicates get a clear page or form message, never a server error. */
@SeamlessTest
class PageErrorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Choices choices;

	@Autowired
	Directory directory;

	@Test
	void withdrawingAChoiceFromAStalePageSaysSomeoneElseChangedIt() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		var worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Stale"), worker);
		UUID choice = choices.record(worker.actor(), person,
				new NewChoice(ChoiceKind.OBJECTION, null, null, HowGiven.VERBAL, LocalDate.now(), null, null));
		choices.withdraw(worker.actor(), person, choice, 0,
				ChoiceChange.byThePerson(HowAsked.IN_PERSON, "Changed their mind"));

		mvc.perform(post("/people/{id}/choices/{c}/withdraw", person, choice).param("version", "0")
			.param("requestedBy", "PERSON")
			.param("howAsked", "IN_PERSON")
			.param("reason", "Changed their mind")
			.with(httpBasic(worker.username(), Fixtures.PASSWORD))
			.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else changed this")));
	}

	@Test
	void aDuplicateTeamNameIsAFormMessage() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		var admin = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		String name = Fixtures.unique("Reablement ");
		directory.createTeam(fixtures.admin, council, name);
		long teams = directory.teams().size();

		mvc.perform(post("/admin/teams").param("organisationId", council.toString())
			.param("name", name)
			.with(httpBasic(admin.username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("teamForm", "name"));
		assertThat(directory.teams()).hasSize((int) teams);
	}

}
