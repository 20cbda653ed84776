package care.seamless.assessment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.AssessmentRuleViolation.Rule;
import care.seamless.assessment.instrument.Stage;
import care.seamless.consent.AccessDenied;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One shared assessment across agencies: provenance, tell us once, the person's own
 * words, profession rules, section sign-off and section-level locking.
 */
@SeamlessTest
class AssessmentsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessments assessments;

	@Autowired
	AssessmentSummaries summaries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	Fixtures.Staff nurse;

	Fixtures.Staff socialWorker;

	Fixtures.Staff outsider;

	PersonId person;

	@BeforeEach
	void partnership() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		outsider = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		fixtures.agreement(Set.of(trust, council), DataCategory.GENERAL, DataCategory.SAFEGUARDING);
		person = fixtures.person(Fixtures.unique("Assessed"), nurse);
		fixtures.addToCareTeam(person, socialWorker);
	}

	@Test
	void answersKeepWhoGaveThemAndForWhichOrganisation() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		save(nurse, episode, "sap-overview", "personal-care", AnswerSource.PERSON, Map.of("washing", "2"));

		SectionForm form = assessments.section(socialWorker.actor(), person, episode, "sap-overview", "personal-care");

		Answer washing = form.answers().get("washing");
		assertThat(washing.value()).isEqualTo("2");
		assertThat(washing.source()).isEqualTo(AnswerSource.PERSON);
		assertThat(washing.profession()).isEqualTo(Profession.DISTRICT_NURSE);
		assertThat(washing.organisationName()).startsWith("Test organisation");
		assertThat(washing.reusedFrom()).isNull();
		assertThat(form.state().authorName()).isNotBlank();
		assertThat(form.state().status()).isEqualTo(SectionStatus.IN_PROGRESS);
	}

	@Test
	void aNewAssessmentOffersWhatIsAlreadyKnownAndCountsItAsReused() {
		EpisodeId contact = assessments.open(nurse.actor(), person, Stage.CONTACT);
		save(nurse, contact, "sap-contact", "screen-personal-care", AnswerSource.PERSON,
				Map.of("washing", "3", "dressing", "1"));

		EpisodeId overview = assessments.open(socialWorker.actor(), person, Stage.OVERVIEW);
		SectionForm form = assessments.section(socialWorker.actor(), person, overview, "sap-overview", "personal-care");
		assertThat(form.prefills()).containsOnlyKeys("washing", "dressing");
		assertThat(form.prefills().get("washing").known().value()).isEqualTo("3");
		assertThat(form.prefills().get("washing").stale()).isFalse();

		// Washing confirmed as known; dressing has changed since, so is asked again.
		save(socialWorker, overview, "sap-overview", "personal-care", AnswerSource.OBSERVATION,
				Map.of("washing", "3", "dressing", "2", "pain", "1"));

		SectionForm saved = assessments.section(nurse.actor(), person, overview, "sap-overview", "personal-care");
		assertThat(saved.answers().get("washing").reusedFrom()).isNotNull();
		assertThat(saved.answers().get("washing").source()).isEqualTo(AnswerSource.PERSON);
		assertThat(saved.answers().get("washing").reusedFrom().organisationName()).isEqualTo(organisationOf(nurse));
		assertThat(saved.answers().get("washing").organisationName()).isEqualTo(organisationOf(socialWorker));
		assertThat(saved.answers().get("dressing").reusedFrom()).isNull();
		Episode counted = assessments.episode(nurse.actor(), person, overview).episode();
		assertThat(counted.reusedAnswers()).isEqualTo(1);
		assertThat(counted.newlyAsked()).isEqualTo(2);
	}

	@Test
	void anOldAnswerIsFlaggedToBeCheckedAgainNotReused() {
		EpisodeId contact = assessments.open(nurse.actor(), person, Stage.CONTACT);
		save(nurse, contact, "sap-contact", "screen-personal-care", AnswerSource.PERSON, Map.of("washing", "3"));
		jdbc.sql("update assessment.answer set recorded_at = :at where episode_id = :episode")
			.param("at", java.sql.Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS)))
			.param("episode", contact.id())
			.update();

		EpisodeId overview = assessments.open(socialWorker.actor(), person, Stage.OVERVIEW);
		Prefill washing = assessments.section(socialWorker.actor(), person, overview, "sap-overview", "personal-care")
			.prefills()
			.get("washing");
		assertThat(washing.stale()).isTrue();
		assertThat(washing.ageInDays()).isGreaterThanOrEqualTo(400);

		save(socialWorker, overview, "sap-overview", "personal-care", AnswerSource.PERSON, Map.of("washing", "3"));
		assertThat(assessments.episode(nurse.actor(), person, overview).episode().reusedAnswers()).isZero();
	}

	@Test
	void thePersonsOwnWordsCannotBeChangedByAPractitioner() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		save(nurse, episode, "sap-overview", "users-perspective", AnswerSource.PERSON,
				Map.of("own-words", "I want to stay in my own home."));

		assertThatThrownBy(() -> save(socialWorker, episode, "sap-overview", "users-perspective", AnswerSource.PERSON,
				Map.of("own-words", "Wants residential care.")))
			.isInstanceOfSatisfying(AssessmentRuleViolation.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.PERSONS_OWN_WORDS));
		// Adding to the rest of the section leaves the words as they were.
		save(socialWorker, episode, "sap-overview", "users-perspective", AnswerSource.PERSON,
				Map.of("strengths", "Good with people"));

		SectionForm form = assessments.section(nurse.actor(), person, episode, "sap-overview", "users-perspective");
		assertThat(form.answers().get("own-words").value()).isEqualTo("I want to stay in my own home.");
		assertThat(form.locked("own-words")).isTrue();
		assertThat(form.answers().get("strengths").value()).isEqualTo("Good with people");
	}

	@Test
	void theOwnWordsSectionOnlyTakesThePersonsCarersOrAdvocatesAccount() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);

		assertThatThrownBy(() -> save(nurse, episode, "sap-overview", "users-perspective", AnswerSource.OBSERVATION,
				Map.of("own-words", "Seems low.")))
			.isInstanceOfSatisfying(AnswersRejected.class,
					(ex) -> assertThat(ex.errors()).containsEntry("source", "Select whose words these are"));
	}

	@Test
	void wrongTypesUnknownCodesAndMissingRequiredAnswersAreFieldErrorsAndNothingIsSaved() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);

		assertThatThrownBy(() -> save(nurse, episode, "sap-overview", "clinical-background", AnswerSource.PERSON,
				Map.of("falls-count", "several", "conditions", "NOT-A-CODE", "medicines-count", "2")))
			.isInstanceOfSatisfying(AnswersRejected.class,
					(ex) -> assertThat(ex.errors()).containsEntry("falls-count", "Enter a whole number, like 3")
						.containsEntry("conditions", "Select one of the options ('NOT-A-CODE' is not one of them)"));
		assertThatThrownBy(() -> save(nurse, episode, "sap-overview", "safety", AnswerSource.OBSERVATION, Map.of()))
			.isInstanceOfSatisfying(AnswersRejected.class,
					(ex) -> assertThat(ex.errors()).containsEntry("safeguarding-concern", "Select yes or no"));

		SectionForm form = assessments.section(nurse.actor(), person, episode, "sap-overview", "clinical-background");
		assertThat(form.answers()).isEmpty();
		assertThat(form.state().status()).isEqualTo(SectionStatus.NOT_STARTED);
	}

	@Test
	void aSectionIsCompletedOnlyByTheProfessionsItNames() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);

		assertThatThrownBy(() -> save(nurse, episode, "sap-overview", "money", AnswerSource.PERSON,
				Map.of("money-worries", "yes")))
			.isInstanceOfSatisfying(AssessmentRuleViolation.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.NOT_YOUR_PROFESSION));
		assertThat(assessments.section(nurse.actor(), person, episode, "sap-overview", "money").whyNotEditable())
			.contains("social worker");
		save(socialWorker, episode, "sap-overview", "money", AnswerSource.PERSON, Map.of("money-worries", "yes"));
	}

	@Test
	void twoPractitionersSavingTheSameSectionDoNotOverwriteEachOther() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		long opened = version(episode, "senses");
		assessments.saveSection(nurse.actor(), person, episode, "sap-overview", "senses", opened, AnswerSource.PERSON,
				Map.of("sight", "1"));

		assertThatThrownBy(() -> assessments.saveSection(socialWorker.actor(), person, episode, "sap-overview",
				"senses", opened, AnswerSource.PERSON, Map.of("sight", "4")))
			.isInstanceOfSatisfying(SectionChanged.class,
					(ex) -> assertThat(ex.current().answers().get("sight").value()).isEqualTo("1"));
		// Another section of the same episode is not blocked.
		save(socialWorker, episode, "sap-overview", "home", AnswerSource.PERSON, Map.of("home-suitable", "yes"));
		assertThat(assessments.section(nurse.actor(), person, episode, "sap-overview", "senses")
			.answers()
			.get("sight")
			.value()).isEqualTo("1");
	}

	@Test
	void sectionsAreSignedByTheirAuthorsAndThenNoLongerChange() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		save(nurse, episode, "sap-overview", "senses", AnswerSource.PERSON, Map.of("sight", "1"));

		assertThatThrownBy(() -> assessments.signSection(socialWorker.actor(), person, episode, "sap-overview",
				"senses", version(episode, "senses")))
			.isInstanceOfSatisfying(AssessmentRuleViolation.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.NOT_THE_AUTHOR));
		assessments.signSection(nurse.actor(), person, episode, "sap-overview", "senses", version(episode, "senses"));

		assertThatThrownBy(
				() -> save(nurse, episode, "sap-overview", "senses", AnswerSource.PERSON, Map.of("sight", "2")))
			.isInstanceOfSatisfying(AssessmentRuleViolation.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.SIGNED));
		SectionForm form = assessments.section(socialWorker.actor(), person, episode, "sap-overview", "senses");
		assertThat(form.state().signed()).isTrue();
		assertThat(form.editable()).isFalse();
	}

	@Test
	void anAssessmentIsCompletedOnlyWhenEverySectionStartedIsSigned() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.CONTACT);
		save(nurse, episode, "sap-contact", "screen-senses", AnswerSource.PERSON, Map.of("sight", "1"));
		save(nurse, episode, "sap-contact", "screen-home", AnswerSource.PERSON, Map.of("home-tasks", ""));

		assertThatThrownBy(() -> assessments.complete(nurse.actor(), person, episode, episodeVersion(episode), true))
			.isInstanceOfSatisfying(AssessmentRuleViolation.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.UNSIGNED_SECTIONS));
		assessments.signSection(nurse.actor(), person, episode, "sap-contact", "screen-senses",
				version(episode, "screen-senses"));
		assessments.signSection(nurse.actor(), person, episode, "sap-contact", "screen-home",
				version(episode, "screen-home"));
		assessments.complete(nurse.actor(), person, episode, episodeVersion(episode), true);

		assertThat(assessments.episode(nurse.actor(), person, episode).episode().completed()).isTrue();
	}

	@Test
	void stagesMoveOnOneAtATimeAndAComprehensiveAssessmentNeedsTwoSpecialists() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.CONTACT);
		assertThatThrownBy(() -> assessments.advance(nurse.actor(), person, episode, episodeVersion(episode),
				Stage.SPECIALIST, "ot-home-assessment"))
			.isInstanceOfSatisfying(AssessmentRuleViolation.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.STAGE_ORDER));

		assessments.advance(nurse.actor(), person, episode, episodeVersion(episode), Stage.OVERVIEW, null);
		assessments.advance(nurse.actor(), person, episode, episodeVersion(episode), Stage.SPECIALIST,
				"falls-nursing-assessment");
		assertThatThrownBy(() -> assessments.advance(nurse.actor(), person, episode, episodeVersion(episode),
				Stage.COMPREHENSIVE, null))
			.isInstanceOfSatisfying(AssessmentRuleViolation.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.STAGE_ORDER));
		assessments.addSpecialist(socialWorker.actor(), person, episode, "ot-home-assessment");
		assessments.advance(nurse.actor(), person, episode, episodeVersion(episode), Stage.COMPREHENSIVE, null);

		EpisodeView view = assessments.episode(nurse.actor(), person, episode);
		assertThat(view.episode().stage()).isEqualTo(Stage.COMPREHENSIVE);
		assertThat(view.sections().stream().map((s) -> s.instrument().id()).distinct()).containsExactly("sap-contact",
				"sap-overview", "falls-nursing-assessment", "ot-home-assessment");
	}

	@Test
	void differingViewsAndDisagreementsAreShownSideBySide() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.CONTACT);
		save(nurse, episode, "sap-contact", "screen-personal-care", AnswerSource.PERSON, Map.of("washing", "0"));
		assessments.advance(nurse.actor(), person, episode, episodeVersion(episode), Stage.OVERVIEW, null);
		save(socialWorker, episode, "sap-overview", "personal-care", AnswerSource.OBSERVATION, Map.of("washing", "3"));
		Answer finding = assessments.section(socialWorker.actor(), person, episode, "sap-overview", "personal-care")
			.answers()
			.get("washing");
		summaries.recordDisagreement(socialWorker.actor(), person, episode, finding.id(), AnswerSource.PERSON, null,
				"I manage my own wash, I just take my time.");

		Summary summary = summaries.summary(nurse.actor(), person, episode);

		assertThat(summary.differingViews()).singleElement().satisfies((view) -> {
			assertThat(view.question().reuseKey()).isEqualTo("selfcare.washing");
			assertThat(view.views()).extracting((f) -> f.answer().source(), (f) -> f.answer().value())
				.containsExactly(org.assertj.core.groups.Tuple.tuple(AnswerSource.PERSON, "0"),
						org.assertj.core.groups.Tuple.tuple(AnswerSource.OBSERVATION, "3"));
		});
		assertThat(summary.sections()
			.stream()
			.flatMap((part) -> part.findings().stream())
			.flatMap((f) -> f.disagreements().stream())
			.map(Summary.Disagreement::words)).containsExactly("I manage my own wash, I just take my time.");
		Answer ownAccount = assessments.section(nurse.actor(), person, episode, "sap-contact", "screen-personal-care")
			.answers()
			.get("washing");
		assertThatThrownBy(() -> summaries.recordDisagreement(nurse.actor(), person, episode, ownAccount.id(),
				AnswerSource.PERSON, null, "No"))
			.isInstanceOfSatisfying(AssessmentRuleViolation.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.NOT_A_FINDING));
	}

	@Test
	void assessedNeedsAndWhatMattersAreThereForPlansToBuildOn() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		save(nurse, episode, "sap-overview", "users-perspective", AnswerSource.PERSON,
				Map.of("own-words", "I keep falling.", "what-matters", "Seeing my grandchildren"));
		String homeTask = "d640";
		save(socialWorker, episode, "sap-overview", "home", AnswerSource.OBSERVATION, Map.of("home-tasks", homeTask));

		assertThat(summaries.whatMattersToThem(socialWorker.actor(), person)).extracting(Answer::value)
			.containsExactly("Seeing my grandchildren");
		assertThat(summaries.assessedNeeds(socialWorker.actor(), person)).extracting(Summary.AssessedNeed::code)
			.contains(homeTask);
	}

	@Test
	void someoneOutsideTheCareTeamSeesNothing() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);

		assertThatThrownBy(() -> assessments.episode(outsider.actor(), person, episode))
			.isInstanceOf(AccessDenied.class);
		assertThatThrownBy(() -> assessments.open(outsider.actor(), person, Stage.OVERVIEW))
			.isInstanceOf(AccessDenied.class);
	}

	@Test
	void answersInACategoryThatNeedsConsentAreWithheldFromAnotherOrganisation() {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.CONTACT);
		save(nurse, episode, "sap-contact", "screen-mind", AnswerSource.PERSON, Map.of("low-mood", "yes"));

		EpisodeView view = assessments.episode(socialWorker.actor(), person, episode);
		assertThat(view.sections()).filteredOn((s) -> s.section().id().equals("screen-mind"))
			.singleElement()
			.satisfies((s) -> assertThat(s.withheld()).isTrue());
		assertThat(summaries.summary(socialWorker.actor(), person, episode)
			.sections()
			.stream()
			.flatMap((p) -> p.findings().stream())
			.map((f) -> f.question().id())).doesNotContain("low-mood");
		assertThat(summaries.summary(nurse.actor(), person, episode)
			.sections()
			.stream()
			.flatMap((p) -> p.findings().stream())
			.map((f) -> f.question().id())).contains("low-mood");
	}

	private void save(Fixtures.Staff who, EpisodeId episode, String instrument, String section, AnswerSource source,
			Map<String, String> answers) {
		assessments.saveSection(who.actor(), person, episode, instrument, section, version(episode, section), source,
				answers);
	}

	private long version(EpisodeId episode, String section) {
		return assessments.episode(nurse.actor(), person, episode)
			.sections()
			.stream()
			.filter((s) -> s.section().id().equals(section))
			.findFirst()
			.orElseThrow()
			.version();
	}

	private long episodeVersion(EpisodeId episode) {
		return assessments.episode(nurse.actor(), person, episode).episode().version();
	}

	private String organisationOf(Fixtures.Staff staff) {
		return directory.organisation(staff.organisationId()).name();
	}

}
