package care.seamless.assessment;

import care.seamless.assessment.AnswerRepository.AnswerRow;
import care.seamless.assessment.AssessmentRepository.EpisodeRow;
import care.seamless.assessment.AnswerRepository.NewAnswer;
import care.seamless.assessment.AssessmentRepository.SectionRow;
import care.seamless.assessment.AssessmentRuleViolation.Rule;
import care.seamless.assessment.instrument.AnswerResult;
import care.seamless.assessment.instrument.AnswerValidator;
import care.seamless.assessment.instrument.Question;
import care.seamless.assessment.instrument.Section;
import care.seamless.consent.AccessPolicy;
import care.seamless.shared.Actor;
import care.seamless.shared.Profession;
import care.seamless.team.Directory;
import care.seamless.team.Practitioner;
import care.seamless.terminology.IcfQualifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Completing a section: what the form offers (answers so far, and what is already known
 * for the rest) and how a save turns into stored answers with their provenance.
 */
@Component
class SectionSaving {

	private final AssessmentRepository repository;

	private final AnswerRepository answers;

	private final AccessPolicy accessPolicy;

	private final Directory directory;

	private final Provenance provenance;

	private final Clock clock;

	private final int defaultStaleAfterDays;

	SectionSaving(AssessmentRepository repository, AnswerRepository answers, AccessPolicy accessPolicy,
			Directory directory, Provenance provenance, Clock clock,
			@Value("${seamless.assessment.stale-after-days:365}") int defaultStaleAfterDays) {
		this.repository = repository;
		this.answers = answers;
		this.accessPolicy = accessPolicy;
		this.directory = directory;
		this.provenance = provenance;
		this.clock = clock;
		this.defaultStaleAfterDays = defaultStaleAfterDays;
	}

	SectionForm form(Actor actor, EpisodeRow episodeRow, SectionRow row) {
		Provenance.Names names = provenance.names();
		Section section = provenance.section(row);
		AnswerRepository.Sight sight = AnswerRepository.Sight.of(accessPolicy, actor);
		Map<String, Answer> visibleAnswers = this.answers.sectionAnswers(row.id(), sight)
			.stream()
			.map(names::answer)
			.collect(Collectors.toMap(Answer::questionId, Function.identity(), (a, b) -> b, LinkedHashMap::new));
		Map<String, Prefill> prefills = new LinkedHashMap<>();
		for (Map.Entry<String, AnswerRow> known : known(actor, row, section, visibleAnswers.keySet()).entrySet()) {
			Question question = section.questions()
				.stream()
				.filter((q) -> q.id().equals(known.getKey()))
				.findFirst()
				.orElseThrow();
			long age = Duration.between(known.getValue().recordedAt(), clock.instant()).toDays();
			int staleAfter = Objects.requireNonNullElse(question.staleAfterDays(), defaultStaleAfterDays);
			prefills.put(question.id(), new Prefill(names.answer(known.getValue()), age, age > staleAfter));
		}
		Episode episode = names.episode(episodeRow);
		boolean withheld = this.answers.anyWithheld(row.id(), sight.answer());
		String whyNot = whyNotEditable(actor, episode, row, section);
		boolean mayBeNotRelevant = whyNot == null && "not-started".equals(row.status())
				&& CompletionRules.mayBeNotRelevant(row, section);
		Map<UUID, List<OwnWordsCorrection>> corrections = this.answers
			.corrections(row.episodeId(),
					accessPolicy.visibleItems(actor, "c.person_id", "c.category", "c.organisation_id"))
			.stream()
			.map((c) -> new OwnWordsCorrection(c.id(), c.answerId(), c.words(),
					AnswerSource.fromCode(c.statedBy()).orElseThrow(), c.statedByName(), c.reason(), c.recordedByName(),
					names.organisation(c.organisationId()), c.recordedAt()))
			.collect(Collectors.groupingBy(OwnWordsCorrection::answerId));
		return new SectionForm(episode, names.section(row, withheld), visibleAnswers, prefills, whyNot,
				mayBeNotRelevant, corrections);
	}

	void save(Actor actor, Practitioner practitioner, EpisodeRow episode, SectionRow row, long version,
			@Nullable AnswerSource chosenSource, Map<String, String> raw) {
		Section section = provenance.section(row);
		String refusal = whyNotEditable(actor, provenance.names().episode(episode), row, section);
		if (refusal != null) {
			throw new AssessmentRuleViolation(refusalRule(row, section, practitioner.profession()), refusal);
		}
		// Only what the saver may see takes part: an answer withheld from them is neither
		// compared nor superseded, so a save can neither erase it nor reveal whether a
		// guess matches it. Their own answer then stands beside it.
		AnswerRepository.Sight sight = AnswerRepository.Sight.of(accessPolicy, actor);
		Map<String, List<AnswerRow>> current = answers.sectionAnswers(row.id(), sight)
			.stream()
			.collect(Collectors.groupingBy(AnswerRow::questionId, LinkedHashMap::new, Collectors.toList()));
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		if (chosenSource == null || (section.personsOwnWords() && !chosenSource.isPersonsView())) {
			errors.put("source", section.personsOwnWords() ? "Select whose words these are"
					: "Select whose account these answers are");
		}
		for (Question question : section.questions()) {
			AnswerRow existing = latest(current.get(question.id()));
			if (section.personsOwnWords() && existing != null) {
				String submitted = raw.get(question.id());
				if (submitted != null && !submitted.strip().equals(existing.value())) {
					throw new AssessmentRuleViolation(Rule.PERSONS_OWN_WORDS,
							"The person's own words are kept as they gave them and cannot be changed");
				}
				values.put(question.id(), existing.value());
				continue;
			}
			AnswerResult result = AnswerValidator.validate(question, raw.get(question.id()));
			if (result instanceof AnswerResult.Rejected rejected) {
				errors.put(question.id(), rejected.message());
			}
			else if (result instanceof AnswerResult.Accepted accepted) {
				values.put(question.id(), canonical(accepted.value()));
			}
		}
		if (!errors.isEmpty()) {
			throw new AnswersRejected(errors);
		}
		Instant now = clock.instant();
		if (!repository.touchSection(row.id(), version, practitioner.id().id(), practitioner.displayName(),
				practitioner.profession().name(), practitioner.organisationId().id(), now)) {
			throw new SectionChanged(form(actor, episode,
					repository.findSection(row.episodeId(), row.instrumentId(), row.sectionId()).orElseThrow()));
		}
		Map<String, AnswerRow> known = known(actor, row, section, current.keySet());
		for (Question question : section.questions()) {
			store(practitioner, row, question, current.getOrDefault(question.id(), List.of()),
					values.get(question.id()), known.get(question.id()), chosenSource, now, sight);
		}
	}

	/**
	 * Stores one question's answer. {@code visible} holds the current answers the saver
	 * may see, oldest first; the form showed the latest.
	 */
	private void store(Practitioner practitioner, SectionRow row, Question question, List<AnswerRow> visible,
			@Nullable String value, @Nullable AnswerRow known, AnswerSource chosenSource, Instant now,
			AnswerRepository.Sight sight) {
		AnswerRow existing = latest(visible);
		if (existing != null && existing.value().equals(value)) {
			return;
		}
		for (AnswerRow replaced : visible) {
			answers.supersede(replaced.id(), sight.answer());
		}
		if (value == null) {
			return;
		}
		boolean reused = known != null && known.value().equals(value) && !stale(question, known, now);
		UUID origin = reused ? Objects.requireNonNullElse(known.reusedFrom(), known.id()) : null;
		String source = reused ? known.source() : chosenSource.code();
		answers.insertAnswer(new NewAnswer(UUID.randomUUID(), row.id(), row.episodeId(), row.personId(), question.id(),
				question.reuseKey(), value, source, origin, practitioner.id().id(), practitioner.displayName(),
				practitioner.profession().name(), practitioner.organisationId().id(), now, row.category()));
	}

	private boolean stale(Question question, AnswerRow known, Instant now) {
		int staleAfter = Objects.requireNonNullElse(question.staleAfterDays(), defaultStaleAfterDays);
		return Duration.between(known.recordedAt(), now).toDays() > staleAfter;
	}

	private static @Nullable AnswerRow latest(@Nullable List<AnswerRow> answers) {
		return (answers == null || answers.isEmpty()) ? null : answers.get(answers.size() - 1);
	}

	/**
	 * The latest answer the viewer may see for each unanswered question with a reuse key.
	 */
	private Map<String, AnswerRow> known(Actor actor, SectionRow row, Section section,
			java.util.Collection<String> answered) {
		Map<String, String> questionByKey = section.questions()
			.stream()
			.filter((q) -> q.reuseKey() != null && !answered.contains(q.id()))
			.collect(Collectors.toMap(Question::reuseKey, Question::id, (a, b) -> a));
		return answers
			.latestByReuseKey(row.personId(), questionByKey.keySet(), row.id(),
					AnswerRepository.Sight.of(accessPolicy, actor))
			.stream()
			.collect(Collectors.toMap((answer) -> questionByKey.get(answer.reuseKey()), Function.identity()));
	}

	private @Nullable String whyNotEditable(Actor actor, Episode episode, SectionRow row, Section section) {
		if (episode.completed()) {
			return "This assessment is completed and no longer changes";
		}
		if ("signed".equals(row.status())) {
			return "This section was signed by " + row.authorName() + " and no longer changes";
		}
		if (actor.practitionerId() == null) {
			return "Only practitioners of a partner organisation contribute to assessments";
		}
		Profession profession = directory.practitioner(actor.practitionerId()).profession();
		if (!section.mayBeCompletedBy(profession)) {
			return "This section is completed by " + section.professions()
				.stream()
				.map((p) -> p.code().replace('-', ' '))
				.sorted()
				.collect(Collectors.joining(", ")) + "; your profession cannot complete it";
		}
		return null;
	}

	private static Rule refusalRule(SectionRow row, Section section, Profession profession) {
		if (!section.mayBeCompletedBy(profession) && !"signed".equals(row.status())) {
			return Rule.NOT_YOUR_PROFESSION;
		}
		return Rule.SIGNED;
	}

	static @Nullable String canonical(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof List<?> codes) {
			return codes.stream().map(Object::toString).collect(Collectors.joining(","));
		}
		if (value instanceof IcfQualifier qualifier) {
			return Integer.toString(qualifier.value());
		}
		return value.toString();
	}

}
