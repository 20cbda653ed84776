package care.seamless.eligibility.web;

import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.eligibility.Determination;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.EligibilityFixtures;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static care.seamless.eligibility.EligibilityFixtures.adultForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The determination form: a complete form is saved and explained condition by condition;
 * bad input is named on its field and nothing is saved; outsiders are refused.
 */
@SeamlessTest
class EligibilityFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Eligibility eligibility;

	Fixtures.Staff worker;

	PersonId person;

	@BeforeEach
	void personWithASocialWorker() {
		worker = fixtures.practitioner(fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE),
				Profession.SOCIAL_WORKER);
		person = fixtures.person(Fixtures.unique("Formfill"), worker);
	}

	@Test
	void theRecordLinksToEligibilityAndTheFormOffersEveryOutcomeWithItsSenses() throws Exception {
		mvc.perform(get("/people/{id}", person).with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(containsString("/people/" + person + "/eligibility")));
		mvc.perform(get("/people/{id}/eligibility/new", person).with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Managing and maintaining nutrition"),
					containsString("Carrying out any caring responsibilities the adult has for a child"),
					containsString("name=\"senses[nutrition]\""), containsString("takes significantly longer"))));
	}

	@Test
	void savesACompleteFormAndShowsEachConditionWithItsReason() throws Exception {
		MvcResult result = mvc
			.perform(adultForm(person, worker, "nutrition", "NEEDS_ASSISTANCE", "hygiene", "PAIN_DISTRESS_ANXIETY"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/people/" + person + "/eligibility/*"))
			.andReturn();

		mvc.perform(get(result.getResponse().getRedirectedUrl()).with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Eligible"), containsString("Condition 3"),
					containsString("unable to achieve 2 of the specified outcomes"),
					containsString("Maintaining personal hygiene"), containsString("causes significant pain"),
					containsString("I just want a bit of help in the mornings"))));
		Determination saved = eligibility.overview(worker.actor(), person).currentAdult();
		assertThat(saved.eligible()).isTrue();
		assertThat(saved.rationale()).isEqualTo("Cannot prepare meals or wash safely since the stroke");
	}

	@Test
	void namesAnOutcomeTickedWithoutASenseAndSavesNothing() throws Exception {
		mvc.perform(adultForm(person, worker, "nutrition", "NEEDS_ASSISTANCE", "hygiene", null, "toilet", "ENDANGERS")
			.with(request -> {
				request.removeParameter("rationale");
				request.addParameter("rationale", " ");
				return request;
			}))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("There is a problem"), containsString("href=\"#sense-hygiene\""),
						containsString("Say in what way they are unable to achieve: Maintaining personal hygiene"),
						containsString("href=\"#rationale\""), containsString("govuk-form-group--error"))));

		assertThat(eligibility.overview(worker.actor(), person).history()).isEmpty();
	}

	@Test
	void namesEveryUnansweredQuestion() throws Exception {
		mvc.perform(post("/people/{id}/eligibility", person).with(httpBasic(worker.username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("kind", "CARER"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("href=\"#needsArise\""), containsString("href=\"#healthAtRisk\""),
						containsString("href=\"#significantImpact\""), containsString("href=\"#rationale\""))));

		assertThat(eligibility.overview(worker.actor(), person).history()).isEmpty();
	}

	@Test
	void refusesAFacsDecisionDatedAfterTheCareAct() throws Exception {
		mvc.perform(post("/people/{id}/eligibility", person).with(httpBasic(worker.username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("kind", "FACS")
			.param("band", "CRITICAL")
			.param("threshold", "SUBSTANTIAL")
			.param("decidedDay", "2")
			.param("decidedMonth", "4")
			.param("decidedYear", "2015")
			.param("rationale", "Copied from the paper file"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("FACS was replaced by the Care Act on 1 April 2015")));

		assertThat(eligibility.overview(worker.actor(), person).history()).isEmpty();
	}

	@Test
	void aStaleFormIsAConflict() throws Exception {
		mvc.perform(adultForm(person, worker, "nutrition", "NEEDS_ASSISTANCE", "hygiene", "NEEDS_ASSISTANCE"))
			.andExpect(status().is3xxRedirection());
		// Posted as if no decision existed: someone else's decision must not be replaced
		// unseen.
		mvc.perform(adultForm(person, worker, "toilet", "NEEDS_ASSISTANCE", "clothing", "NEEDS_ASSISTANCE"))
			.andExpect(status().isConflict());

		assertThat(eligibility.overview(worker.actor(), person).history()).hasSize(1);
	}

	@Test
	void refusesAPractitionerOutsideTheCareTeam() throws Exception {
		Fixtures.Staff outsider = fixtures.practitioner(fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST),
				Profession.DISTRICT_NURSE);
		UUID id = EligibilityFixtures.record(eligibility, worker.actor(), person, EligibilityFixtures.eligibleAdult());

		mvc.perform(get("/people/{id}/eligibility", person).with(httpBasic(outsider.username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(
				get("/people/{p}/eligibility/{id}", person, id).with(httpBasic(outsider.username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("Needs help with meals"))));
		mvc.perform(get("/people/{p}/eligibility/{id}/letter.pdf", person, id)
			.with(httpBasic(outsider.username(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(adultForm(person, outsider, "nutrition", "NEEDS_ASSISTANCE", "hygiene", "NEEDS_ASSISTANCE")
			.param("supersedes", id.toString())
			.param("supersedesVersion", "0")).andExpect(status().isForbidden());

		assertThat(eligibility.overview(worker.actor(), person).history()).hasSize(1);
	}

}
