package care.seamless.person.web;

import java.time.LocalDate;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.person.PersonRuleViolation;
import care.seamless.person.Sex;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The GP practice on a record: optional, its ODS code 3 to 6 letters or numbers. */
@SeamlessTest
class GpPracticeTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	MockMvc mvc;

	Fixtures.Staff worker;

	@BeforeEach
	void staff() {
		worker = fixtures.practitioner(fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE),
				Profession.SOCIAL_WORKER);
	}

	private static PersonDetails withGp(String family, String practice, String ods) {
		return new PersonDetails(Fixtures.nextNhsNumber(), null, "Gwen", family, null, null, LocalDate.of(1950, 1, 2),
				Sex.FEMALE, null, null, null, null, null, null, null, null, false, null, practice, ods);
	}

	@Test
	void theOdsCodeIsCheckedAndThePracticeShownOnTheRecord() throws Exception {
		for (String bad : new String[] { "AB", "A81-01", "A810011", "A81\0" }) {
			assertThatThrownBy(() -> people.register(worker.actor(), withGp(Fixtures.unique("Gp"), "Riverside", bad)))
				.isInstanceOf(PersonRuleViolation.class)
				.hasMessageContaining("ODS code");
		}
		PersonId id = people.register(worker.actor(), withGp(Fixtures.unique("Gp"), " Riverside Surgery ", "a81001"));
		assertThat(people.record(worker.actor(), id).details())
			.satisfies(d -> assertThat(d.gpPracticeName()).isEqualTo("Riverside Surgery"))
			.satisfies(d -> assertThat(d.gpOdsCode()).isEqualTo("A81001"));
		mvc.perform(get("/people/" + id).with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(allOf(containsString("Riverside Surgery"), containsString("A81001"))));

		PersonId none = people.register(worker.actor(), withGp(Fixtures.unique("Gp"), " ", ""));
		assertThat(people.record(worker.actor(), none).details().gpOdsCode()).isNull();
	}

	@Test
	void theFormGivesAFieldMessageForABadOdsCode() throws Exception {
		String family = Fixtures.unique("Gpform");
		mvc.perform(post("/people").with(httpBasic(worker.username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("givenName", "Gwen")
			.param("familyName", family)
			.param("dobDay", "2")
			.param("dobMonth", "1")
			.param("dobYear", "1950")
			.param("sex", "FEMALE")
			.param("gpPracticeName", "Riverside Surgery")
			.param("gpOdsCode", "A81-001")
			.param("confirmedNew", "true")
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("gpOdsCode-error"), containsString("3 to 6 letters"))));
	}

}
