package care.seamless.team.web;

import java.util.List;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationContact;
import care.seamless.team.OrganisationKind;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administrators record how people reach an organisation; bad input is refused at its
 * field with nothing saved, and a concurrent change is shown, never overwritten.
 */
@SeamlessTest
class OrganisationContactTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Directory directory;

	@Test
	void anAdministratorRecordsTheContactDetailsLettersPrint() throws Exception {
		Fixtures.Staff admin = administrator();
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);

		mvc.perform(as(get("/admin/organisations/{id}/contact", council), admin)).andExpect(status().isOk());
		mvc.perform(as(post("/admin/organisations/{id}/contact", council), admin).param("telephone", " 0300 123 4567 ")
			.param("email", "care@riverside.gov.uk")
			.param("postalAddress", "Town Hall\r\n\r\n  Riverside RV1 1AA  \r\n")
			.param("version", "0")).andExpect(redirectedUrl("/admin"));

		OrganisationContact contact = directory.contact(council);
		assertThat(contact.telephone()).isEqualTo("0300 123 4567");
		assertThat(contact.email()).isEqualTo("care@riverside.gov.uk");
		assertThat(contact.address()).containsExactly("Town Hall", "Riverside RV1 1AA");
	}

	@Test
	void badInputIsRefusedAtItsFieldAndNothingIsSaved() throws Exception {
		Fixtures.Staff admin = administrator();
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);

		// A NUL byte is refused for the whole request before any form sees it.
		mvc.perform(as(post("/admin/organisations/{id}/contact", council), admin).param("telephone", "0300\u0000123")
			.param("version", "0")).andExpect(status().isBadRequest());
		for (List<String> bad : List.of(List.of("email", "not an address"), List.of("telephone", "1".repeat(201)),
				List.of("postalAddress", "x".repeat(1001)))) {
			String page = mvc
				.perform(as(post("/admin/organisations/{id}/contact", council), admin).param(bad.get(0), bad.get(1))
					.param("version", "0"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(Jsoup.parse(page).select(".govuk-error-summary a[href=#" + bad.get(0) + "]"))
				.as("error for %s", bad.get(0))
				.isNotEmpty();
		}
		assertThat(directory.contact(council)).isEqualTo(new OrganisationContact(directory.organisation(council).name(),
				directory.organisation(council).code(), null, null, List.of()));
		assertThat(directory.organisation(council).version()).isZero();
	}

	@Test
	void aStaleFormShowsTheConflictAndOverwritesNothing() throws Exception {
		Fixtures.Staff admin = administrator();
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		directory.recordContact(fixtures.admin, council, "0300 111 1111", null, null, 0);

		String page = mvc
			.perform(as(post("/admin/organisations/{id}/contact", council), admin).param("telephone", "0300 222 2222")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(Jsoup.parse(page).select(".govuk-error-summary").text()).contains("Someone changed");
		assertThat(Jsoup.parse(page).select("#saved-now").text()).contains("0300 111 1111");
		assertThat(Jsoup.parse(page).select("#telephone").val()).isEqualTo("0300 222 2222");
		assertThat(Jsoup.parse(page).select("input[name=version]").val()).isEqualTo("1");
		assertThat(directory.contact(council).telephone()).isEqualTo("0300 111 1111");
	}

	@Test
	void onlyAdministratorsMayChangeThem() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);

		mvc.perform(as(post("/admin/organisations/{id}/contact", council), worker).param("telephone", "0300 1")
			.param("version", "0")).andExpect(status().isForbidden());
		mvc.perform(as(get("/admin/organisations/{id}/contact", UUID.randomUUID()), administrator()))
			.andExpect(status().isNotFound());
		assertThat(directory.contact(council).telephone()).isNull();
	}

	private Fixtures.Staff administrator() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		return fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Fixtures.Staff who) {
		return request.with(httpBasic(who.username(), Fixtures.PASSWORD)).with(csrf());
	}

}
