package care.seamless.assessment;

import care.seamless.assessment.AnswerRepository.AnswerRow;
import care.seamless.assessment.AssessmentRepository.SectionRow;
import care.seamless.assessment.AssessmentRuleViolation.Rule;
import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.team.Directory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's own words are kept as they gave them: no professional edits them (saving a
 * section refuses it), but the person may ask for a correction, which is recorded with
 * who asked, who recorded it, when and why, and shown beside the original.
 */
@Service
public class OwnWords {

	static final String CORRECTION = "OwnWordsCorrection";

	static final int MAX_WORDS = 5000;

	private final Assessments assessments;

	private final AssessmentRepository repository;

	private final AnswerRepository answers;

	private final AccessPolicy accessPolicy;

	private final Provenance provenance;

	private final AuditLog auditLog;

	private final Directory directory;

	private final Clock clock;

	OwnWords(Assessments assessments, AssessmentRepository repository, AnswerRepository answers,
			AccessPolicy accessPolicy, Provenance provenance, AuditLog auditLog, Directory directory, Clock clock) {
		this.assessments = assessments;
		this.repository = repository;
		this.answers = answers;
		this.accessPolicy = accessPolicy;
		this.provenance = provenance;
		this.auditLog = auditLog;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Records a correction the person asked for to an answer in their own words; the
	 * original stays as it was.
	 * @throws AnswersRejected naming each field that is missing or unusable; nothing
	 * saved
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID recordCorrection(Actor actor, PersonId person, EpisodeId id, UUID answerId,
			@Nullable AnswerSource statedBy, @Nullable String statedByName, @Nullable String words,
			@Nullable String reason) {
		assessments.episodeRow(actor, person, id);
		AnswerRow answer = answers.findAnswer(answerId, AnswerRepository.Sight.of(accessPolicy, actor))
			.filter((a) -> a.episodeId().equals(id.id()))
			.orElseThrow(() -> new NotFoundException("AssessmentAnswer", answerId));
		accessPolicy.check(actor, person, DataCategory.valueOf(answer.category()), "record-correction", CORRECTION);
		SectionRow section = repository.sections(id.id())
			.stream()
			.filter((s) -> s.id().equals(answer.sectionRowId()))
			.findFirst()
			.orElseThrow();
		if (!provenance.section(section).personsOwnWords()) {
			throw new AssessmentRuleViolation(Rule.NOT_A_FINDING,
					"Only the person's own words are corrected this way; a professional finding is changed by saving its section");
		}
		if (actor.practitionerId() == null || actor.organisationId() == null) {
			throw new AssessmentRuleViolation(Rule.PRACTITIONERS_ONLY,
					"Only practitioners of a partner organisation record corrections");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (statedBy == null || !statedBy.isPersonsView()) {
			errors.put("statedBy", "Select who asked for the correction");
		}
		String newWords = clean(words, MAX_WORDS, "words", "Enter the words as they want them to read", errors);
		String why = clean(reason, Assessments.MAX_REASON, "reason", "Say why they asked for the correction", errors);
		String name = (statedByName == null || statedByName.isBlank()) ? null : statedByName.strip();
		if (name != null && (name.length() > 200 || name.indexOf('\0') >= 0)) {
			errors.put("statedByName", "Enter a name of up to 200 characters");
		}
		if (!errors.isEmpty()) {
			throw new AnswersRejected(errors);
		}
		UUID correction = UUID.randomUUID();
		answers.insertCorrection(correction, id.id(), person, answerId, newWords, statedBy.code(), name, why,
				directory.practitioner(actor.practitionerId()).displayName(), actor.organisationId().id(),
				clock.instant(), answer.category());
		auditLog.record(AuditEvent.permitted(actor, "create", CORRECTION, correction, person));
		return correction;
	}

	private static String clean(@Nullable String text, int max, String field, String missing,
			Map<String, String> errors) {
		String value = (text == null) ? "" : text.strip();
		if (value.isEmpty()) {
			errors.put(field, missing);
		}
		else if (value.length() > max || value.indexOf('\0') >= 0) {
			errors.put(field, "Write it in plain text, up to " + max + " characters");
		}
		return value;
	}

}
