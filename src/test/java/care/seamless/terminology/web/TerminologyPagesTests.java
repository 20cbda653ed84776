package care.seamless.terminology.web;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import care.seamless.terminology.Concept;
import care.seamless.terminology.ImportResult;
import care.seamless.terminology.Terminology;
import care.seamless.terminology.TerminologyTestSupport;
import care.seamless.terminology.VocabularyCsv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SeamlessTest
class TerminologyPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Terminology terminology;

	@Autowired
	TerminologyTestSupport support;

	private Staff admin;

	private Staff nurse;

	@BeforeEach
	void staff() {
		OrganisationId council = this.fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		this.admin = this.fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		this.nurse = this.fixtures.practitioner(council, Profession.DISTRICT_NURSE);
	}

	@Test
	void anExportImportedIntoAFreshVocabularyGivesTheSameConcepts() throws Exception {
		// Catch up with anything other tests stored, so the export is the whole
		// vocabulary.
		this.terminology.refresh();
		MvcResult export = this.mvc.perform(get("/terminology/export").with(as(this.nurse)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn();
		String csv = export.getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<Concept> exported = VocabularyCsv.read(new StringReader(csv)).concepts();
		assertThat(exported).hasSizeGreaterThanOrEqualTo(289);

		this.mvc.perform(upload(csv.getBytes(StandardCharsets.UTF_8)).with(as(this.admin)))
			.andExpect(redirectedUrl("/terminology"))
			.andExpect(flash().attribute("imported", new ImportResult(0, exported.size(), List.of())));

		// Built with no starter vocabulary, this sees only what the import stored.
		Terminology fresh = this.support.storedOnlyNode();
		assertThat(fresh.vocabulary().concepts()).containsExactlyInAnyOrderElementsOf(exported);
		assertThat(this.mvc.perform(get("/terminology/export").with(as(this.nurse)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).as("exporting again gives the same file").isEqualTo(csv);
	}

	@Test
	void aBadLineIsNamedAndNothingIsSaved() throws Exception {
		String good = Fixtures.unique("TST-PAGE-");
		String csv = TerminologyTestSupport.HEADER + TerminologyTestSupport.line(good, "Health", "Social care", "Plain")
				+ TerminologyTestSupport.line(Fixtures.unique("TST-PAGE-"), "Health", "", "Plain");

		this.mvc.perform(upload(csv.getBytes(StandardCharsets.UTF_8)).with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("Line 3, column social_care_term: missing social care term")))
			.andExpect(content().string(containsString("Nothing was imported from partner.csv")));

		this.terminology.refresh();
		assertThat(this.terminology.find(good)).isEmpty();
		assertThat(this.terminology.provenance(good)).isEmpty();
	}

	@Test
	void aNulByteIsABadLineWithItsNumberNotAServerError() throws Exception {
		String good = Fixtures.unique("TST-NUL-");
		String csv = TerminologyTestSupport.HEADER + TerminologyTestSupport.line(good, "Health", "Social care", "Plain")
				+ TerminologyTestSupport.line(Fixtures.unique("TST-NUL-"), "Hea\u0000lth", "Social care", "Plain");
		this.mvc.perform(upload(csv.getBytes(StandardCharsets.UTF_8)).with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Line 3, column health_term: contains a control character")))
			.andExpect(content().string(containsString("Nothing was imported from partner.csv")));
		this.terminology.refresh();
		assertThat(this.terminology.find(good)).isEmpty();
	}

	@Test
	void aFileNotSavedAsUtf8IsRefusedWithAMessage() throws Exception {
		byte[] latin1 = (TerminologyTestSupport.HEADER
				+ TerminologyTestSupport.line(Fixtures.unique("TST-ENC-"), "Café", "Café", "Café"))
			.getBytes(StandardCharsets.ISO_8859_1);
		this.mvc.perform(upload(latin1).with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The file is not saved as UTF-8")));
	}

	@Test
	void aPractitionerCannotImport() throws Exception {
		String code = Fixtures.unique("TST-403-");
		this.mvc.perform(get("/terminology/import").with(as(this.nurse))).andExpect(status().isForbidden());
		this.mvc
			.perform(upload((TerminologyTestSupport.HEADER + TerminologyTestSupport.line(code, "H", "S", "P"))
				.getBytes(StandardCharsets.UTF_8)).with(as(this.nurse)))
			.andExpect(status().isForbidden());
		this.terminology.refresh();
		assertThat(this.terminology.find(code)).isEmpty();
		this.mvc.perform(get("/terminology").with(as(this.nurse)))
			.andExpect(content().string(not(containsString("href=\"/terminology/import\""))));
	}

	@Test
	void searchingBySynonymFindsTheConcept() throws Exception {
		this.mvc.perform(get("/terminology").param("q", "zimmer frame").with(as(this.nurse)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/terminology/d465\"")))
			.andExpect(content().string(not(containsString("href=\"/terminology/d510\""))));
	}

	@Test
	void oneConceptShowsEachAudiencesWordsSideBySide() throws Exception {
		this.mvc.perform(get("/terminology/d510").with(as(this.nurse)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"term-HEALTH\">Washing oneself<")))
			.andExpect(content().string(containsString("id=\"term-SOCIAL_CARE\">Help with washing and bathing<")))
			.andExpect(content().string(containsString("id=\"term-PERSON\">Washing myself<")));
	}

	@Test
	void anUnknownConceptIsNotFound() throws Exception {
		this.mvc.perform(get("/terminology/NO-SUCH-CODE").with(as(this.nurse))).andExpect(status().isNotFound());
	}

	@Test
	void theApiFindsConceptsAndAnswersProblemJsonForAnUnknownCode() throws Exception {
		this.mvc.perform(get("/api/v1/terminology/concepts").param("q", "zimmer frame").with(as(this.nurse)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.concepts[0].code").value("d465"))
			.andExpect(jsonPath("$.concepts[0].sapDomain").value("personal-care"));
		this.mvc.perform(get("/api/v1/terminology/concepts/d510").with(as(this.nurse)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.healthTerm").value("Washing oneself"))
			.andExpect(jsonPath("$.plainEnglish").value("Washing myself"));
		this.mvc.perform(get("/api/v1/terminology/concepts/NO-SUCH-CODE").with(as(this.nurse)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("NOT_FOUND"));
	}

	private static MockMultipartHttpServletRequestBuilder upload(byte[] csv) {
		return multipart("/terminology/import").file(new MockMultipartFile("file", "partner.csv", "text/csv", csv))
			.with(csrf());
	}

	private static RequestPostProcessor as(Staff staff) {
		return httpBasic(staff.username(), Fixtures.PASSWORD);
	}

}
