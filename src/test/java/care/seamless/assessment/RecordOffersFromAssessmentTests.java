package care.seamless.assessment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.instrument.Stage;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.Facts;
import care.seamless.eligibility.NewDetermination;
import care.seamless.eligibility.Unable;
import care.seamless.eligibility.UnableSense;
import care.seamless.eligibility.WellbeingArea;
import care.seamless.person.People;
import care.seamless.person.RecordOffer;
import care.seamless.person.RecordOffers;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Answers that belong on the record are offered back with their provenance when the
 * assessment is completed; only a practitioner's confirmation puts them on the record,
 * and letters then greet the person by the name they asked for.
 */
@SeamlessTest
class RecordOffersFromAssessmentTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessments assessments;

	@Autowired
	RecordOffers offers;

	@Autowired
	People people;

	@Autowired
	Eligibility eligibility;

	Fixtures.Staff socialWorker;

	PersonId person;

	@BeforeEach
	void contactAssessmentCompleted() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		person = fixtures.person(Fixtures.unique("Offered"), socialWorker);
		EpisodeId episode = assessments.open(socialWorker.actor(), person, Stage.CONTACT);
		long version = assessments.section(socialWorker.actor(), person, episode, "sap-contact", "about-you")
			.state()
			.version();
		assessments.saveSection(socialWorker.actor(), person, episode, "sap-contact", "about-you", version,
				AnswerSource.PERSON,
				Map.of("preferred-name", "Peggy", "lives-alone", "true", "communication-needs", "SEAM-SEN-01"));
		assessments.signSection(socialWorker.actor(), person, episode, "sap-contact", "about-you", version + 1);
		assessments.complete(socialWorker.actor(), person, episode,
				assessments.episode(socialWorker.actor(), person, episode).episode().version(), true);
	}

	@Test
	void answersAreOfferedWithProvenanceAndTheRecordChangesOnlyWhenConfirmed() {
		List<RecordOffer> offered = offers.offers(socialWorker.actor(), person);
		assertThat(offered).extracting(RecordOffer::field)
			.containsExactlyInAnyOrder(RecordOffer.Field.PREFERRED_NAME, RecordOffer.Field.LIVES_ALONE,
					RecordOffer.Field.COMMUNICATION_NEEDS);
		RecordOffer name = offer(RecordOffer.Field.PREFERRED_NAME);
		assertThat(name.value()).isEqualTo("Peggy");
		assertThat(name.sourceLabel()).isEqualTo("SAP contact assessment");
		assertThat(name.recordedByName()).isNotBlank();
		assertThat(name.status()).isEqualTo(RecordOffer.Status.OFFERED);
		assertThat(offer(RecordOffer.Field.COMMUNICATION_NEEDS).value()).doesNotContain("SEAM-");
		assertThat(people.summary(socialWorker.actor(), person).details().preferredName()).isNull();

		offers.confirm(socialWorker.actor(), person, name.id(), name.version());
		assertThatThrownBy(() -> offers.confirm(socialWorker.actor(), person, name.id(), name.version()))
			.isInstanceOf(ConcurrentEditException.class);
		RecordOffer livesAlone = offer(RecordOffer.Field.LIVES_ALONE);
		offers.decline(socialWorker.actor(), person, livesAlone.id(), livesAlone.version());

		assertThat(people.summary(socialWorker.actor(), person).details().preferredName()).isEqualTo("Peggy");
		assertThat(offer(RecordOffer.Field.PREFERRED_NAME).status()).isEqualTo(RecordOffer.Status.CONFIRMED);
		assertThat(offer(RecordOffer.Field.PREFERRED_NAME).decidedByName()).isNotBlank();
		assertThat(offer(RecordOffer.Field.LIVES_ALONE).status()).isEqualTo(RecordOffer.Status.DECLINED);

		Facts facts = Facts.adult(true, List.of(new Unable("hygiene", UnableSense.NEEDS_ASSISTANCE),
				new Unable("nutrition", UnableSense.NEEDS_ASSISTANCE)), true, Set.of(WellbeingArea.HEALTH));
		var id = eligibility.record(socialWorker.actor(), person,
				new NewDetermination(facts, "Needs help", null, null, null, 0));
		assertThat(eligibility.letter(socialWorker.actor(), person, id).greeting()).isEqualTo("Peggy");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	care.seamless.consent.AccessGrants grants;

	/**
	 * A team sent part of the record with a referral opens the record but not the offers
	 * (the record's own details, which were not sent): the record page does not offer the
	 * link, and the refusal, had it been followed, says why in those terms.
	 */
	@Test
	void offersTheLinkOnlyToThoseThePageOpensFor() throws Exception {
		Fixtures.Staff referred = referredTeamMember();
		assertThat(offers.mayRead(socialWorker.actor(), person)).isTrue();
		assertThat(offers.mayDecide(socialWorker.actor(), person)).isTrue();
		assertThat(offers.mayRead(referred.actor(), person)).isFalse();

		String offersPath = "/people/" + person + "/from-assessments";
		assertThat(page("/people/" + person, socialWorker, 200)).contains("id=\"offers-link\"")
			.contains("href=\"" + offersPath + "\"");
		assertThat(page(offersPath, socialWorker, 200)).contains("id=\"confirm-preferred-name\"");
		assertThat(page("/people/" + person, referred, 200)).doesNotContain("offers-link")
			.doesNotContain("href=\"" + offersPath + "\"");
		String refusal = page(offersPath, referred, 403);
		assertThat(refusal).contains("You cannot see this information")
			.contains(
					"Your team has been given only part of this person&#39;s record (what a referral sent, or what a hospital ward needs), and this is not part of it")
			.doesNotContain("You are not in this person&#39;s care team")
			.doesNotContain("Peggy");
	}

	/**
	 * Every link the record page offers, for the care team and for a team sent part of
	 * the record, opens: none is offered only to be refused.
	 */
	@Test
	void noLinkOnTheRecordPageIsRefused() throws Exception {
		for (Fixtures.Staff viewer : List.of(socialWorker, referredTeamMember())) {
			String record = page("/people/" + person, viewer, 200);
			List<String> links = java.util.regex.Pattern.compile("href=\"(/people/" + person + "[^\"#]*)\"")
				.matcher(record)
				.results()
				.map(m -> m.group(1).replace("&amp;", "&"))
				.distinct()
				.toList();
			assertThat(links).hasSizeGreaterThan(8);
			for (String link : links) {
				int status = mvc.perform(get(link).with(httpBasic(viewer.username(), Fixtures.PASSWORD)))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(status).as(viewer.username() + " following " + link).isNotEqualTo(403).isLessThan(500);
			}
		}
	}

	/**
	 * Changes only the care team may make (starting a plan, a CHC screening, a financial
	 * assessment, an invitation to the person's page, an alert, a document) are offered
	 * to the care team and not to a team sent part of the record, whose changes would be
	 * refused.
	 */
	@Test
	void offersCareTeamChangesOnlyToTheCareTeam() throws Exception {
		Fixtures.Staff referred = referredTeamMember();
		Map<String, String> forms = Map.of("/care-plan", "id=\"start-plan\"", "/funding", "id=\"chc-form\"",
				"/invitations", "action=\"/people/" + person + "/invitations\"");
		for (Map.Entry<String, String> form : forms.entrySet()) {
			String path = "/people/" + person + form.getKey();
			assertThat(page(path, socialWorker, 200)).as(path).contains(form.getValue());
			assertThat(page(path, referred, 200)).as(path).doesNotContain(form.getValue());
		}
		assertThat(page("/people/" + person + "/care-plan", referred, 200))
			.contains("Only practitioners in the person&#39;s care team start or change their plan.");
		// Raising an alert and uploading a document are the care team's, on the record
		// page itself.
		assertThat(page("/people/" + person, socialWorker, 200)).contains("id=\"raise-alert\"")
			.contains("id=\"upload-document\"")
			.doesNotContain("alerts-care-team-only");
		assertThat(page("/people/" + person, referred, 200)).doesNotContain("id=\"raise-alert\"")
			.doesNotContain("id=\"upload-document\"")
			.contains("Only members of this person&#39;s care team raise or end alerts.")
			.contains("Only members of this person&#39;s care team upload documents.");
		// "Change details" is offered exactly to those whose change would be saved; its
		// form is refused to the others before they type.
		String edit = "href=\"/people/" + person + "/edit\"";
		assertThat(page("/people/" + person, socialWorker, 200)).contains(edit);
		page("/people/" + person + "/edit", socialWorker, 200);
		boolean offered = page("/people/" + person, referred, 200).contains(edit);
		assertThat(offered).isEqualTo(people.mayUpdate(referred.actor(), person));
		page("/people/" + person + "/edit", referred, offered ? 200 : 403);
	}

	/**
	 * A team sent only part of the record that does not include the person's details
	 * opens the record but is not offered "Change details", and the form, opened by its
	 * address, is refused before they type.
	 */
	@Test
	void changeDetailsIsNotOfferedToATeamThatWasNotSentThem() throws Exception {
		Fixtures.Staff referred = fixtures.practitioner(
				fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE), Profession.SOCIAL_WORKER);
		grants.grantChosen(fixtures.admin, person, referred.teamId(),
				Set.of(care.seamless.shared.DataCategory.SAFEGUARDING), List.of(),
				java.time.Instant.now().plus(1, java.time.temporal.ChronoUnit.HOURS), "referral:test");
		assertThat(people.mayUpdate(referred.actor(), person)).isFalse();
		assertThat(page("/people/" + person, referred, 200)).doesNotContain("href=\"/people/" + person + "/edit\"");
		assertThat(page("/people/" + person + "/edit", referred, 403)).contains("You cannot see this information");
	}

	private Fixtures.Staff referredTeamMember() {
		Fixtures.Staff referred = fixtures.practitioner(
				fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE), Profession.SOCIAL_WORKER);
		grants.grantChosen(fixtures.admin, person, referred.teamId(), Set.of(care.seamless.shared.DataCategory.GENERAL),
				List.of(), java.time.Instant.now().plus(1, java.time.temporal.ChronoUnit.HOURS), "referral:test");
		return referred;
	}

	private String page(String path, Fixtures.Staff viewer, int expected) throws Exception {
		var response = mvc.perform(get(path).with(httpBasic(viewer.username(), Fixtures.PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(expected);
		return response.getContentAsString();
	}

	private RecordOffer offer(RecordOffer.Field field) {
		return offers.offers(socialWorker.actor(), person)
			.stream()
			.filter((o) -> o.field() == field)
			.findFirst()
			.orElseThrow();
	}

}
