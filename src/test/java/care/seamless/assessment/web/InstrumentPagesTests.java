package care.seamless.assessment.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.assessment.instrument.InstrumentTestSupport;
import care.seamless.assessment.instrument.Instruments;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SeamlessTest
class InstrumentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Instruments instruments;

	private Staff admin;

	private Staff nurse;

	private Staff socialWorker;

	@BeforeEach
	void staff() {
		OrganisationId council = this.fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = this.fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		this.admin = this.fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		this.nurse = this.fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		this.socialWorker = this.fixtures.practitioner(council, Profession.SOCIAL_WORKER);
	}

	@Test
	void listsShippedAndImportedInstruments() throws Exception {
		String id = imported();
		this.mvc.perform(get("/instruments").with(as(this.nurse)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/instruments/sap-overview/1\"")))
			.andExpect(content().string(containsString("href=\"/instruments/" + id + "/1\"")))
			.andExpect(content().string(containsString("Imported from form.json")));
	}

	@Test
	void showsOptionsInTheReadersWords() throws Exception {
		String id = imported();
		this.mvc.perform(get("/instruments/{id}/1", id).with(as(this.nurse)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-code=\"d510\">Washing oneself<")))
			.andExpect(content().string(containsString("Health professionals")));
		this.mvc.perform(get("/instruments/{id}/1", id).with(as(this.socialWorker)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-code=\"d510\">Help with washing and bathing<")))
			.andExpect(content().string(containsString("data-code=\"SEAM-SVC-01\">Home care<")));
	}

	@Test
	void importsADefinitionThroughThePage() throws Exception {
		String id = Fixtures.unique("paged-form-");
		this.mvc.perform(upload(InstrumentTestSupport.definition(id, 1)).with(as(this.admin)))
			.andExpect(redirectedUrl("/instruments/" + id + "/1"));
		assertThat(this.instruments.provenance(id, 1)).isPresent();
	}

	@Test
	void aBadDefinitionShowsItsErrorsAndNothingIsSaved() throws Exception {
		String id = Fixtures.unique("bad-form-");
		String broken = InstrumentTestSupport.definition(id, 1).replace("\"d510\"", "\"NO-SUCH-CODE\"");
		this.mvc.perform(upload(broken).with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString(
					"form.json: $.sections[0].questions[0].options[0]: unknown concept code &#39;NO-SUCH-CODE&#39;")))
			.andExpect(content().string(containsString("Nothing was imported from form.json")));
		this.mvc.perform(upload("{ not json").with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("form.json: not valid JSON")));
		assertThat(this.instruments.provenance(id, 1)).isEmpty();
		assertThat(this.instruments.latest(id)).isEmpty();
	}

	@Test
	void aNulInADefinitionIsNamedWithItsPathAndLineNotAServerError() throws Exception {
		String id = Fixtures.unique("nul-form-");
		String definition = InstrumentTestSupport.definition(id, 1)
			.replaceFirst("\"title\": \"", "\"title\": \"\\\\u0000");
		this.mvc.perform(upload(definition).with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("form.json: $.title: contains a control character")))
			.andExpect(content().string(containsString("(line ")))
			.andExpect(content().string(containsString("Nothing was imported from form.json")));
		this.mvc.perform(upload(definition.replace("\\u0000", "\u0000")).with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("form.json: not valid JSON (line ")));
		assertThat(this.instruments.latest(id)).isEmpty();
	}

	@Test
	void aPractitionerCannotImport() throws Exception {
		String id = Fixtures.unique("refused-form-");
		this.mvc.perform(get("/instruments/import").with(as(this.nurse))).andExpect(status().isForbidden());
		this.mvc.perform(upload(InstrumentTestSupport.definition(id, 1)).with(as(this.nurse)))
			.andExpect(status().isForbidden());
		assertThat(this.instruments.provenance(id, 1)).isEmpty();
		this.mvc.perform(get("/instruments").with(as(this.nurse)))
			.andExpect(content().string(not(containsString("href=\"/instruments/import\""))));
	}

	@Test
	void anUnknownInstrumentIsNotFound() throws Exception {
		this.mvc.perform(get("/instruments/no-such-form/1").with(as(this.nurse))).andExpect(status().isNotFound());
	}

	private String imported() {
		String id = Fixtures.unique("shown-form-");
		this.instruments.importDefinition(Actor.system("test-admin"), "form.json",
				new ByteArrayInputStream(InstrumentTestSupport.definition(id, 1).getBytes(StandardCharsets.UTF_8)));
		return id;
	}

	private static MockMultipartHttpServletRequestBuilder upload(String definition) {
		return multipart("/instruments/import")
			.file(new MockMultipartFile("file", "form.json", "application/json",
					definition.getBytes(StandardCharsets.UTF_8)))
			.with(csrf());
	}

	private static RequestPostProcessor as(Staff staff) {
		return httpBasic(staff.username(), Fixtures.PASSWORD);
	}

}
