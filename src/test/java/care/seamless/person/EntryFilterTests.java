package care.seamless.person;

import java.time.LocalDate;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Case notes filtered by kind, author and dates, in the query beside the access rule;
 * values that cannot be read are field messages.
 */
@SeamlessTest
class EntryFilterTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	MockMvc mvc;

	@Test
	void filtersByKindAuthorAndDateAndCountsOnlyWhatIsShown() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL);
		Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		PersonId person = fixtures.person(Fixtures.unique("Filterby"), socialWorker);
		fixtures.addToCareTeam(person, nurse);
		people.addEntry(socialWorker.actor(), person, DataCategory.GENERAL, "Home visit", "All well");
		people.addEntry(socialWorker.actor(), person, DataCategory.FINANCES, "Benefits", "Claim sent");
		people.addEntry(nurse.actor(), person, DataCategory.GENERAL, "Dressing", "Changed");
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));

		assertThat(titles(socialWorker, person, EntryFilter.parse("general", null, null, null)))
			.containsExactlyInAnyOrder("Home visit", "Dressing");
		assertThat(titles(socialWorker, person, EntryFilter.parse(null, nurse.username(), null, null)))
			.containsExactly("Dressing");
		assertThat(people.entries(socialWorker.actor(), person, 1, EntryFilter.parse("finances", null, null, null))
			.total()).isEqualTo(1);
		assertThat(titles(socialWorker, person, EntryFilter.parse(null, null, today.toString(), today.toString())))
			.hasSize(3);
		assertThat(titles(socialWorker, person, EntryFilter.parse(null, null, today.plusDays(1).toString(), null)))
			.isEmpty();
		// The nurse's organisation has no agreement for finances: filtering does not
		// reveal it either.
		assertThat(people.entries(nurse.actor(), person, 1, EntryFilter.parse("finances", null, null, null)).total())
			.isZero();

		assertThatThrownBy(() -> EntryFilter.parse(null, null, "2026-02-30", null))
			.isInstanceOf(PersonRuleViolation.class)
			.satisfies(ex -> assertThat(((PersonRuleViolation) ex).field()).isEqualTo("from"));
		assertThatThrownBy(() -> EntryFilter.parse(null, null, "2026-03-02", "2026-03-01"))
			.isInstanceOf(PersonRuleViolation.class)
			.satisfies(ex -> assertThat(((PersonRuleViolation) ex).field()).isEqualTo("to"));
		assertThatThrownBy(() -> EntryFilter.parse("gossip", null, null, null)).isInstanceOf(PersonRuleViolation.class);
		mvc.perform(get("/people/" + person + "/entries").param("from", "yesterday")
			.with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a real date")));
		mvc.perform(get("/people/" + person + "/entries").param("category", "finances")
			.with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Claim sent")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("All well"))));
	}

	private java.util.List<String> titles(Staff viewer, PersonId person, EntryFilter filter) {
		return people.entries(viewer.actor(), person, 1, filter).entries().stream().map(Entry::title).toList();
	}

}
