package care.seamless.assessment.web;

import care.seamless.assessment.AnswerSource;
import care.seamless.assessment.AnswersRejected;
import care.seamless.assessment.AssessmentRuleViolation;
import care.seamless.assessment.AssessmentSummaries;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.Summary;
import care.seamless.person.People;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import care.seamless.terminology.Audience;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assessment summary in the viewer's words, the person's plain-English copy, and
 * recording where the person disagrees.
 */
@PageController
class SummaryController {

	private final AssessmentSummaries summaries;

	private final Assessments assessments;

	private final People people;

	private final AnswerText answerText;

	SummaryController(AssessmentSummaries summaries, Assessments assessments, People people, AnswerText answerText) {
		this.summaries = summaries;
		this.assessments = assessments;
		this.people = people;
		this.answerText = answerText;
	}

	@GetMapping("/people/{personId}/assessments/{episodeId}/summary")
	String summary(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId, Model model) {
		return render(actor, personId, episodeId, answerText.audienceOf(actor), model, "assessment/summary");
	}

	/** The person's copy: plain English throughout, printable. */
	@GetMapping("/people/{personId}/assessments/{episodeId}/summary/plain")
	String plain(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId, Model model) {
		render(actor, personId, episodeId, Audience.PERSON, model, "assessment/plain-summary");
		model.addAttribute("summary", onceEach((Summary) model.getAttribute("summary")));
		return "assessment/plain-summary";
	}

	/**
	 * The person reads each question once: where two stages asked the same thing (the
	 * contact and the overview both ask what matters most), only the latest answer is
	 * shown, under the section that holds it.
	 */
	static Summary onceEach(Summary summary) {
		Map<String, Summary.Finding> latest = new java.util.HashMap<>();
		for (Summary.Part part : summary.sections()) {
			for (Summary.Finding finding : part.findings()) {
				latest.merge(finding.question().plainText(), finding,
						(a, b) -> b.answer().recordedAt().isAfter(a.answer().recordedAt()) ? b : a);
			}
		}
		List<Summary.Part> parts = summary.sections()
			.stream()
			.map((part) -> new Summary.Part(part.state(),
					part.findings()
						.stream()
						.filter((finding) -> latest.get(finding.question().plainText()) == finding)
						.toList()))
			.toList();
		return new Summary(summary.episode(), parts, summary.differingViews(), summary.withheldSections());
	}

	@PostMapping("/people/{personId}/assessments/{episodeId}/summary/shared")
	String shared(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId,
			@RequestParam long version, RedirectAttributes redirect) {
		try {
			assessments.markSummaryShared(actor, personId, episodeId, version);
		}
		catch (AssessmentRuleViolation ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/people/" + personId + "/assessments/" + episodeId + "/summary";
	}

	@GetMapping("/people/{personId}/assessments/{episodeId}/answers/{answerId}/disagreement")
	String disagreementForm(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId,
			@PathVariable UUID answerId, Model model) {
		return disagreement(actor, personId, episodeId, answerId, null, null, "", Map.of(), model);
	}

	@PostMapping("/people/{personId}/assessments/{episodeId}/answers/{answerId}/disagreement")
	String recordDisagreement(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId,
			@PathVariable UUID answerId, @RequestParam(required = false) @Nullable String statedBy,
			@RequestParam(defaultValue = "") String statedByName, @RequestParam(defaultValue = "") String words,
			Model model, HttpServletResponse response) {
		AnswerSource who = (statedBy != null) ? AnswerSource.fromCode(statedBy).orElse(AnswerSource.IMPORTED)
				: AnswerSource.IMPORTED;
		try {
			summaries.recordDisagreement(actor, personId, episodeId, answerId, who, statedByName, words);
		}
		catch (AnswersRejected ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return disagreement(actor, personId, episodeId, answerId, statedBy, statedByName, words, ex.errors(),
					model);
		}
		catch (AssessmentRuleViolation ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return disagreement(actor, personId, episodeId, answerId, statedBy, statedByName, words,
					Map.of("words", ex.getMessage()), model);
		}
		return "redirect:/people/" + personId + "/assessments/" + episodeId + "/summary#answer-" + answerId;
	}

	private String disagreement(Actor actor, PersonId personId, EpisodeId episodeId, UUID answerId,
			@Nullable String statedBy, @Nullable String statedByName, String words, Map<String, String> errors,
			Model model) {
		Summary summary = summaries.summary(actor, personId, episodeId);
		Summary.Finding finding = summary.sections()
			.stream()
			.flatMap((part) -> part.findings().stream())
			.filter((f) -> f.answer().id().equals(answerId))
			.findFirst()
			.orElseThrow(() -> new care.seamless.shared.NotFoundException("AssessmentAnswer", answerId));
		model.addAttribute("finding", finding);
		model.addAttribute("episode", summary.episode());
		model.addAttribute("person", people.summary(actor, personId).details());
		model.addAttribute("personId", personId);
		model.addAttribute("audience", answerText.audienceOf(actor));
		model.addAttribute("statedBy", statedBy);
		model.addAttribute("statedByName", statedByName);
		model.addAttribute("words", words);
		model.addAttribute("errors", errors);
		return "assessment/disagreement";
	}

	private String render(Actor actor, PersonId personId, EpisodeId episodeId, Audience audience, Model model,
			String view) {
		model.addAttribute("summary", summaries.summary(actor, personId, episodeId));
		model.addAttribute("person", people.summary(actor, personId).details());
		model.addAttribute("personId", personId);
		model.addAttribute("audience", audience);
		return view;
	}

}
