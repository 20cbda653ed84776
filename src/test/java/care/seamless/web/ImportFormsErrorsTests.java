package care.seamless.web;

import java.nio.charset.StandardCharsets;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static care.seamless.web.AllFormsErrorsAtOnceTests.summaryLinks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The three import forms (people, vocabularies, assessment forms), sent with everything
 * wrong at once, name every wrong field in the error summary on the first submit, each a
 * link to its field, keep what was typed, answer 400 and save nothing.
 */
@SeamlessTest
class ImportFormsErrorsTests {

	private static final String UNKNOWN_COLUMN = "shoe_size=Foot";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Fixtures.Staff admin;

	@BeforeEach
	void administrator() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		admin = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
	}

	@Test
	void peopleWithNoFileAndAnUnknownColumnNamesBothAndKeepsTheColumnsTyped() throws Exception {
		long before = count("person.person");
		// What a browser sends when no file was chosen: an empty part without a name.
		MockHttpServletResponse response = send(multipart("/people/import")
			.file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
			.param("columns", UNKNOWN_COLUMN));
		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#file", "#columns");
		assertThat(page).contains("Choose a CSV file to import")
			.contains("Write each column as role=heading")
			.contains("id=\"file-error\"")
			.contains("id=\"columns-error\"")
			.contains("aria-describedby=\"columns-hint columns-error\"")
			.contains("value=\"" + UNKNOWN_COLUMN + "\"");
		assertThat(count("person.person")).isEqualTo(before);
	}

	@Test
	void peopleWithAnEmptyFileOrOneNotACsvNamesItWithTheUnknownColumn() throws Exception {
		long before = count("person.person");
		MockHttpServletResponse empty = send(
				multipart("/people/import").file(new MockMultipartFile("file", "people.csv", "text/csv", new byte[0]))
					.param("columns", UNKNOWN_COLUMN));
		assertThat(empty.getStatus()).isEqualTo(400);
		assertThat(summaryLinks(empty.getContentAsString())).containsExactlyInAnyOrder("#file", "#columns");
		assertThat(empty.getContentAsString()).contains("The selected file is empty");

		// A workbook rather than a CSV: bytes that are not UTF-8 text.
		String family = Fixtures.unique("Ørsted");
		byte[] workbook = ("first_name,surname,dob\nSøren," + family + ",1940-01-01\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		MockHttpServletResponse wrongType = send(multipart("/people/import")
			.file(new MockMultipartFile("file", "people.xls", "application/vnd.ms-excel", workbook))
			.param("columns", UNKNOWN_COLUMN));
		assertThat(wrongType.getStatus()).isEqualTo(400);
		assertThat(summaryLinks(wrongType.getContentAsString())).containsExactlyInAnyOrder("#file", "#columns");
		assertThat(wrongType.getContentAsString()).contains("The selected file must be a CSV file saved as UTF-8");
		assertThat(count("person.person")).isEqualTo(before);
	}

	@Test
	void peopleWithAFileSentAsTextAndAnUnknownColumnNamesBoth() throws Exception {
		long before = count("person.person");
		// A tampered form that sends the file as a plain value, which Spring cannot
		// convert.
		MockHttpServletResponse response = send(
				multipart("/people/import").param("file", "not a file").param("columns", UNKNOWN_COLUMN));
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(summaryLinks(response.getContentAsString())).containsExactlyInAnyOrder("#file", "#columns");
		assertThat(response.getContentAsString()).contains("value=\"" + UNKNOWN_COLUMN + "\"");
		assertThat(count("person.person")).isEqualTo(before);
	}

	@Test
	void someoneWhoMayNotImportIsRefusedEvenWithEverythingWrong() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		MockHttpServletResponse response = mvc
			.perform(multipart("/people/import")
				.file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
				.param("columns", UNKNOWN_COLUMN)
				.with(csrf())
				.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("id=\"refused\"")
			.doesNotContain("govuk-error-summary__list");
	}

	@Test
	void peopleWithBadLinesListsEveryLineByNumber() throws Exception {
		String family = Fixtures.unique("Linebad");
		String csv = "first_name,surname,dob\n," + family + ",1940-01-01\nAda," + family + ",\n";
		MockHttpServletResponse response = send(multipart("/people/import")
			.file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("Line 2: enter a given name")
			.contains("Line 3: enter a date of birth");
		assertThat(jdbc.sql("select count(*) from person.person where family_name = :family")
			.param("family", family)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aVocabularyWithNoFileOrAnEmptyOneIsNamedOnTheFileField() throws Exception {
		long before = count("terminology.concept");
		MockHttpServletResponse none = send(multipart("/terminology/import")
			.file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0])));
		assertThat(none.getStatus()).isEqualTo(400);
		assertThat(summaryLinks(none.getContentAsString())).containsExactly("#file");
		assertThat(none.getContentAsString()).contains("Choose a CSV file to import");

		MockHttpServletResponse empty = send(multipart("/terminology/import")
			.file(new MockMultipartFile("file", "partner.csv", "text/csv", new byte[0])));
		assertThat(empty.getStatus()).isEqualTo(400);
		assertThat(summaryLinks(empty.getContentAsString())).containsExactly("#file");
		assertThat(empty.getContentAsString()).contains("The selected file is empty");
		assertThat(count("terminology.concept")).isEqualTo(before);
	}

	@Test
	void anAssessmentFormWithNoFileOrAnEmptyOneIsNamedOnTheFileField() throws Exception {
		long before = count("assessment.instrument_definition");
		MockHttpServletResponse none = send(multipart("/instruments/import")
			.file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0])));
		assertThat(none.getStatus()).isEqualTo(400);
		assertThat(summaryLinks(none.getContentAsString())).containsExactly("#file");
		assertThat(none.getContentAsString()).contains("Choose a JSON definition file to import");

		MockHttpServletResponse empty = send(multipart("/instruments/import")
			.file(new MockMultipartFile("file", "form.json", "application/json", new byte[0])));
		assertThat(empty.getStatus()).isEqualTo(400);
		assertThat(summaryLinks(empty.getContentAsString())).containsExactly("#file");
		assertThat(empty.getContentAsString()).contains("The selected file is empty");
		assertThat(count("assessment.instrument_definition")).isEqualTo(before);
	}

	private MockHttpServletResponse send(MockMultipartHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(csrf()).with(httpBasic(admin.username(), Fixtures.PASSWORD)))
			.andReturn()
			.getResponse();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
