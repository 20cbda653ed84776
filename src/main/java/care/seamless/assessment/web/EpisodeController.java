package care.seamless.assessment.web;

import care.seamless.assessment.AssessmentRuleViolation;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.instrument.Stage;
import care.seamless.person.Carers;
import care.seamless.person.People;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's assessments: starting one, moving it through the stages and completing it.
 */
@PageController
class EpisodeController {

	private final Assessments assessments;

	private final People people;

	private final Carers carers;

	EpisodeController(Assessments assessments, People people, Carers carers) {
		this.carers = carers;
		this.assessments = assessments;
		this.people = people;
	}

	@GetMapping("/people/{personId}/assessments")
	String list(Actor actor, @PathVariable PersonId personId, Model model) {
		model.addAttribute("episodes", assessments.episodes(actor, personId));
		model.addAttribute("person", people.summary(actor, personId).details());
		model.addAttribute("personId", personId);
		model.addAttribute("startStages", new Stage[] { Stage.CONTACT, Stage.OVERVIEW, Stage.CARER });
		model.addAttribute("caresFor", carers.caredForBy(actor, personId));
		return "assessment/list";
	}

	@PostMapping("/people/{personId}/assessments")
	String open(Actor actor, @PathVariable PersonId personId, @RequestParam(required = false) @Nullable String stage,
			@RequestParam(required = false) @Nullable String caresFor, RedirectAttributes redirect) {
		Stage chosen = (stage != null) ? Stage.fromCode(stage).orElse(null) : null;
		if (chosen == null) {
			redirect.addFlashAttribute("stageError", true);
			return "redirect:/people/" + personId + "/assessments";
		}
		PersonId cared = null;
		if (chosen == Stage.CARER && caresFor != null && !caresFor.isBlank()) {
			try {
				cared = new PersonId(java.util.UUID.fromString(caresFor.strip()));
			}
			catch (IllegalArgumentException ex) {
				cared = null;
			}
		}
		EpisodeId id;
		try {
			id = assessments.open(actor, personId, chosen, cared);
		}
		catch (AssessmentRuleViolation ex) {
			redirect.addFlashAttribute("caresForError", ex.getMessage());
			return "redirect:/people/" + personId + "/assessments";
		}
		return "redirect:/people/" + personId + "/assessments/" + id;
	}

	@GetMapping("/people/{personId}/assessments/{episodeId}")
	String show(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId, Model model) {
		model.addAttribute("view", assessments.episode(actor, personId, episodeId));
		model.addAttribute("me", (actor.practitionerId() != null) ? actor.practitionerId().id() : null);
		model.addAttribute("person", people.summary(actor, personId).details());
		model.addAttribute("personId", personId);
		return "assessment/episode";
	}

	@PostMapping("/people/{personId}/assessments/{episodeId}/advance")
	String advance(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId,
			@RequestParam long version, @RequestParam String to,
			@RequestParam(required = false) @Nullable String specialist, RedirectAttributes redirect) {
		Stage stage = Stage.fromCode(to).orElse(Stage.CARER);
		return attempt(personId, episodeId, redirect, () -> assessments.advance(actor, personId, episodeId, version,
				stage, (specialist == null || specialist.isBlank()) ? null : specialist));
	}

	@PostMapping("/people/{personId}/assessments/{episodeId}/specialists")
	String addSpecialist(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId,
			@RequestParam(defaultValue = "") String specialist, RedirectAttributes redirect) {
		return attempt(personId, episodeId, redirect,
				() -> assessments.addSpecialist(actor, personId, episodeId, specialist));
	}

	@PostMapping("/people/{personId}/assessments/{episodeId}/complete")
	String complete(Actor actor, @PathVariable PersonId personId, @PathVariable EpisodeId episodeId,
			@RequestParam long version, @RequestParam(defaultValue = "false") boolean confirmed,
			RedirectAttributes redirect) {
		return attempt(personId, episodeId, redirect,
				() -> assessments.complete(actor, personId, episodeId, version, confirmed));
	}

	/** A broken rule goes back to the episode page with the reason, nothing changed. */
	private static String attempt(PersonId personId, EpisodeId episodeId, RedirectAttributes redirect,
			Runnable change) {
		try {
			change.run();
		}
		catch (AssessmentRuleViolation ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/people/" + personId + "/assessments/" + episodeId;
	}

}
