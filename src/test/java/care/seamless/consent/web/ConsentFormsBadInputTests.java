package care.seamless.consent.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.web.ErrorSummaryLinks;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.consent.Overrides;
import care.seamless.consent.PersonChoice;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The sharing forms sent with tampered and hostile values (a choice not offered, an
 * impossible date, another person's id) name each on its field beside every other
 * problem, keep what was sent and save nothing; a NUL byte is refused before anything is
 * read.
 */
@SeamlessTest
class ConsentFormsBadInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Choices choices;

	@Autowired
	Overrides overrides;

	Fixtures.Staff worker;

	PersonId person;

	PersonId someoneElse;

	@BeforeEach
	void people() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		person = fixtures.person(Fixtures.unique("Tampered"), worker);
		someoneElse = fixtures.person(Fixtures.unique("Other"), worker);
	}

	@Test
	void aChoiceNamesAnUnknownKindAnOrganisationNotOfferedAndAnImpossibleDateTogether() throws Exception {
		MockHttpServletResponse response = send(post("/people/" + person + "/choices").param("kind", "VETO")
			.param("organisationId", UUID.randomUUID().toString())
			.param("category", "EVERYTHING")
			.param("howGiven", "VERBAL")
			.param("effectiveFrom", "2026-02-31")
			.param("expiresOn", "31/2/2027"));

		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#kind", "#organisationId", "#category",
				"#effectiveFrom", "#expiresOn");
		assertThat(page).contains("value=\"2026-02-31\"")
			.contains("value=\"31/2/2027\"")
			.contains("Enter a real date")
			.contains("<option value=\"VERBAL\" selected");
		assertThat(choices.choices(worker.actor(), person)).isEmpty();

		// An organisation that cannot be read is never taken as "all organisations".
		assertThat(send(post("/people/" + person + "/choices").param("kind", "OBJECTION")
			.param("organisationId", "not-an-id")
			.param("howGiven", "VERBAL")).getStatus()).isEqualTo(400);
		assertThat(choices.choices(worker.actor(), person)).isEmpty();
	}

	@Test
	void withdrawingNamesUnknownChoicesAndAnotherPersonsDecisionAndKeepsTheReason() throws Exception {
		UUID choice = choices.record(worker.actor(), person,
				new NewChoice(ChoiceKind.OBJECTION, null, null, HowGiven.VERBAL, LocalDate.now(), null, null));
		UUID othersAssessment = choices.assessCapacity(worker.actor(), someoneElse, true, false, false, false, false,
				null);
		UUID othersDecision = choices.decideBestInterests(worker.actor(), someoneElse, othersAssessment,
				ChoiceKind.CONSENT, null, null, "Share with the GP", "Daughter", null, null);

		String page = send(post("/people/{id}/choices/{c}/withdraw", person, choice).param("version", "0")
			.param("requestedBy", "NEIGHBOUR")
			.param("howAsked", "CARRIER_PIGEON")
			.param("reason", "")).getContentAsString();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#requestedBy", "#howAsked", "#reason");

		MockHttpServletResponse response = send(
				post("/people/{id}/choices/{c}/withdraw", person, choice).param("version", "0")
					.param("requestedBy", "BEST_INTERESTS")
					.param("bestInterestsDecisionId", othersDecision.toString())
					.param("howAsked", "IN_PERSON")
					.param("reason", "Daughter asked on his behalf"));
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(summaryLinks(response.getContentAsString())).containsExactly("#bestInterestsDecisionId");
		assertThat(response.getContentAsString()).contains("Daughter asked on his behalf");
		assertThat(choices.choices(worker.actor(), person)).extracting(PersonChoice::withdrawnAt).containsOnlyNulls();

		assertThat(send(post("/people/{id}/choices/{c}/withdraw", person, choice).param("version", "0")
			.param("requestedBy", "PERSON")
			.param("howAsked", "IN_PERSON")
			.param("reason", "Changed\u0000mind")).getStatus()).isEqualTo(400);
		assertThat(choices.choices(worker.actor(), person)).extracting(PersonChoice::withdrawnAt).containsOnlyNulls();
	}

	@Test
	void aBestInterestsDecisionNamesAnotherPersonsAssessmentAndChoicesNotOfferedTogether() throws Exception {
		UUID othersAssessment = choices.assessCapacity(worker.actor(), someoneElse, true, false, false, false, false,
				null);
		choices.assessCapacity(worker.actor(), person, true, false, false, false, false, null);

		MockHttpServletResponse response = send(
				post("/people/" + person + "/best-interests").param("capacityAssessmentId", othersAssessment.toString())
					.param("outcome", "MAYBE")
					.param("organisationId", "00000000-0000-0000-0000-000000000000")
					.param("category", "general'--")
					.param("decision", "Share with the district nurses")
					.param("peopleConsulted", ""));

		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#capacityAssessmentId", "#outcome",
				"#bi-organisation", "#bi-category", "#peopleConsulted");
		assertThat(page).contains("value=\"Share with the district nurses\"");
		assertThat(choices.bestInterestsDecisions(worker.actor(), person)).isEmpty();
	}

	@Test
	void emergencyAccessNamesAnUnknownReasonAndATooShortExplanationTogether() throws Exception {
		MockHttpServletResponse response = send(
				post("/people/" + person + "/override").param("reasonCode", "BORED").param("reasonText", "now"));

		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#reasonCode", "#reasonText");
		assertThat(page).contains(">now</textarea>");
		assertThat(send(post("/people/" + person + "/override").param("reasonCode", "EMERGENCY_CARE")
			.param("reasonText", "Collapsed\u0000at home")).getStatus()).isEqualTo(400);
		assertThat(overrides.active(worker.actor(), person)).isEmpty();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(csrf()).with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andReturn()
			.getResponse();
	}

	/**
	 * The links in the GOV.UK error summary, in order, each of which must land on an
	 * element of the page.
	 */
	static List<String> summaryLinks(String page) {
		ErrorSummaryLinks.assertEveryLinkLands(page);
		return ErrorSummaryLinks.of(page);
	}

}
