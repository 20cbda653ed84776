package care.seamless.web;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An address nothing answers: a page for people, problem+json for the API. */
@SeamlessTest
class UnknownAddressTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	Fixtures.Staff worker;

	@BeforeEach
	void worker() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
	}

	@Test
	void aBrowserGetsThePageNotFoundPageWithTheHeader() throws Exception {
		mvc.perform(get("/no-such-page").accept(MediaType.TEXT_HTML, MediaType.ALL)
			.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Page not found</h1>")))
			.andExpect(content().string(containsString("Sign out")))
			.andExpect(content().string(not(containsString("\"status\""))));
	}

	@Test
	void theApiGetsProblemJson() throws Exception {
		mvc.perform(get("/api/v1/no-such-thing").accept(MediaType.TEXT_HTML)
			.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("NOT_FOUND"));
	}

	@Test
	void aClientAskingForJsonGetsProblemJson() throws Exception {
		mvc.perform(get("/no-such-page").accept(MediaType.APPLICATION_JSON)
			.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void aBrowserOpeningAFormsAddressGetsAPageWithTheHeader() throws Exception {
		mvc.perform(get("/people/" + java.util.UUID.randomUUID() + "/care-plan/outcomes")
			.accept(MediaType.TEXT_HTML, MediaType.ALL)
			.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("This address is for a form")))
			.andExpect(content().string(containsString("Sign out")))
			.andExpect(content().string(not(containsString("\"status\""))));
	}

	@Test
	void theApiKeepsProblemJsonForAWrongMethod() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/people")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.accept(MediaType.APPLICATION_JSON)
			.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
	}

}
