package care.seamless.assessment;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.instrument.Stage;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.ChoiceChange;
import care.seamless.consent.Choices;
import care.seamless.consent.HowAsked;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.shared.DataCategory;
import care.seamless.shared.KeptStatements;
import care.seamless.shared.NotFoundException;
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
 * A mental health answer recorded by the NHS trust, without the person's consent to share
 * it with the council: a council social worker completing the same section can neither
 * erase it, nor overwrite it, nor learn anything about it from how a save responds.
 */
@SeamlessTest
class WithheldAnswersTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessments assessments;

	@Autowired
	AssessmentSummaries summaries;

	@Autowired
	Choices choices;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	care.seamless.audit.AuditLog auditLog;

	@Autowired
	care.seamless.team.Directory directory;

	@Autowired
	AnswerRepository answerRepository;

	@Autowired
	AssessmentRepository assessmentRepository;

	@Autowired
	care.seamless.consent.AccessPolicy accessPolicy;

	Fixtures.Staff nurse;

	Fixtures.Staff socialWorker;

	@BeforeEach
	void partnership() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		// Sensitive categories are covered by the agreement: only consent is missing.
		fixtures.agreement(Set.of(trust, council), DataCategory.GENERAL, DataCategory.MENTAL_HEALTH);
	}

	@Test
	void savingASectionLeavesAnAnswerTheSaverCannotSeeIntact() {
		PersonId person = person();
		EpisodeId episode = nurseRecordsLowMood(person, "true");
		assertThat(assessments.section(socialWorker.actor(), person, episode, "sap-contact", "screen-mind").answers())
			.doesNotContainKey("low-mood");

		// The withheld answer shows as an empty field; saving the form as shown sends
		// nothing for it.
		save(socialWorker, person, episode, Map.of("memory-concern", "false"));

		assertThat(nursesLowMood(person, episode)).isEqualTo("true");
		assertThat(currentAnswersBy(nurse, episode)).isEqualTo(1);
	}

	@Test
	void aSaveRespondsTheSameWhetherAGuessMatchesAWithheldAnswerOrNot() {
		PersonId right = person();
		PersonId wrong = person();
		EpisodeId rightEpisode = nurseRecordsLowMood(right, "true");
		EpisodeId wrongEpisode = nurseRecordsLowMood(wrong, "true");

		save(socialWorker, right, rightEpisode, Map.of("low-mood", "true"));
		save(socialWorker, wrong, wrongEpisode, Map.of("low-mood", "false"));

		// Either way the social worker sees their own answer and the same notice.
		SectionForm afterRight = assessments.section(socialWorker.actor(), right, rightEpisode, "sap-contact",
				"screen-mind");
		SectionForm afterWrong = assessments.section(socialWorker.actor(), wrong, wrongEpisode, "sap-contact",
				"screen-mind");
		assertThat(afterRight.answers().get("low-mood").value()).isEqualTo("true");
		assertThat(afterWrong.answers().get("low-mood").value()).isEqualTo("false");
		assertThat(afterRight.answers().get("low-mood").profession()).isEqualTo(Profession.SOCIAL_WORKER);
		assertThat(afterWrong.answers().get("low-mood").profession()).isEqualTo(Profession.SOCIAL_WORKER);
		assertThat(afterRight.state().withheld()).isTrue().isEqualTo(afterWrong.state().withheld());
		assertThat(afterRight.state().version()).isEqualTo(afterWrong.state().version());
		// And the nurse's answer stands in both.
		assertThat(nursesLowMood(right, rightEpisode)).isEqualTo("true");
		assertThat(nursesLowMood(wrong, wrongEpisode)).isEqualTo("true");
	}

	@Test
	void answerCountsCoverOnlyWhatTheViewerMaySee() {
		PersonId person = person();
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.CONTACT);
		assessments.saveSection(nurse.actor(), person, episode, "sap-contact", "screen-mind",
				version(person, episode, "screen-mind"), AnswerSource.PERSON,
				Map.of("low-mood", "true", "memory-concern", "true"));
		assessments.saveSection(nurse.actor(), person, episode, "sap-contact", "screen-personal-care",
				version(person, episode, "screen-personal-care"), AnswerSource.PERSON, Map.of("washing", "2"));

		assertThat(assessments.episode(nurse.actor(), person, episode).episode().newlyAsked()).isEqualTo(3);
		assertThat(assessments.episode(socialWorker.actor(), person, episode).episode().newlyAsked()).isEqualTo(1);
		assertThat(assessments.episodes(socialWorker.actor(), person)).singleElement()
			.satisfies((e) -> assertThat(e.newlyAsked()).isEqualTo(1));
	}

	@Test
	void whereAnAnswerWasFirstGivenIsShownOnlyToThoseWhoMaySeeThatAnswer() {
		PersonId person = person();
		nurseRecordsLowMood(person, "true");
		UUID consent = choices.record(socialWorker.actor(), person,
				new NewChoice(ChoiceKind.CONSENT, socialWorker.organisationId(), DataCategory.MENTAL_HEALTH,
						HowGiven.VERBAL, LocalDate.now(), null, null));
		EpisodeId overview = assessments.open(socialWorker.actor(), person, Stage.OVERVIEW);
		assessments.saveSection(socialWorker.actor(), person, overview, "sap-overview", "mental-health",
				version(person, overview, "mental-health"), AnswerSource.OBSERVATION, Map.of("low-mood", "true"));
		Answer reused = assessments.section(socialWorker.actor(), person, overview, "sap-overview", "mental-health")
			.answers()
			.get("low-mood");
		assertThat(reused.reusedFrom()).isNotNull();

		// The person withdraws their consent: the council's own answer stays theirs, the
		// trust's answer it carried over is withheld, and so is who gave it.
		choices.withdraw(socialWorker.actor(), person, consent, 0,
				ChoiceChange.byThePerson(HowAsked.IN_PERSON, "The person changed their mind"));

		Answer after = assessments.section(socialWorker.actor(), person, overview, "sap-overview", "mental-health")
			.answers()
			.get("low-mood");
		assertThat(after.value()).isEqualTo("true");
		assertThat(after.reusedFrom()).isNull();
		assertThat(assessments.section(nurse.actor(), person, overview, "sap-overview", "mental-health")
			.answers()
			.get("low-mood")).isNull();
	}

	@Test
	void aDisagreementCannotBeRecordedAgainstAnAnswerTheRecorderCannotSee() {
		PersonId person = person();
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.CONTACT);
		assessments.saveSection(nurse.actor(), person, episode, "sap-contact", "screen-mind",
				version(person, episode, "screen-mind"), AnswerSource.OBSERVATION, Map.of("low-mood", "true"));
		UUID withheld = jdbc.sql("select id from assessment.answer where episode_id = :episode and current")
			.param("episode", episode.id())
			.query(UUID.class)
			.single();

		assertThatThrownBy(() -> summaries.recordDisagreement(socialWorker.actor(), person, episode, withheld,
				AnswerSource.PERSON, null, "I am not low"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> summaries.recordDisagreement(socialWorker.actor(), person, episode, UUID.randomUUID(),
				AnswerSource.PERSON, null, "I am not low"))
			.isInstanceOf(NotFoundException.class);
		assertThat(jdbc.sql("select count(*) from assessment.disagreement where episode_id = :episode")
			.param("episode", episode.id())
			.query(Integer.class)
			.single()).isZero();
	}

	/**
	 * The findings' reader reads their profession with the summary's organisation names
	 * now: the summary is the same as the summary on its own, the words are those of the
	 * reader's profession as the directory gives them, each read is audited once, and
	 * someone outside the care team is refused before anything is read, the refusal
	 * audited.
	 */
	@Test
	void theFindingsReaderIsReadWithTheSummaryAndTheReadIsAuditedAsBefore() {
		PersonId person = person();
		EpisodeId episode = nurseRecordsLowMood(person, "true");
		save(socialWorker, person, episode, Map.of("low-mood", "false"));

		for (Fixtures.Staff reader : List.of(nurse, socialWorker)) {
			long before = summaryReads(person, reader, "PERMITTED");
			AssessmentSummaries.ForReader read = summaries.summaryForReader(reader.actor(), person, episode);
			assertThat(summaryReads(person, reader, "PERMITTED")).isEqualTo(before + 1);
			assertAuditedAsCheckWould(person, reader);
			assertThat(read.summary()).isEqualTo(summaries.summary(reader.actor(), person, episode));
			assertThat(read.words())
				.isEqualTo(care.seamless.terminology.Audience.forReader(directory.professionOf(reader.actor())));
		}
		assertThat(summaries.summaryForReader(nurse.actor(), person, episode).words())
			.isNotEqualTo(summaries.summaryForReader(socialWorker.actor(), person, episode).words());
		assertThat(summaries.summaryForReader(socialWorker.actor(), person, episode).summary().withheldSections())
			.isEqualTo(summaries.summary(socialWorker.actor(), person, episode).withheldSections());

		// The summary's reads run kept statements (ADR 78): each answers as the named
		// statement built afresh, for a reader who sees everything and one from whom the
		// nurse's answer, and so its section's flag, is withheld.
		UUID councilsAnswer = jdbc
			.sql("select id from assessment.answer where episode_id = :episode and current and organisation_id = :org")
			.param("episode", episode.id())
			.param("org", socialWorker.organisationId().id())
			.query(UUID.class)
			.single();
		UUID disagreement = summaries.recordDisagreement(socialWorker.actor(), person, episode, councilsAnswer,
				AnswerSource.PERSON, null, "I am not low");
		for (Fixtures.Staff reader : List.of(nurse, socialWorker, nurse, socialWorker)) {
			AnswerRepository.Sight sight = AnswerRepository.Sight.of(accessPolicy, reader.actor());
			care.seamless.consent.SqlCondition seen = accessPolicy.visibleItems(reader.actor(), "d.person_id",
					"d.category", "d.organisation_id");
			assertThat(answerRepository.episodeAnswers(episode.id(), sight))
				.isEqualTo(answerRepository.episodeAnswers(episode.id(), sight, KeptStatements.none()));
			assertThat(answerRepository.disagreements(episode.id(), seen))
				.isEqualTo(answerRepository.disagreements(episode.id(), seen, KeptStatements.none()));
			assertThat(assessmentRepository.sections(episode.id(), sight.answer()))
				.isEqualTo(assessmentRepository.sections(episode.id(), sight.answer(), KeptStatements.none()));
			assertThat(assessmentRepository.findEpisode(episode.id(), sight.answer())).isPresent()
				.isEqualTo(assessmentRepository.findEpisode(episode.id(), sight.answer(), KeptStatements.none()));
		}
		// The condition decided once per distinct person, category, holder and section
		// (ADR 84) answers as it did evaluated for every answer: a reader who sees
		// everything, one from whom an answer (and its section's flag and the counts) is
		// withheld, and one who may see none of it.
		Fixtures.Staff stranger = fixtures.practitioner(
				fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE), Profession.SOCIAL_WORKER);
		for (Fixtures.Staff reader : List.of(nurse, socialWorker, stranger)) {
			AnswerRepository.Sight sight = AnswerRepository.Sight.of(accessPolicy, reader.actor());
			assertThat(answerRepository.episodeAnswers(episode.id(), sight))
				.isEqualTo(answerRepository.episodeAnswersAnswerByAnswer(episode.id(), sight));
			assertThat(assessmentRepository.sections(episode.id(), sight.answer()))
				.isEqualTo(assessmentRepository.sectionsAnswerByAnswer(episode.id(), sight.answer()));
			assertThat(assessmentRepository.findEpisode(episode.id(), sight.answer())).isPresent()
				.isEqualTo(assessmentRepository.findEpisodeAnswerByAnswer(episode.id(), sight.answer()));
		}
		AnswerRepository.Sight strangers = AnswerRepository.Sight.of(accessPolicy, stranger.actor());
		assertThat(answerRepository.episodeAnswers(episode.id(), strangers)).isEmpty();
		assertThat(assessmentRepository.sections(episode.id(), strangers.answer()))
			.anySatisfy((s) -> assertThat(s.withheld()).isTrue());
		assertThat(assessmentRepository.findEpisode(episode.id(), strangers.answer()).orElseThrow())
			.satisfies((e) -> assertThat(e.reused() + e.asked()).isZero());
		for (Fixtures.Staff reader : List.of(nurse, socialWorker)) {
			AssessmentRepository.EpisodeRow counted = assessmentRepository
				.findEpisode(episode.id(), answersSeenBy(reader))
				.orElseThrow();
			assertThat(counted.reused() + counted.asked()).isEqualTo(answerRepository
				.episodeAnswers(episode.id(), AnswerRepository.Sight.of(accessPolicy, reader.actor()))
				.size());
		}
		AnswerRepository.Sight councils = AnswerRepository.Sight.of(accessPolicy, socialWorker.actor());
		assertThat(answerRepository.episodeAnswers(episode.id(), councils)).extracting(AnswerRepository.AnswerRow::id)
			.containsExactly(councilsAnswer);
		assertThat(assessmentRepository.sections(episode.id(), councils.answer()))
			.anySatisfy((s) -> assertThat(s.withheld()).isTrue());
		assertThat(answerRepository.disagreements(episode.id(),
				accessPolicy.visibleItems(socialWorker.actor(), "d.person_id", "d.category", "d.organisation_id")))
			.extracting(AnswerRepository.DisagreementRow::id)
			.containsExactly(disagreement);
		assertThat(
				answerRepository.episodeAnswers(episode.id(), AnswerRepository.Sight.of(accessPolicy, nurse.actor())))
			.extracting(AnswerRepository.AnswerRow::id)
			.isNotEmpty()
			.doesNotContain(councilsAnswer);

		Fixtures.Staff outsider = fixtures.practitioner(
				fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE), Profession.SOCIAL_WORKER);
		assertThatThrownBy(() -> summaries.summaryForReader(outsider.actor(), person, episode))
			.isInstanceOf(care.seamless.consent.AccessDenied.class);
		assertThat(summaryReads(person, outsider, "DENIED")).isEqualTo(1);
		assertAuditedAsCheckWould(person, outsider);
		assertThat(summaryReads(person, outsider, "PERMITTED")).isZero();
	}

	/**
	 * ADR 95: the summary counts the answers it reads instead of reading the episode's
	 * counts, reads its answers without the sections' join and takes each section's flag
	 * from the keys it decided once. For a reader from whom answers and a section are
	 * withheld, one who sees everything and one who is refused, it answers and audits as
	 * the statements it was read with before: the same summary (episode and counts,
	 * sections and flags, findings with their origins and disagreements, differing
	 * views), and the same audit entry.
	 */
	@Test
	void theSummaryReadsAndAuditsAsItsFormerStatementsDid() {
		PersonId person = person();
		EpisodeId contact = nurseRecordsLowMood(person, "true");
		assessments.saveSection(nurse.actor(), person, contact, "sap-contact", "screen-personal-care",
				version(person, contact, "screen-personal-care"), AnswerSource.PERSON,
				Map.of("washing", "2", "dressing", "1"));
		save(socialWorker, person, contact, Map.of("memory-concern", "true", "low-mood", "false"));
		UUID councilsAnswer = jdbc.sql("""
				select id from assessment.answer
				where episode_id = :episode and current and organisation_id = :org and question_id = 'low-mood'
				""")
			.param("episode", contact.id())
			.param("org", socialWorker.organisationId().id())
			.query(UUID.class)
			.single();
		summaries.recordDisagreement(socialWorker.actor(), person, contact, councilsAnswer, AnswerSource.PERSON, null,
				"I am not low");
		// A later episode carries the nurse's answer over: the reused count.
		EpisodeId overview = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		assessments.saveSection(nurse.actor(), person, overview, "sap-overview", "mental-health",
				version(person, overview, "mental-health"), AnswerSource.OBSERVATION, Map.of("low-mood", "true"));
		assessments.saveSection(nurse.actor(), person, overview, "sap-overview", "personal-care",
				version(person, overview, "personal-care"), AnswerSource.OBSERVATION, Map.of("washing", "3"));

		Summary councilsContact = summaries.summary(socialWorker.actor(), person, contact);
		assertThat(councilsContact.withheldSections()).isEqualTo(1);
		assertThat(councilsContact.episode().reusedAnswers() + councilsContact.episode().newlyAsked()).isEqualTo(4);
		assertThat(councilsContact.sections()
			.stream()
			.flatMap((part) -> part.findings().stream())
			.flatMap((finding) -> finding.disagreements().stream())).hasSize(1);
		Summary nursesOverview = summaries.summary(nurse.actor(), person, overview);
		assertThat(nursesOverview.episode().reusedAnswers()).isPositive();
		assertThat(nursesOverview.withheldSections()).isZero();
		assertThat(summaries.summary(socialWorker.actor(), person, overview).withheldSections()).isEqualTo(1);
		assertSameAsBefore(person, contact, overview, nurse, socialWorker);
		// ADR 106: an episode of which the reader sees no answer still names its
		// withheld section, though the answers read returns no answer row.
		PersonId second = person();
		EpisodeId onlyWithheld = nurseRecordsLowMood(second, "true");
		Summary nothingSeen = summaries.summary(socialWorker.actor(), second, onlyWithheld);
		assertThat(nothingSeen.withheldSections()).isEqualTo(1);
		assertThat(nothingSeen.sections().stream().flatMap((part) -> part.findings().stream())).isEmpty();
		assertSameAsBefore(second, onlyWithheld, onlyWithheld, socialWorker);
		// ADR 113: a colleague of the nurse outside the care team with a grant naming
		// one section only: the rule with no section does not hold for any holder, so
		// each key is decided with its section, and only that section's answers of the
		// nurse are seen.
		Fixtures.Staff colleague = fixtures.practitioner(nurse.organisationId(), Profession.DISTRICT_NURSE);
		UUID mind = jdbc
			.sql("select id from assessment.section where episode_id = :episode and section_id = 'screen-mind'")
			.param("episode", contact.id())
			.query(UUID.class)
			.single();
		jdbc.sql("""
				insert into consent.access_grant (id, person_id, team_id, category, source, expires_at, created_at,
					item_type, item_id, reaches_items)
				values (:id, :person, :team, 'MENTAL_HEALTH', 'REFERRAL', now() + interval '1 day', now(),
					'ASSESSMENT_SECTION', :item, false)
				""")
			.param("id", UUID.randomUUID())
			.param("person", person.id())
			.param("team", colleague.teamId().id())
			.param("item", mind)
			.update();
		Summary granted = summaries.summary(colleague.actor(), person, contact);
		assertThat(granted.sections()
			.stream()
			.filter((part) -> !part.findings().isEmpty())
			.map((part) -> part.state().section().id())).containsExactly("screen-mind");
		assertThat(granted.sections().stream().flatMap((part) -> part.findings().stream()))
			.allMatch((finding) -> finding.answer()
				.organisationName()
				.equals(summaries.summary(nurse.actor(), person, contact).episode().openedByOrganisation()));
		assertSameAsBefore(person, contact, overview, colleague);

		// With the person's consent the council sees the trust's answers too: a reader
		// who
		// sees everything.
		choices.record(socialWorker.actor(), person, new NewChoice(ChoiceKind.CONSENT, socialWorker.organisationId(),
				DataCategory.MENTAL_HEALTH, HowGiven.VERBAL, LocalDate.now(), null, null));
		assertThat(summaries.summary(socialWorker.actor(), person, contact).withheldSections()).isZero();
		assertThat(summaries.summary(socialWorker.actor(), person, overview).withheldSections()).isZero();
		assertSameAsBefore(person, contact, overview, socialWorker);

		// Refused: no summary either way, and the same refusal audited.
		Fixtures.Staff outsider = fixtures.practitioner(
				fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE), Profession.SOCIAL_WORKER);
		for (EpisodeId episode : List.of(contact, overview)) {
			assertThatThrownBy(() -> summaries.summary(outsider.actor(), person, episode))
				.isInstanceOf(care.seamless.consent.AccessDenied.class);
			care.seamless.audit.AuditEntry after = latestSummaryRead(person, outsider);
			assertAuditedAsCheckWould(person, outsider);
			assertThatThrownBy(() -> summaries.summaryAsBefore(outsider.actor(), person, episode))
				.isInstanceOf(care.seamless.consent.AccessDenied.class);
			assertSameEntry(after, latestSummaryRead(person, outsider));
		}
		assertThat(summaryReads(person, outsider, "DENIED")).isEqualTo(4);
		assertThat(summaryReads(person, outsider, "PERMITTED")).isZero();
		// An episode asked for under someone else is still not found, and not audited.
		PersonId other = person();
		assertThatThrownBy(() -> summaries.summary(nurse.actor(), other, contact))
			.isInstanceOf(NotFoundException.class);
		assertThat(auditLog.historyOf(other, 500)).noneMatch((e) -> e.action().equals("read-summary"));
	}

	/**
	 * ADR 113: where the rule with no section holds for a person, category and holder,
	 * its look-ups are made once for them, not once per section: a care team member
	 * reading an episode of three general sections of one holder probes the care team
	 * once.
	 */
	@Test
	void theSummaryDecidesTheRuleOncePerHolderWhereItHoldsForEverySection() {
		PersonId person = person();
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.CONTACT);
		assessments.saveSection(nurse.actor(), person, episode, "sap-contact", "screen-personal-care",
				version(person, episode, "screen-personal-care"), AnswerSource.PERSON, Map.of("washing", "2"));
		assessments.saveSection(nurse.actor(), person, episode, "sap-contact", "screen-senses",
				version(person, episode, "screen-senses"), AnswerSource.PERSON, Map.of("sight", "1"));
		assessments.saveSection(nurse.actor(), person, episode, "sap-contact", "screen-prevention",
				version(person, episode, "screen-prevention"), AnswerSource.PERSON, Map.of("weight-loss", "false"));
		AnswerRepository.Sight sight = AnswerRepository.Sight.of(accessPolicy, nurse.actor());
		Map<String, Object> params = sight.params();
		params.put("episode", episode.id());
		String plan = jdbc.sql("explain (analyze, format json) " + AnswerRepository.summaryReadSql(sight))
			.params(params)
			.query(String.class)
			.single();
		java.util.regex.Matcher probe = java.util.regex.Pattern
			.compile("\"Relation Name\": \"care_team_member\"[^{}]*?\"Actual Loops\": (\\d+)")
			.matcher(plan);
		int probes = 0;
		while (probe.find()) {
			probes += Integer.parseInt(probe.group(1));
		}
		assertThat(probes).isEqualTo(1);
		assertThat(answerRepository.summaryRead(episode.id(), sight).answers()).hasSize(3);
		assertThat(answerRepository.summaryRead(episode.id(), sight).withheldSections()).isEmpty();
	}

	private void assertSameAsBefore(PersonId person, EpisodeId contact, EpisodeId overview, Fixtures.Staff... readers) {
		for (Fixtures.Staff reader : readers) {
			for (EpisodeId episode : List.of(contact, overview)) {
				Summary now = summaries.summary(reader.actor(), person, episode);
				care.seamless.audit.AuditEntry entry = latestSummaryRead(person, reader);
				assertAuditedAsCheckWould(person, reader);
				assertThat(now).isEqualTo(summaries.summaryAsBefore(reader.actor(), person, episode));
				assertSameEntry(entry, latestSummaryRead(person, reader));
				assertThat(summaries.summaryForReader(reader.actor(), person, episode).summary()).isEqualTo(now);
				// The answers without the sections' join: section by section the same
				// rows
				// in the same order, kept or built afresh.
				AnswerRepository.Sight sight = AnswerRepository.Sight.of(accessPolicy, reader.actor());
				assertThat(bySection(answerRepository.summaryAnswers(episode.id(), sight)))
					.isEqualTo(bySection(answerRepository.episodeAnswers(episode.id(), sight)))
					.isEqualTo(bySection(answerRepository.summaryAnswers(episode.id(), sight, KeptStatements.none())));
				// ADR 106: the sections flagged withheld come with the answers, the
				// rule decided once for both; they are those the reference flags
				// answer by answer.
				Set<UUID> flagged = assessmentRepository.sectionsAnswerByAnswer(episode.id(), sight.answer())
					.stream()
					.filter(AssessmentRepository.SectionSight::withheld)
					.map((s) -> s.row().id())
					.collect(java.util.stream.Collectors.toSet());
				assertThat(answerRepository.summaryRead(episode.id(), sight).withheldSections()).isEqualTo(flagged)
					.isEqualTo(answerRepository.summaryRead(episode.id(), sight, KeptStatements.none())
						.withheldSections());
				// ADR 113: the rule decided per holder where it holds, per key where
				// not, sees the answers the rule evaluated answer by answer sees.
				assertThat(bySection(answerRepository.summaryRead(episode.id(), sight).answers()))
					.isEqualTo(bySection(answerRepository.episodeAnswersAnswerByAnswer(episode.id(), sight)));
			}
		}
	}

	private static Map<UUID, List<AnswerRepository.AnswerRow>> bySection(List<AnswerRepository.AnswerRow> rows) {
		return rows.stream()
			.collect(java.util.stream.Collectors.groupingBy(AnswerRepository.AnswerRow::sectionRowId,
					java.util.stream.Collectors.toList()));
	}

	private care.seamless.audit.AuditEntry latestSummaryRead(PersonId person, Fixtures.Staff reader) {
		return auditLog.historyOf(person, 500)
			.stream()
			.filter((e) -> e.account().equals(reader.username()) && e.action().equals("read-summary"))
			.max(Comparator.comparingLong(care.seamless.audit.AuditEntry::id))
			.orElseThrow();
	}

	/** The same entry but for its id, time and place in the chain. */
	private static void assertSameEntry(care.seamless.audit.AuditEntry before, care.seamless.audit.AuditEntry after) {
		assertThat(after.id()).isGreaterThan(before.id());
		assertThat(after).usingRecursiveComparison()
			.ignoringFields("id", "seq", "occurredAt", "prevHash", "hash")
			.isEqualTo(before);
	}

	private care.seamless.consent.SqlCondition answersSeenBy(Fixtures.Staff reader) {
		return AnswerRepository.Sight.of(accessPolicy, reader.actor()).answer();
	}

	/**
	 * The summary's latest entry for the reader is the one the access policy's own
	 * decision about opening the record writes (ADR 84 takes it in the episode's
	 * statement).
	 */
	private void assertAuditedAsCheckWould(PersonId person, Fixtures.Staff reader) {
		care.seamless.consent.AccessDecision decision = accessPolicy.decide(reader.actor(),
				care.seamless.consent.AccessRequest.toOpen(person, "read-summary", Assessments.EPISODE));
		care.seamless.audit.AuditEntry entry = auditLog.historyOf(person, 500)
			.stream()
			.filter((e) -> e.account().equals(reader.username()) && e.action().equals("read-summary"))
			.max(Comparator.comparingLong(care.seamless.audit.AuditEntry::id))
			.orElseThrow();
		assertThat(entry.outcome()).isEqualTo(decision.permitted() ? "PERMITTED" : "DENIED");
		assertThat(entry.reason()).isEqualTo(decision.policy() + ": " + decision.reason());
		assertThat(entry.recordType()).isEqualTo(Assessments.EPISODE);
		assertThat(entry.recordId()).isEqualTo(person.id().toString());
		assertThat(entry.override()).isEqualTo(decision.override());
	}

	private long summaryReads(PersonId person, Fixtures.Staff reader, String outcome) {
		return auditLog.historyOf(person, 500)
			.stream()
			.filter((e) -> e.account().equals(reader.username()) && e.action().equals("read-summary")
					&& e.outcome().equals(outcome))
			.count();
	}

	private PersonId person() {
		PersonId person = fixtures.person(Fixtures.unique("Withheld"), nurse);
		fixtures.addToCareTeam(person, socialWorker);
		return person;
	}

	private EpisodeId nurseRecordsLowMood(PersonId person, String value) {
		EpisodeId episode = assessments.open(nurse.actor(), person, Stage.CONTACT);
		assessments.saveSection(nurse.actor(), person, episode, "sap-contact", "screen-mind",
				version(person, episode, "screen-mind"), AnswerSource.PERSON, Map.of("low-mood", value));
		return episode;
	}

	private void save(Fixtures.Staff who, PersonId person, EpisodeId episode, Map<String, String> answers) {
		assessments.saveSection(who.actor(), person, episode, "sap-contact", "screen-mind",
				version(person, episode, "screen-mind"), AnswerSource.OBSERVATION, answers);
	}

	private String nursesLowMood(PersonId person, EpisodeId episode) {
		Answer answer = assessments.section(nurse.actor(), person, episode, "sap-contact", "screen-mind")
			.answers()
			.get("low-mood");
		assertThat(answer).isNotNull();
		assertThat(answer.profession()).isEqualTo(Profession.DISTRICT_NURSE);
		return answer.value();
	}

	private int currentAnswersBy(Fixtures.Staff who, EpisodeId episode) {
		return jdbc
			.sql("select count(*) from assessment.answer where episode_id = :episode and current and recorded_by = :by")
			.param("episode", episode.id())
			.param("by", who.practitionerId().id())
			.query(Integer.class)
			.single();
	}

	private long version(PersonId person, EpisodeId episode, String section) {
		return assessments.episode(nurse.actor(), person, episode)
			.sections()
			.stream()
			.filter((s) -> s.section().id().equals(section))
			.findFirst()
			.orElseThrow()
			.version();
	}

}
