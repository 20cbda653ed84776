package care.seamless.assessment.web;

import care.seamless.assessment.Answer;
import care.seamless.assessment.AssessmentSummaries;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.Episode;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.Summary;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.terminology.Audience;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/people/{personId}/assessments")
@Tag(name = "Assessments", description = "The single shared assessment, read through the access policy")
class AssessmentRestController {

	private final Assessments assessments;

	private final AssessmentSummaries summaries;

	private final AnswerText answerText;

	AssessmentRestController(Assessments assessments, AssessmentSummaries summaries, AnswerText answerText) {
		this.assessments = assessments;
		this.summaries = summaries;
		this.answerText = answerText;
	}

	@GetMapping
	@Operation(summary = "The person's assessments, newest first",
			description = "Stage, status, who started each, and how many answers were already known (told us once) against newly asked.")
	List<Episode> episodes(Actor actor, @PathVariable PersonId personId) {
		return assessments.episodes(actor, personId);
	}

	@GetMapping("/{episodeId}/findings")
	@Operation(summary = "Every answer of one assessment that the caller may see, with provenance",
			description = "'value' is the stored form (concept codes for coded answers); 'display' is in the words of 'audience' (health, social-care or person; by default the caller's profession). Sections withheld from the caller are counted in withheldSections, never listed.")
	Findings findings(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId,
			@RequestParam(required = false) @Nullable Audience audience) {
		AssessmentSummaries.ForReader read = summaries.summaryForReader(actor, personId, episodeId);
		Audience words = (audience != null) ? audience : read.words();
		Summary summary = read.summary();
		List<Finding> findings = summary.sections()
			.stream()
			.flatMap((part) -> part.findings()
				.stream()
				.map((f) -> finding(part.state().instrument().id(), part.state().section().id(), f, words)))
			.toList();
		return new Findings(summary.episode(), findings, summary.withheldSections());
	}

	private Finding finding(String instrument, String section, Summary.Finding f, Audience audience) {
		Answer a = f.answer();
		return new Finding(instrument, section, f.question().id(), a.reuseKey(),
				answerText.question(f.question(), audience), a.value(),
				answerText.of(f.question(), a.value(), audience), a.source().code(), a.recordedByName(),
				a.organisationName(), a.recordedAt(),
				(a.reusedFrom() != null) ? a.reusedFrom().organisationName() : null,
				f.disagreements().stream().map(Summary.Disagreement::words).toList());
	}

	record Findings(Episode episode, List<Finding> findings, int withheldSections) {
	}

	record Finding(String instrument, String section, String question, @Nullable String reuseKey, String asked,
			String value, String display, String source, String recordedBy, String organisation, Instant recordedAt,
			@Nullable String firstRecordedBy, List<String> disagreements) {
	}

}
