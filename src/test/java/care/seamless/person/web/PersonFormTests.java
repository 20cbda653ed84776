package care.seamless.person.web;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.person.People;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input on the person form gets a message on the right field, and nothing is saved.
 */
@SeamlessTest
class PersonFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	Fixtures.Staff worker;

	@BeforeEach
	void staff() {
		worker = fixtures.practitioner(fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE),
				Profession.SOCIAL_WORKER);
	}

	@Test
	void registersAValidPersonAndShowsTheirRecord() throws Exception {
		mvc.perform(form(Fixtures.nextNhsNumber(), "Edna", "27", "3", "1947"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/people/*"));
	}

	@Test
	void namesAnInvalidNhsNumber() throws Exception {
		long before = people.count();
		mvc.perform(form("9434765918", "Edna", "27", "3", "1947"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "nhsNumber", "invalid-nhs-number"))
			.andExpect(content().string(containsString("Enter a valid NHS number")));
		assertThat(people.count()).isEqualTo(before);
	}

	@Test
	void namesADuplicateNhsNumber() throws Exception {
		String nhs = Fixtures.nextNhsNumber();
		mvc.perform(form(nhs, "Edna", "27", "3", "1947")).andExpect(status().is3xxRedirection());
		long before = people.count();
		mvc.perform(form(nhs, "Edith", "1", "4", "1950"))
			.andExpect(model().attributeHasFieldErrorCode("form", "nhsNumber", "duplicate-nhs-number"));
		assertThat(people.count()).isEqualTo(before);
	}

	@Test
	void namesAMissingRequiredField() throws Exception {
		mvc.perform(form("", "", "27", "3", "1947"))
			.andExpect(model().attributeHasFieldErrors("form", "givenName"))
			.andExpect(content().string(containsString("Enter the given name")));
	}

	@Test
	void namesAMalformedDate() throws Exception {
		long before = people.count();
		mvc.perform(form("", "Edna", "31", "2", "1947"))
			.andExpect(model().attributeHasFieldErrors("form", "dobDay"))
			.andExpect(content().string(containsString("Date of birth must be a real date")));
		mvc.perform(form("", "Edna", "x", "2", "1947")).andExpect(model().attributeHasFieldErrors("form", "dobDay"));
		assertThat(people.count()).isEqualTo(before);
	}

	@Test
	void showsTheFormAgainWithTheFieldNamedWhenAValueCannotBeConverted() throws Exception {
		long before = people.count();
		mvc.perform(form("", "Edna", "27", "3", "1947").with(replaced("sex", "UNKNOWN_VALUE")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "sex"))
			.andExpect(content().string(containsString("value=\"Edna\"")))
			.andExpect(content().string(containsString("Choose the sex as recorded")));
		mvc.perform(form("", "Edna", "27", "3", "1947").with(replaced("version", "NaN"))
			.param("interpreterNeeded", "maybe"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "version", "interpreterNeeded"));
		assertThat(people.count()).isEqualTo(before);
	}

	@Test
	void refusesAFormWithoutTheCsrfToken() throws Exception {
		mvc.perform(post("/people").with(httpBasic(worker.username(), Fixtures.PASSWORD)).param("givenName", "No"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theApiNamesABadIdentifierInProblemJson() throws Exception {
		mvc.perform(get("/api/v1/people/not-a-uuid").with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	@Test
	void theApiRequiresSignIn() throws Exception {
		mvc.perform(get("/api/v1/people").param("q", "smith")).andExpect(status().isUnauthorized());
	}

	private static RequestPostProcessor replaced(String name, String value) {
		return request -> {
			request.setParameter(name, value);
			return request;
		};
	}

	private MockHttpServletRequestBuilder form(String nhs, String given, String day, String month, String year) {
		return post("/people").with(httpBasic(worker.username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("nhsNumber", nhs)
			.param("givenName", given)
			.param("familyName", Fixtures.unique("Formby"))
			.param("dobDay", day)
			.param("dobMonth", month)
			.param("dobYear", year)
			.param("sex", "FEMALE")
			.param("postcode", "RV1 2AB")
			// These people resemble each other on purpose; the possible-match step is
			// tested in MatchingWebTests.
			.param("confirmedNew", "true")
			.param("version", "0");
	}

}
