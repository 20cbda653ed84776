package care.seamless.person.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.person.Document;
import care.seamless.person.Documents;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The documents section of the record page: upload with a field message for a bad file, a
 * download that is an unsniffed attachment, and a refused download as a 403 page.
 */
@SeamlessTest
class DocumentPagesTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Documents documents;

	@Autowired
	MockMvc mvc;

	Staff socialWorker;

	Staff outsider;

	PersonId person;

	@BeforeEach
	void partnership() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		outsider = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		person = fixtures.person(Fixtures.unique("Pageson"), socialWorker);
	}

	@Test
	void uploadListAndDownloadAsAnUnsniffedAttachment() throws Exception {
		byte[] pdf = "%PDF-1.4\n<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
		mvc.perform(multipart("/people/" + person + "/documents")
			.file(new MockMultipartFile("file", "letter.html", "text/html", pdf))
			.param("title", "Letter from the <b>GP</b>")
			.param("kind", "LETTER")
			.param("category", "GENERAL")
			.with(csrf())
			.with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("saved", "record.document.uploaded.done"));
		Document stored = documents.current(socialWorker.actor(), person).documents().get(0);
		assertThat(stored.mediaType()).isEqualTo("application/pdf");

		mvc.perform(get("/people/" + person).with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(allOf(containsString("seamless-document"),
					containsString("Letter from the &lt;b&gt;GP&lt;/b&gt;"), not(containsString("<b>GP</b>")))));
		mvc.perform(get("/people/" + person + "/documents/" + stored.id())
			.with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().bytes(pdf));

		mvc.perform(get("/people/" + person + "/documents/" + stored.id())
			.with(httpBasic(outsider.username(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
	}

	@Test
	void aRenamedProgramGetsAFieldMessageAndNothingIsStored() throws Exception {
		mvc.perform(multipart("/people/" + person + "/documents")
			.file(new MockMultipartFile("file", "report.pdf", "application/pdf", new byte[] { 'M', 'Z', 0, 0 }))
			.param("title", "Report")
			.param("kind", "REPORT")
			.param("category", "NOT_A_CATEGORY")
			.with(csrf())
			.with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("documentErrorField", "category"));
		mvc.perform(multipart("/people/" + person + "/documents")
			.file(new MockMultipartFile("file", "report.pdf", "application/pdf", new byte[] { 'M', 'Z', 0, 0 }))
			.param("title", "Report")
			.param("kind", "REPORT")
			.param("category", "GENERAL")
			.with(csrf())
			.with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("documentErrorField", "file"));
		assertThat(documents.current(socialWorker.actor(), person).documents()).isEmpty();
	}

}
