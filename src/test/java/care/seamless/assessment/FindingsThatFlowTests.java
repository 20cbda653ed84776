package care.seamless.assessment;

import java.util.Map;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.AssessmentRuleViolation.Rule;
import care.seamless.assessment.instrument.Stage;
import care.seamless.consent.AccessDenied;
import care.seamless.person.Carers;
import care.seamless.person.People;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Completing an overview needs every domain covered; the person's own words are corrected
 * only beside the original; a carer's assessment is their own.
 */
@SeamlessTest
class FindingsThatFlowTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessments assessments;

	@Autowired
	OwnWords ownWords;

	@Autowired
	Carers carers;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	Fixtures.Staff nurse;

	Fixtures.Staff socialWorker;

	PersonId person;

	@BeforeEach
	void partnership() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		fixtures.agreement(Set.of(trust, council), DataCategory.GENERAL, DataCategory.SAFEGUARDING,
				DataCategory.THIRD_PARTY);
		person = fixtures.person(Fixtures.unique("Flow"), nurse);
		fixtures.addToCareTeam(person, socialWorker);
	}

	@Test
	void anOverviewWithADomainMissingIsRefusedAndSaysWhichUntilItIsCoveredAndConfirmed() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		save(nurse, episode, "personal-care", AnswerSource.PERSON, Map.of("washing", "3"));
		sign(nurse, episode, "personal-care");

		assertThatThrownBy(() -> complete(episode, true)).isInstanceOfSatisfying(AssessmentRuleViolation.class,
				(ex) -> assertThat(ex.getMessage()).contains("Safety: must at least be screened")
					.contains("Mental health: must at least be screened")
					.contains("Senses: assess it or mark it not relevant"));
		assertThat(assessments.episode(nurse.actor(), person, episode).missing())
			.extracting(MissingForCompletion::sectionId)
			.contains("safety", "mental-health", "senses", "money")
			.doesNotContain("personal-care");

		// Safety is never "not relevant"; a reason is required for the others.
		assertThatThrownBy(() -> notRelevant(episode, "safety", "No concerns")).isInstanceOfSatisfying(
				AssessmentRuleViolation.class, (ex) -> assertThat(ex.rule()).isEqualTo(Rule.MUST_BE_SCREENED));
		assertThatThrownBy(() -> notRelevant(episode, "senses", "  ")).isInstanceOfSatisfying(AnswersRejected.class,
				(ex) -> assertThat(ex.errors()).containsKey("reason"));
		assertThatThrownBy(() -> notRelevant(episode, "senses", "bad\0input")).isInstanceOf(AnswersRejected.class);
		assertThatThrownBy(() -> notRelevant(episode, "personal-care", "Not needed"))
			.isInstanceOf(AssessmentRuleViolation.class);

		AssessmentFixtures.readyToComplete(assessments, nurse.actor(), person, episode);
		assertThat(assessments.episode(nurse.actor(), person, episode).missing()).isEmpty();
		SectionState senses = state(episode, "senses");
		assertThat(senses.status()).isEqualTo(SectionStatus.NOT_RELEVANT);
		assertThat(senses.notRelevant().reason()).isEqualTo("Nothing raised in this domain");
		assertThat(senses.notRelevant().byName()).isNotBlank();

		assertThatThrownBy(() -> complete(episode, false)).isInstanceOfSatisfying(AssessmentRuleViolation.class,
				(ex) -> assertThat(ex.rule()).isEqualTo(Rule.NOT_CONFIRMED));
		assertThat(assessments.episode(nurse.actor(), person, episode).episode().completed()).isFalse();
		complete(episode, true);
		assertThat(assessments.episode(nurse.actor(), person, episode).episode().completed()).isTrue();
	}

	@Test
	void aScreenInTheContactAssessmentCountsForSafetyAndMentalHealth() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.CONTACT);
		assessments.saveSection(nurse.actor(), person, episode, "sap-contact", "screen-safety",
				state(episode, "screen-safety").version(), AnswerSource.PERSON,
				Map.of("safeguarding-concern", "false"));
		assessments.signSection(nurse.actor(), person, episode, "sap-contact", "screen-safety",
				state(episode, "screen-safety").version());
		assessments.advance(nurse.actor(), person, episode,
				assessments.episode(nurse.actor(), person, episode).episode().version(), Stage.OVERVIEW, null);

		assertThat(assessments.episode(nurse.actor(), person, episode).missing())
			.extracting(MissingForCompletion::sectionId)
			.contains("mental-health")
			.doesNotContain("safety");
	}

	@Test
	void thePersonsOwnWordsAreNeverEditedButACorrectionIsKeptBesideThem() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		save(nurse, episode, "users-perspective", AnswerSource.PERSON, Map.of("own-words", "I manage most days."));
		Answer original = form(episode, "users-perspective").answers().get("own-words");

		assertThatThrownBy(() -> save(socialWorker, episode, "users-perspective", AnswerSource.PERSON,
				Map.of("own-words", "Cannot manage.")))
			.isInstanceOfSatisfying(AssessmentRuleViolation.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.PERSONS_OWN_WORDS));
		assertThatThrownBy(() -> ownWords.recordCorrection(socialWorker.actor(), person, episode, original.id(),
				AnswerSource.OBSERVATION, null, "Cannot manage.", "I think so"))
			.isInstanceOfSatisfying(AnswersRejected.class, (ex) -> assertThat(ex.errors()).containsKey("statedBy"));
		assertThatThrownBy(() -> ownWords.recordCorrection(socialWorker.actor(), person, episode, original.id(),
				AnswerSource.PERSON, null, "", ""))
			.isInstanceOfSatisfying(AnswersRejected.class,
					(ex) -> assertThat(ex.errors()).containsKeys("words", "reason"));

		ownWords.recordCorrection(socialWorker.actor(), person, episode, original.id(), AnswerSource.PERSON, null,
				"I manage most days, but not on bad days.", "I left out my bad days");

		SectionForm after = form(episode, "users-perspective");
		assertThat(after.answers().get("own-words").value()).isEqualTo("I manage most days.");
		assertThat(after.answers().get("own-words").id()).isEqualTo(original.id());
		assertThat(after.correctionsOf(original.id())).singleElement().satisfies((c) -> {
			assertThat(c.words()).isEqualTo("I manage most days, but not on bad days.");
			assertThat(c.reason()).isEqualTo("I left out my bad days");
			assertThat(c.statedBy()).isEqualTo(AnswerSource.PERSON);
			assertThat(c.recordedByName()).isNotBlank();
			assertThat(c.recordedAt()).isNotNull();
		});
	}

	@Test
	void aCorrectionIsOnlyForThePersonsOwnWords() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		save(nurse, episode, "personal-care", AnswerSource.OBSERVATION, Map.of("washing", "2"));
		Answer finding = form(episode, "personal-care").answers().get("washing");

		assertThatThrownBy(() -> ownWords.recordCorrection(nurse.actor(), person, episode, finding.id(),
				AnswerSource.PERSON, null, "1", "They disagree"))
			.isInstanceOfSatisfying(AssessmentRuleViolation.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.NOT_A_FINDING));
	}

	@Test
	void aCarersAssessmentIsOnTheirOwnRecordNamesWhomTheyCareForAndIsNeverFilledFromTheirAnswers() {
		// The cared-for person has answered what matters to them.
		EpisodeId theirs = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		save(nurse, theirs, "users-perspective", AnswerSource.PERSON,
				Map.of("own-words", "My wife helps me.", "what-matters", "Staying with my wife at home"));

		Fixtures.Staff carersWorker = fixtures.practitioner(socialWorker.organisationId(), Profession.SOCIAL_WORKER);
		PersonId carer = fixtures.person(Fixtures.unique("Carer"), carersWorker);
		fixtures.addToCareTeam(carer, socialWorker);
		carers.link(socialWorker.actor(), person, carer);

		assertThatThrownBy(() -> assessments.open(carersWorker.actor(), carer, Stage.CARER, null))
			.isInstanceOfSatisfying(AssessmentRuleViolation.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.CARES_FOR));
		EpisodeId carers = assessments.open(carersWorker.actor(), carer, Stage.CARER, person);

		Episode episode = assessments.episode(carersWorker.actor(), carer, carers).episode();
		assertThat(episode.personId()).isEqualTo(carer);
		assertThat(episode.caresFor()).isEqualTo(person);
		assertThat(episode.caresForName())
			.isEqualTo(people.summary(socialWorker.actor(), person).details().displayName());
		// The same question ("what matters most") is not offered from the cared-for
		// person's answer, to the carer's worker or to someone in both care teams.
		for (Fixtures.Staff viewer : new Fixtures.Staff[] { carersWorker, socialWorker }) {
			SectionForm form = assessments.section(viewer.actor(), carer, carers, "carers-assessment",
					"carers-own-words");
			assertThat(form.prefills()).isEmpty();
			assertThat(form.answers()).isEmpty();
		}
	}

	@Test
	void beingInTheCarersCareTeamDoesNotOpenTheCaredForRecordNorTheOtherWayRound() {
		Fixtures.Staff carersWorker = fixtures.practitioner(socialWorker.organisationId(), Profession.SOCIAL_WORKER);
		PersonId carer = fixtures.person(Fixtures.unique("Carer"), carersWorker);
		fixtures.addToCareTeam(carer, socialWorker);
		carers.link(socialWorker.actor(), person, carer);

		assertThat(carers.caredForBy(carersWorker.actor(), carer)).extracting((c) -> c.person())
			.containsExactly(person);
		assertThatThrownBy(() -> people.record(carersWorker.actor(), person)).isInstanceOf(AccessDenied.class);
		assertThatThrownBy(() -> people.record(nurse.actor(), carer)).isInstanceOf(AccessDenied.class);
		assertThat(carers.carersOf(nurse.actor(), person)).extracting((c) -> c.person()).containsExactly(carer);
		// Linking is not a way to reach a record one cannot open.
		PersonId stranger = fixtures.person(Fixtures.unique("Stranger"), carersWorker);
		assertThatThrownBy(() -> carers.link(nurse.actor(), person, stranger)).isInstanceOf(AccessDenied.class);
	}

	private void save(Fixtures.Staff who, EpisodeId episode, String section, AnswerSource source,
			Map<String, String> answers) {
		assessments.saveSection(who.actor(), person, episode, "sap-overview", section,
				state(episode, section).version(), source, answers);
	}

	private void sign(Fixtures.Staff who, EpisodeId episode, String section) {
		assessments.signSection(who.actor(), person, episode, "sap-overview", section,
				state(episode, section).version());
	}

	private void notRelevant(EpisodeId episode, String section, String reason) {
		assessments.markNotRelevant(nurse.actor(), person, episode, "sap-overview", section,
				state(episode, section).version(), reason);
	}

	private void complete(EpisodeId episode, boolean confirmed) {
		assessments.complete(nurse.actor(), person, episode,
				assessments.episode(nurse.actor(), person, episode).episode().version(), confirmed);
	}

	private SectionForm form(EpisodeId episode, String section) {
		return assessments.section(nurse.actor(), person, episode, "sap-overview", section);
	}

	private SectionState state(EpisodeId episode, String section) {
		return assessments.episode(nurse.actor(), person, episode)
			.sections()
			.stream()
			.filter((s) -> s.section().id().equals(section))
			.findFirst()
			.orElseThrow();
	}

}
