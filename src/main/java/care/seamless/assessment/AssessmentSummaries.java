package care.seamless.assessment;

import care.seamless.assessment.AnswerRepository.AnswerRow;
import care.seamless.assessment.AssessmentRepository.EpisodeRow;
import care.seamless.assessment.AssessmentRepository.SectionRow;
import care.seamless.assessment.AssessmentRuleViolation.Rule;
import care.seamless.assessment.instrument.AnswerType;
import care.seamless.assessment.instrument.Question;
import care.seamless.assessment.instrument.Section;
import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Profession;
import care.seamless.team.Directory;
import care.seamless.terminology.Audience;
import care.seamless.terminology.CareActOutcome;
import care.seamless.terminology.Concept;
import care.seamless.terminology.ConceptKind;
import care.seamless.terminology.IcfQualifier;
import care.seamless.terminology.Terminology;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What assessments found: the episode summary with differing views and disagreements side
 * by side, and the needs and outcomes that care plans build on.
 */
@Service
public class AssessmentSummaries {

	private static final Set<ConceptKind> NEED_KINDS = Set.of(ConceptKind.NEED, ConceptKind.RISK);

	private static final Pattern ICF_IN_WORDING = Pattern.compile("\\(([bdes][0-9]{3,5})\\)");

	private static final List<String> WHAT_MATTERS_KEYS = List.of("person.what-matters-most", "person.hoped-outcomes");

	private final AssessmentRepository repository;

	private final AnswerRepository answers;

	private final Assessments assessments;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Provenance provenance;

	private final Terminology terminology;

	private final Clock clock;

	private final Directory directory;

	AssessmentSummaries(AssessmentRepository repository, AnswerRepository answers, Assessments assessments,
			AccessPolicy accessPolicy, AuditLog auditLog, Provenance provenance, Terminology terminology, Clock clock,
			Directory directory) {
		this.directory = directory;
		this.repository = repository;
		this.answers = answers;
		this.assessments = assessments;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.provenance = provenance;
		this.terminology = terminology;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public Summary summary(Actor actor, PersonId person, EpisodeId id) {
		return summary(actor, person, id, provenance.names(), null);
	}

	/**
	 * The summary and the words of the reader's profession, their directory entry read
	 * with the organisations the summary names instead of in a statement of its own.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public ForReader summaryForReader(Actor actor, PersonId person, EpisodeId id) {
		Provenance.Names names = provenance.names();
		Summary summary = summary(actor, person, id, names, actor.practitionerId());
		if (actor.practitionerId() == null) {
			return new ForReader(summary, Audience.forReader(null));
		}
		// Not found with the names only if the directory lost the reader meanwhile: then
		// as before, the directory's own read says so.
		Profession profession = (names.reader() != null) ? names.reader().profession() : directory.professionOf(actor);
		return new ForReader(summary, Audience.forReader(profession));
	}

	/** A summary with the words its reader's profession uses. */
	public record ForReader(Summary summary, Audience words) {
	}

	/**
	 * The summary read with the statements it was read with before ADR 95 (the episode
	 * with its counts, the answers in section order, each section's answers looked up for
	 * its flag): the reference the tests compare {@link #summary} with.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	Summary summaryAsBefore(Actor actor, PersonId person, EpisodeId id) {
		return summary(actor, person, id, provenance.names(), null, true);
	}

	private Summary summary(Actor actor, PersonId person, EpisodeId id, Provenance.Names names,
			@Nullable PractitionerId reader) {
		return summary(actor, person, id, names, reader, false);
	}

	private Summary summary(Actor actor, PersonId person, EpisodeId id, Provenance.Names names,
			@Nullable PractitionerId reader, boolean asBefore) {
		// The episode and the record decision in one statement, audited as check() audits
		// opening the record (ADR 84), refusals included. Its counts of answers reused
		// and asked are those of the answers read below (ADR 95): the same answers, under
		// the same condition, so they are counted from them instead of read again.
		AssessmentRepository.Opened opened = asBefore ? assessments.openEpisode(actor, person, id)
				: assessments.openEpisodeUncounted(actor, person, id);
		accessPolicy.auditRecordRead(actor, person, "read-summary", Assessments.EPISODE, opened.decision());
		AnswerRepository.Sight visible = AnswerRepository.Sight.of(accessPolicy, actor);
		List<AnswerRepository.DisagreementRow> disagreementRows = answers.disagreements(id.id(), visible(actor, "d"));
		// Withheld answers never leave the database: the visible ones are read, and of
		// the rest only which sections they are in.
		List<AnswerRow> answerRows;
		List<AssessmentRepository.SectionSight> sectionRows;
		if (asBefore) {
			answerRows = answers.episodeAnswers(id.id(), visible);
			sectionRows = repository.sectionsAnswerByAnswer(id.id(), visible.answer());
		}
		else {
			// Each section with whether any of its answers is withheld: the flags come
			// with the answers, from the rule decided once for both (ADR 106).
			AnswerRepository.SummaryRead read = answers.summaryRead(id.id(), visible);
			answerRows = read.answers();
			sectionRows = repository.sections(id.id())
				.stream()
				.map((s) -> new AssessmentRepository.SectionSight(s, read.withheldSections().contains(s.id())))
				.toList();
		}
		EpisodeRow row = asBefore ? opened.row() : counted(opened.row(), answerRows);
		// Every organisation the summary names, in one read.
		List<UUID> organisations = new ArrayList<>();
		organisations.add(row.openedByOrg());
		sectionRows.forEach((s) -> organisations.add(s.row().authorOrg()));
		answerRows.forEach((a) -> {
			organisations.add(a.organisationId());
			organisations.add(a.originOrg());
		});
		disagreementRows.forEach((d) -> organisations.add(d.organisationId()));
		names.prefetch(organisations, reader);
		Map<UUID, List<Summary.Disagreement>> disagreements = disagreementRows.stream()
			.collect(
					Collectors.groupingBy(AnswerRepository.DisagreementRow::answerId,
							Collectors.mapping((d) -> new Summary.Disagreement(d.id(),
									AnswerSource.fromCode(d.statedBy()).orElseThrow(), d.statedByName(), d.words(),
									d.recordedByName(), names.organisation(d.organisationId()), d.recordedAt()),
									Collectors.toList())));
		Map<UUID, List<AnswerRow>> bySection = answerRows.stream()
			.collect(Collectors.groupingBy(AnswerRow::sectionRowId, LinkedHashMap::new, Collectors.toList()));
		int withheld = 0;
		List<Summary.Part> parts = new ArrayList<>();
		for (AssessmentRepository.SectionSight sight : sectionRows) {
			SectionRow section = sight.row();
			withheld += sight.withheld() ? 1 : 0;
			Section definition = provenance.section(section);
			List<Summary.Finding> findings = bySection.getOrDefault(section.id(), List.of())
				.stream()
				.map((answer) -> new Summary.Finding(question(definition, answer.questionId()), names.answer(answer),
						disagreements.getOrDefault(answer.id(), List.of())))
				.toList();
			parts.add(new Summary.Part(names.section(section, sight.withheld()), findings));
		}
		return new Summary(names.episode(row), parts, differingViews(parts), withheld);
	}

	/**
	 * The episode with the counts {@code AssessmentRepository.findEpisode} gives: the
	 * current answers the reader may see, carried over from an earlier one or newly
	 * asked.
	 */
	private static EpisodeRow counted(EpisodeRow row, List<AnswerRow> visibleAnswers) {
		int reused = 0;
		for (AnswerRow answer : visibleAnswers) {
			reused += (answer.reusedFrom() != null) ? 1 : 0;
		}
		return row.withCounts(reused, visibleAnswers.size() - reused);
	}

	/**
	 * Records where the person, a carer or an advocate disagrees with a professional
	 * finding, in their own words.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID recordDisagreement(Actor actor, PersonId person, EpisodeId id, UUID answerId, AnswerSource statedBy,
			@Nullable String statedByName, String words) {
		assessments.episodeRow(actor, person, id);
		AnswerRow answer = answers.findAnswer(answerId, AnswerRepository.Sight.of(accessPolicy, actor))
			.filter((a) -> a.episodeId().equals(id.id()))
			.orElseThrow(() -> new NotFoundException("AssessmentAnswer", answerId));
		accessPolicy.check(actor, person, DataCategory.valueOf(answer.category()), "record-disagreement",
				Assessments.EPISODE);
		if (AnswerSource.fromCode(answer.source()).orElseThrow().isPersonsView()) {
			throw new AssessmentRuleViolation(Rule.NOT_A_FINDING,
					"This answer is the person's own account; record disagreement with a professional finding");
		}
		if (!statedBy.isPersonsView()) {
			throw new AnswersRejected(Map.of("statedBy", "Select who disagrees"));
		}
		if (words.isBlank()) {
			throw new AnswersRejected(Map.of("words", "Enter what they said, in their own words"));
		}
		if (actor.organisationId() == null) {
			throw new AssessmentRuleViolation(Rule.PRACTITIONERS_ONLY,
					"Only practitioners of a partner organisation record disagreements");
		}
		UUID disagreement = UUID.randomUUID();
		answers.insertDisagreement(disagreement, id.id(), person, answerId, statedBy.code(),
				(statedByName == null || statedByName.isBlank()) ? null : statedByName.strip(), words.strip(),
				recorderName(actor), actor.organisationId().id(), clock.instant(), answer.category());
		auditLog.record(AuditEvent.permitted(actor, "create", "AssessmentDisagreement", disagreement, person));
		return disagreement;
	}

	/**
	 * Needs and risks found by any assessment the viewer may see, newest first, once
	 * each.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Summary.AssessedNeed> assessedNeeds(Actor actor, PersonId person) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, "read-needs", Assessments.EPISODE);
		Provenance.Names names = provenance.names();
		Map<String, Summary.AssessedNeed> needs = new LinkedHashMap<>();
		Map<UUID, Section> sections = new java.util.HashMap<>();
		for (AnswerRow answer : answers.personAnswers(person, AnswerRepository.Sight.of(accessPolicy, actor))) {
			Section section = sections.computeIfAbsent(answer.sectionRowId(),
					(row) -> provenance.section(repository.section(row)));
			for (String code : needCodes(question(section, answer.questionId()), answer.value())) {
				boolean need = terminology.find(code).map((c) -> NEED_KINDS.contains(c.kind())).orElse(false);
				if (need) {
					needs.putIfAbsent(code, new Summary.AssessedNeed(code, new EpisodeId(answer.episodeId()),
							answer.recordedAt(), names.organisation(answer.organisationId())));
				}
			}
		}
		return List.copyOf(needs.values());
	}

	/**
	 * The Care Act outcomes that the needs found by one assessment bear on, as the common
	 * language maps them: a starting point for an eligibility decision, never the
	 * decision.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public Set<CareActOutcome> outcomesAffected(Actor actor, PersonId person, EpisodeId id) {
		Set<CareActOutcome> outcomes = EnumSet.noneOf(CareActOutcome.class);
		outcomeFindings(actor, person, id).forEach((finding) -> outcomes.add(finding.outcome()));
		return outcomes;
	}

	/**
	 * Each finding of one assessment that bears on a Care Act outcome, with where it came
	 * from: a need or risk chosen from the common language, or a severe or complete
	 * difficulty on an ICF scale (the scale's question names its ICF category, such as
	 * "Washing oneself (d510)"). Only answers the viewer may see take part.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<OutcomeFinding> outcomeFindings(Actor actor, PersonId person, EpisodeId id) {
		assessments.episodeRow(actor, person, id);
		accessPolicy.check(actor, person, DataCategory.GENERAL, "read-needs", Assessments.EPISODE);
		Provenance.Names names = provenance.names();
		Map<UUID, SectionRow> sections = new LinkedHashMap<>();
		repository.sections(id.id()).forEach((section) -> sections.put(section.id(), section));
		List<OutcomeFinding> findings = new ArrayList<>();
		for (AnswerRow answer : answers.episodeAnswers(id.id(), AnswerRepository.Sight.of(accessPolicy, actor))) {
			Section section = provenance.section(sections.get(answer.sectionRowId()));
			Question question = question(section, answer.questionId());
			for (String code : needCodes(question, answer.value())) {
				terminology.find(code).map(Concept::careActOutcome).ifPresent((outcome) -> {
					String words = (question.type() == AnswerType.SCALE_ICF)
							? IcfQualifier.fromValue(Integer.parseInt(answer.value())).orElseThrow().label()
							: terminology.display(code, Audience.SOCIAL_CARE);
					findings.add(new OutcomeFinding(outcome, section.title(), question.text(), words,
							answer.recordedByName(), names.organisation(answer.organisationId()), answer.recordedAt()));
				});
			}
		}
		return findings;
	}

	/**
	 * The concept codes an answer finds as needs: chosen needs and risks, or the ICF
	 * category of a scale rated severe or complete.
	 */
	private List<String> needCodes(Question question, String value) {
		if (question.type() == AnswerType.SCALE_ICF) {
			Matcher icf = ICF_IN_WORDING.matcher(question.text());
			boolean severe = IcfQualifier.fromValue(Integer.parseInt(value))
				.map((q) -> q == IcfQualifier.SEVERE || q == IcfQualifier.COMPLETE)
				.orElse(false);
			return (severe && icf.find()) ? List.of(icf.group(1)) : List.of();
		}
		if (question.type() != AnswerType.CODED && question.type() != AnswerType.CODED_MULTIPLE) {
			return List.of();
		}
		return java.util.Arrays.stream(value.split(","))
			.filter((code) -> terminology.find(code).map((c) -> NEED_KINDS.contains(c.kind())).orElse(false))
			.toList();
	}

	/** What matters to the person and the outcomes they hope for, in their own words. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Answer> whatMattersToThem(Actor actor, PersonId person) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, "read-outcomes", Assessments.EPISODE);
		Provenance.Names names = provenance.names();
		Map<String, AnswerRow> latest = new LinkedHashMap<>();
		for (AnswerRow answer : answers.personAnswers(person, AnswerRepository.Sight.of(accessPolicy, actor))) {
			if (answer.reuseKey() != null && WHAT_MATTERS_KEYS.contains(answer.reuseKey())) {
				latest.putIfAbsent(answer.reuseKey(), answer);
			}
		}
		return latest.values().stream().map(names::answer).toList();
	}

	private String recorderName(Actor actor) {
		return (actor.practitionerId() != null) ? directory.practitioner(actor.practitionerId()).displayName()
				: actor.username();
	}

	private SqlCondition visible(Actor actor, String alias) {
		return accessPolicy.visibleItems(actor, alias + ".person_id", alias + ".category", alias + ".organisation_id");
	}

	private static Question question(Section section, String questionId) {
		return section.questions()
			.stream()
			.filter((q) -> q.id().equals(questionId))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No question " + questionId + " in " + section.id()));
	}

	/**
	 * Answers to the same question (by reuse key) that differ between sources. Only
	 * differences between sources count: one practitioner correcting an answer is
	 * history, not a difference of view.
	 */
	static List<Summary.DifferingView> differingViews(List<Summary.Part> parts) {
		Map<String, List<Summary.Finding>> byKey = parts.stream()
			.flatMap((part) -> part.findings().stream())
			.filter((finding) -> finding.question().reuseKey() != null)
			.collect(Collectors.groupingBy((finding) -> Objects.requireNonNull(finding.question().reuseKey()),
					LinkedHashMap::new, Collectors.toList()));
		List<Summary.DifferingView> views = new ArrayList<>();
		for (List<Summary.Finding> findings : byKey.values()) {
			long values = findings.stream().map((f) -> f.answer().value()).distinct().count();
			long sources = findings.stream().map((f) -> f.answer().source()).distinct().count();
			if (values > 1 && sources > 1) {
				views.add(new Summary.DifferingView(findings.get(0).question(), findings));
			}
		}
		return views;
	}

}
