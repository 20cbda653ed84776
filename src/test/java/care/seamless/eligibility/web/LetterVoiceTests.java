package care.seamless.eligibility.web;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.document.Pdfs;
import care.seamless.eligibility.CarerOutcome;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.Facts;
import care.seamless.eligibility.FacsBand;
import care.seamless.eligibility.NewDetermination;
import care.seamless.eligibility.Unable;
import care.seamless.eligibility.UnableSense;
import care.seamless.eligibility.WellbeingArea;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import care.seamless.terminology.CareActOutcome;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A letter speaks to the person in one voice ("you", never "my"), and tells them how to
 * reach the organisation that decided: telephone, address, e-mail and a reference.
 */
@SeamlessTest
class LetterVoiceTests {

	/** First-person words: the person's own voice, never the letter's. */
	private static final Pattern FIRST_PERSON = Pattern.compile("(?i)\\b(my|myself|mine)\\b");

	/** The person's own words, quoted: they may say "my". */
	private static final Pattern QUOTED = Pattern.compile("“[^”]*”");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Eligibility eligibility;

	@Autowired
	Directory directory;

	@Test
	void noLetterOrCopyWordingSpeaksAsThePerson() throws Exception {
		Properties messages = new Properties();
		for (String bundle : List.of("eligibility", "careplan")) {
			try (InputStream in = Files
				.newInputStream(Path.of("src/main/resources/messages/" + bundle + ".properties"))) {
				messages.load(in);
			}
		}
		List<String> firstPerson = messages.stringPropertyNames()
			.stream()
			.filter(k -> k.startsWith("letter.") || k.startsWith("copy."))
			.filter(k -> FIRST_PERSON.matcher(messages.getProperty(k)).find())
			.sorted()
			.toList();
		assertThat(firstPerson).as("letter and copy wording in the first person").isEmpty();
	}

	@Test
	void everyKindOfLetterSpeaksToThePersonAndSaysHowToReachUs() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		directory.recordContact(fixtures.admin, council, "0300 123 4567", "adult.care@riverside.gov.uk",
				"Adult Social Care\nTown Hall\nRiverside RV1 1AA", directory.organisation(council).version());
		String code = directory.organisation(council).code();
		Fixtures.Staff worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);

		for (Facts facts : everyKind()) {
			PersonId person = fixtures.person(Fixtures.unique("Voice"), worker);
			UUID id = eligibility.record(worker.actor(), person, new NewDetermination(facts,
					"Seen at home with their daughter", "I want to stay in my own home", null, null, 0));
			String letter = letterText(person, id, worker);
			String pdf = Pdfs.words(mvc
				.perform(get("/people/{p}/eligibility/{id}/letter.pdf", person, id)
					.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
				.andReturn()
				.getResponse()
				.getContentAsByteArray());
			String reference = (code + "-" + id.toString().substring(0, 8)).toUpperCase();

			for (String text : List.of(letter, pdf)) {
				assertThat(QUOTED.matcher(text).replaceAll(""))
					.as("a %s letter, without the person's own words", facts.kind())
					.doesNotContainPattern(FIRST_PERSON);
				assertThat(text).contains("Telephone: 0300 123 4567", "E-mail: adult.care@riverside.gov.uk",
						"Write to: " + directory.organisation(council).name()
								+ ", Adult Social Care, Town Hall, Riverside RV1 1AA",
						"Our reference: " + reference, "tell us the reference " + reference);
			}
			assertThat(letter).contains("“I want to stay in my own home”");
		}
	}

	@Test
	void aLetterFromAnOrganisationWithoutContactDetailsWarnsStaffButNotThePerson() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Voice"), worker);
		UUID id = eligibility.record(worker.actor(), person,
				new NewDetermination(everyKind().get(0), "Seen at home", null, null, null, 0));

		String page = mvc
			.perform(get("/people/{p}/eligibility/{id}/letter", person, id)
				.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String warning = Jsoup.parse(page).select("#letter-missing-contact").text();
		assertThat(warning).contains("no telephone number", "no e-mail address", "no postal address");
		assertThat(letterText(person, id, worker)).doesNotContain("Telephone:").contains("Our reference:");
		String pdf = Pdfs.words(mvc
			.perform(get("/people/{p}/eligibility/{id}/letter.pdf", person, id)
				.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(pdf).doesNotContain("no telephone number").doesNotContain("administrator");
	}

	private static List<Facts> everyKind() {
		Set<WellbeingArea> every = EnumSet.allOf(WellbeingArea.class);
		List<Unable> adult = java.util.Arrays.stream(CareActOutcome.values())
			.map(o -> new Unable(o.code(), UnableSense.NEEDS_ASSISTANCE))
			.toList();
		List<Unable> carer = java.util.Arrays.stream(CarerOutcome.values())
			.map(o -> new Unable(o.code(), UnableSense.NEEDS_ASSISTANCE))
			.toList();
		return List.of(Facts.adult(true, adult, true, every), Facts.adult(false, List.of(), false, Set.of()),
				Facts.carer(true, true, carer, true, every), Facts.carer(false, false, List.of(), false, Set.of()),
				Facts.facs(FacsBand.MODERATE, FacsBand.SUBSTANTIAL, LocalDate.of(2012, 5, 1)));
	}

	private String letterText(PersonId person, UUID id, Fixtures.Staff worker) throws Exception {
		String page = mvc
			.perform(get("/people/{p}/eligibility/{id}/letter", person, id)
				.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(page).select("#letter").text();
	}

}
