package care.seamless.eligibility.web;

import care.seamless.document.Pdfs;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.EligibilityFixtures;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.person.PersonRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The person's letter says, in plain words, what was decided, what they need help with,
 * what happens next and how to disagree; the PDF says the same.
 */
@SeamlessTest
class EligibilityLetterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Eligibility eligibility;

	@Autowired
	People people;

	Fixtures.Staff worker;

	PersonId person;

	@BeforeEach
	void personWithASocialWorker() {
		worker = fixtures.practitioner(fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE),
				Profession.SOCIAL_WORKER);
		person = fixtures.person(Fixtures.unique("Letter"), worker);
	}

	@Test
	void theLetterOfAnEligibleAdultNamesWhatTheyNeedHelpWithAndThePlan() throws Exception {
		UUID id = EligibilityFixtures.record(eligibility, worker.actor(), person, EligibilityFixtures.eligibleAdult());

		mvc.perform(get("/people/{p}/eligibility/{id}/letter", person, id)
			.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("You are eligible for care and support from the council."),
					containsString("Eating and drinking well"), containsString("Keeping clean"),
					containsString("care and support plan"), containsString("ask us to look at our decision again"),
					containsString("Local Government and Social Care Ombudsman"), containsString("1 Test Street"),
					not(containsString("Managing and maintaining nutrition")))));
	}

	@Test
	void theLetterGreetsThePersonByTheNameTheyAskedFor() throws Exception {
		PersonRecord record = people.record(worker.actor(), person);
		PersonDetails d = record.details();
		people.update(worker.actor(), person, record.version(),
				new PersonDetails(d.nhsNumber(), d.title(), d.givenName(), d.familyName(), "Peggy", d.howAddressed(),
						d.dateOfBirth(), d.sex(), d.gender(), d.addressLine1(), d.addressLine2(), d.town(),
						d.postcode(), d.phone(), d.email(), d.language(), d.interpreterNeeded(),
						d.communicationNeeds()));
		UUID id = EligibilityFixtures.record(eligibility, worker.actor(), person, EligibilityFixtures.eligibleAdult());

		mvc.perform(get("/people/{p}/eligibility/{id}/letter", person, id)
			.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(allOf(containsString("Dear Peggy"), containsString(d.familyName()))));
	}

	@Test
	void theApiGivesTheDecisionWithEachCondition() throws Exception {
		UUID id = EligibilityFixtures.record(eligibility, worker.actor(), person, EligibilityFixtures.eligibleAdult());

		mvc.perform(get("/api/v1/people/{p}/eligibility", person).with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currentAdult.id").value(id.toString()))
			.andExpect(jsonPath("$.currentAdult.eligible").value(true))
			.andExpect(jsonPath("$.history.length()").value(1));
	}

	@Test
	void thePdfSaysTheDecisionAndThePlainEnglishOutcomes() throws Exception {
		UUID id = EligibilityFixtures.record(eligibility, worker.actor(), person, EligibilityFixtures.eligibleAdult());

		String text = pdfText(id);

		assertThat(text).contains("You are eligible for care and support from the council.", "Eating and drinking well",
				"Keeping clean", "We found 2 everyday things you cannot do without help",
				"We will work with you to write a care and support plan", "Local Government and Social Care Ombudsman");
	}

	@Test
	void thePdfOfAnAdultWhoIsNotEligibleOffersInformationAndAdvice() throws Exception {
		UUID id = EligibilityFixtures.record(eligibility, worker.actor(), person,
				EligibilityFixtures.ineligibleAdult());

		String text = pdfText(id);

		assertThat(text).contains("You are not eligible for care and support from the council at the moment.",
				"Getting out and using local places", "We found one everyday thing",
				"We will give you information and advice");
		assertThat(text).doesNotContain("care and support plan");
	}

	private String pdfText(UUID id) throws Exception {
		byte[] pdf = mvc
			.perform(get("/people/{p}/eligibility/{id}/letter.pdf", person, id)
				.with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return Pdfs.words(pdf);
	}

}
