package care.seamless.assessment;

import care.seamless.assessment.instrument.Question;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an assessment found, section by section, with every view kept: where the person
 * and a practitioner see something differently, both are shown, never averaged.
 *
 * @param differingViews questions answered differently by different sources
 * @param withheldSections sections the viewer may not see, so the summary does not look
 * complete when it is not
 */
public record Summary(Episode episode, List<Part> sections, List<DifferingView> differingViews, int withheldSections) {

	/** One section and its answers. */
	public record Part(SectionState state, List<Finding> findings) {
	}

	/** One answer, with any disagreement recorded against it. */
	public record Finding(Question question, Answer answer, List<Disagreement> disagreements) {
	}

	/** The same question answered differently, with each source's answer. */
	public record DifferingView(Question question, List<Finding> views) {
	}

	/** The person's (or their carer's or advocate's) disagreement, in their words. */
	public record Disagreement(UUID id, AnswerSource statedBy, @Nullable String statedByName, String words,
			String recordedByName, String organisationName, Instant recordedAt) {
	}

	/** A need found by an assessment, as a concept code of the common language. */
	public record AssessedNeed(String code, EpisodeId episode, Instant recordedAt, String organisationName) {
	}

}
