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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

	private RecordOffer offer(RecordOffer.Field field) {
		return offers.offers(socialWorker.actor(), person)
			.stream()
			.filter((o) -> o.field() == field)
			.findFirst()
			.orElseThrow();
	}

}
