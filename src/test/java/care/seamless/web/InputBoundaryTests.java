package care.seamless.web;

import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SeamlessTest
class InputBoundaryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserDetailsService accounts;

	RequestPostProcessor worker;

	PersonId person;

	@BeforeEach
	void staff() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff staff = fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.PRACTITIONER);
		person = fixtures.person(Fixtures.unique("Boundary"), staff);
		worker = user(accounts.loadUserByUsername(staff.username()));
	}

	@Test
	void refusesANulInAFormFieldNamingTheField() throws Exception {
		mvc.perform(post("/people/" + person + "/entries").with(worker)
			.with(csrf())
			.param("category", "GENERAL")
			.param("title", "Visit\u0000")
			.param("body", "All well"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("title")));
	}

	@Test
	void anUnknownChoiceOnAPageIsAFieldMessageBesideTheOthers() throws Exception {
		mvc.perform(post("/people/" + person + "/entries").with(worker)
			.with(csrf())
			.param("category", "NOT_A_CATEGORY")
			.param("title", "Visit")
			.param("body", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("href=\"#category\"")))
			.andExpect(content().string(containsString("href=\"#body\"")))
			.andExpect(content().string(containsString("value=\"Visit\"")));
	}

	@Test
	void refusesAnUnknownEnumInTheApiWithAProblem() throws Exception {
		mvc.perform(get("/api/v1/people/" + person + "/assessments/" + UUID.randomUUID() + "/findings")
			.param("audience", "martians")
			.with(worker))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("audience"));
	}

	@Test
	void refusesANulInAJsonBodyNamingTheField() throws Exception {
		mvc.perform(get("/api/v1/people").param("q", "a\u0000b").with(worker))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
	}

	@Test
	void anEntryForAPersonWhoDoesNotExistIsNotAServerError() throws Exception {
		mvc.perform(post("/people/" + UUID.randomUUID() + "/entries").with(worker)
			.with(csrf())
			.param("category", "GENERAL")
			.param("title", "Visit")
			.param("body", "All well")).andExpect(status().is4xxClientError());
	}

	@Test
	void refusesANulOnACarePlanForm() throws Exception {
		mvc.perform(post("/people/" + person + "/care-plan/actions/" + UUID.randomUUID() + "/reassign").with(worker)
			.with(csrf())
			.param("owner", "\u0000")).andExpect(status().isBadRequest());
	}

}
