package care.seamless.assessment.web;

import care.seamless.assessment.AnswerSource;
import care.seamless.assessment.AnswersRejected;
import care.seamless.assessment.AssessmentRuleViolation;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.OwnWords;
import care.seamless.assessment.Prefill;
import care.seamless.assessment.SectionChanged;
import care.seamless.assessment.SectionForm;
import care.seamless.assessment.instrument.Question;
import care.seamless.person.People;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import jakarta.servlet.http.HttpServletResponse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Completing and signing one section of an assessment. Answers arrive as
 * {@code q.<question id>} fields; a coded question with several answers sends one field
 * per ticked box.
 */
@PageController
class SectionController {

	private static final String PREFIX = "q.";

	private final Assessments assessments;

	private final People people;

	private final AnswerText answerText;

	private final OwnWords ownWords;

	SectionController(Assessments assessments, People people, AnswerText answerText, OwnWords ownWords) {
		this.ownWords = ownWords;
		this.assessments = assessments;
		this.people = people;
		this.answerText = answerText;
	}

	@GetMapping("/people/{personId}/assessments/{episodeId}/sections/{instrumentId}/{sectionId}")
	String form(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId,
			@PathVariable String instrumentId, @PathVariable String sectionId, Model model) {
		SectionForm form = assessments.section(actor, personId, episodeId, instrumentId, sectionId);
		return render(actor, personId, form, Map.of(), savedSource(form), Map.of(), model);
	}

	/**
	 * Whose account the section's answers were, so saving it again keeps that choice
	 * rather than asking afresh: the source of the latest answer.
	 */
	private static @Nullable String savedSource(SectionForm form) {
		return form.answers()
			.values()
			.stream()
			.max(java.util.Comparator.comparing((answer) -> answer.recordedAt()))
			.map((answer) -> answer.source().code())
			.orElse(null);
	}

	@PostMapping("/people/{personId}/assessments/{episodeId}/sections/{instrumentId}/{sectionId}")
	String save(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId,
			@PathVariable String instrumentId, @PathVariable String sectionId, @RequestParam long version,
			@RequestParam(required = false) @Nullable String source, @RequestParam MultiValueMap<String, String> fields,
			Model model, HttpServletResponse response) {
		Map<String, String> raw = answers(fields);
		AnswerSource chosen = (source != null) ? AnswerSource.fromCode(source).orElse(null) : null;
		try {
			assessments.saveSection(actor, personId, episodeId, instrumentId, sectionId, version, chosen, raw);
		}
		catch (AnswersRejected ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			SectionForm form = assessments.section(actor, personId, episodeId, instrumentId, sectionId);
			return render(actor, personId, form, raw, source, ex.errors(), model);
		}
		catch (AssessmentRuleViolation ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			SectionForm form = assessments.section(actor, personId, episodeId, instrumentId, sectionId);
			return render(actor, personId, form, raw, source, Map.of("section", ex.getMessage()), model);
		}
		catch (SectionChanged ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("conflict", true);
			model.addAttribute("mine", raw);
			return render(actor, personId, ex.current(), raw, source, Map.of(), model);
		}
		return "redirect:/people/" + personId + "/assessments/" + episodeId + "/sections/" + instrumentId + "/"
				+ sectionId + "?saved";
	}

	@PostMapping("/people/{personId}/assessments/{episodeId}/sections/{instrumentId}/{sectionId}/not-relevant")
	String notRelevant(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId,
			@PathVariable String instrumentId, @PathVariable String sectionId, @RequestParam long version,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
		try {
			assessments.markNotRelevant(actor, personId, episodeId, instrumentId, sectionId, version, reason);
		}
		catch (AnswersRejected ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			SectionForm form = assessments.section(actor, personId, episodeId, instrumentId, sectionId);
			return render(actor, personId, form, Map.of(), null, ex.errors(), model);
		}
		catch (AssessmentRuleViolation ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			SectionForm form = assessments.section(actor, personId, episodeId, instrumentId, sectionId);
			return render(actor, personId, form, Map.of(), null, Map.of("section", ex.getMessage()), model);
		}
		catch (SectionChanged ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return render(actor, personId, ex.current(), Map.of(), null,
					Map.of("section", "Someone changed this section while you were looking at it; check it again"),
					model);
		}
		return "redirect:/people/" + personId + "/assessments/" + episodeId;
	}

	@PostMapping("/people/{personId}/assessments/{episodeId}/answers/{answerId}/corrections")
	String correct(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId,
			@PathVariable java.util.UUID answerId, @RequestParam(required = false) @Nullable String statedBy,
			@RequestParam(required = false) @Nullable String statedByName,
			@RequestParam(required = false) @Nullable String words,
			@RequestParam(required = false) @Nullable String reason, Model model, HttpServletResponse response) {
		AnswerSource who = (statedBy != null) ? AnswerSource.fromCode(statedBy).orElse(null) : null;
		SectionForm target = sectionOf(actor, personId, episodeId, answerId);
		try {
			ownWords.recordCorrection(actor, personId, episodeId, answerId, who, statedByName, words, reason);
		}
		catch (AnswersRejected ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(actor, personId, target, Map.of(), null,
					Map.of("section", String.join(". ", ex.errors().values())), model);
		}
		catch (AssessmentRuleViolation ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return render(actor, personId, target, Map.of(), null, Map.of("section", ex.getMessage()), model);
		}
		return "redirect:/people/" + personId + "/assessments/" + episodeId + "/sections/"
				+ target.state().instrument().id() + "/" + target.state().section().id() + "?corrected";
	}

	/**
	 * The section an answer belongs to, found only among the answers the viewer may see.
	 */
	private SectionForm sectionOf(Actor actor, PersonId personId, EpisodeId episodeId, java.util.UUID answerId) {
		for (var section : assessments.episode(actor, personId, episodeId).sections()) {
			if (!section.section().personsOwnWords()) {
				continue;
			}
			SectionForm form = assessments.section(actor, personId, episodeId, section.instrument().id(),
					section.section().id());
			if (form.answers().values().stream().anyMatch((a) -> a.id().equals(answerId))) {
				return form;
			}
		}
		throw new care.seamless.shared.NotFoundException("AssessmentAnswer", answerId);
	}

	@PostMapping("/people/{personId}/assessments/{episodeId}/sections/{instrumentId}/{sectionId}/sign")
	String sign(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId,
			@PathVariable String instrumentId, @PathVariable String sectionId, @RequestParam long version,
			RedirectAttributes redirect) {
		try {
			assessments.signSection(actor, personId, episodeId, instrumentId, sectionId, version);
		}
		catch (AssessmentRuleViolation ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/people/" + personId + "/assessments/" + episodeId;
	}

	private String render(Actor actor, PersonId personId, SectionForm form, Map<String, String> submitted,
			@Nullable String source, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("person", people.summary(actor, personId).details());
		model.addAttribute("personId", personId);
		model.addAttribute("audience", answerText.audienceOf(actor));
		model.addAttribute("values", values(form, submitted));
		model.addAttribute("source", source);
		model.addAttribute("errors", errors);
		model.addAttribute("errorOrder", errorOrder(form, errors));
		model.addAttribute("actorMayCorrect", actor.practitionerId() != null);
		model.addAttribute("sources", form.state().section().personsOwnWords()
				? List.of(AnswerSource.PERSON, AnswerSource.CARER, AnswerSource.ADVOCATE)
				: List.of(AnswerSource.PERSON, AnswerSource.CARER, AnswerSource.ADVOCATE, AnswerSource.OBSERVATION));
		return "assessment/section";
	}

	/**
	 * What each field shows: what was just submitted, else the answer so far, else what
	 * is already known (unless it is too old to trust without asking again).
	 */
	private static Map<String, String> values(SectionForm form, Map<String, String> submitted) {
		Map<String, String> values = new HashMap<>();
		for (Question question : form.state().section().questions()) {
			String value = submitted.get(question.id());
			if (value == null && form.answers().containsKey(question.id())) {
				value = form.answers().get(question.id()).value();
			}
			Prefill known = form.prefills().get(question.id());
			if (value == null && known != null && !known.stale()) {
				value = known.known().value();
			}
			if (value != null) {
				values.put(question.id(), value);
			}
		}
		return values;
	}

	/** Errors in the order of the questions, for the error summary. */
	private static Map<String, String> errorOrder(SectionForm form, Map<String, String> errors) {
		Map<String, String> ordered = new LinkedHashMap<>();
		if (errors.containsKey("section")) {
			ordered.put("section", errors.get("section"));
		}
		if (errors.containsKey("reason")) {
			ordered.put("reason", errors.get("reason"));
		}
		if (errors.containsKey("source")) {
			ordered.put("source", errors.get("source"));
		}
		for (Question question : form.state().section().questions()) {
			if (errors.containsKey(question.id())) {
				ordered.put("q-" + question.id(), errors.get(question.id()));
			}
		}
		return ordered;
	}

	private static Map<String, String> answers(MultiValueMap<String, String> fields) {
		Map<String, String> raw = new HashMap<>();
		fields.forEach((name, values) -> {
			if (name.startsWith(PREFIX)) {
				raw.put(name.substring(PREFIX.length()),
						String.join(",", values.stream().filter((v) -> !v.isBlank()).toList()));
			}
		});
		return raw;
	}

}
