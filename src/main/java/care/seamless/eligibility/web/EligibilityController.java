package care.seamless.eligibility.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.document.PrintedDocuments;
import care.seamless.eligibility.Determination;
import care.seamless.eligibility.DeterminationKind;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.EligibilityOverview;
import care.seamless.eligibility.EligibilityRuleViolation;
import care.seamless.eligibility.FacsBand;
import care.seamless.eligibility.Outcome;
import care.seamless.eligibility.Problem;
import care.seamless.eligibility.UnableSense;
import care.seamless.eligibility.WellbeingArea;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.jspecify.annotations.Nullable;
import care.seamless.assessment.AssessmentSummaries;
import care.seamless.assessment.EpisodeId;
import care.seamless.terminology.CareActOutcome;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@PageController
class EligibilityController {

	private final Eligibility eligibility;

	private final LetterWriter letters;

	private final AssessmentSummaries summaries;

	private final PrintedDocuments documents;

	EligibilityController(Eligibility eligibility, LetterWriter letters, AssessmentSummaries summaries,
			PrintedDocuments documents) {
		this.summaries = summaries;
		this.documents = documents;
		this.eligibility = eligibility;
		this.letters = letters;
	}

	@GetMapping("/people/{personId}/eligibility")
	String overview(Actor actor, @PathVariable PersonId personId, Model model) {
		model.addAttribute("overview", eligibility.overview(actor, personId));
		return "eligibility/overview";
	}

	@GetMapping("/people/{personId}/eligibility/new")
	String newDetermination(Actor actor, @PathVariable PersonId personId,
			@RequestParam(defaultValue = "ADULT") DeterminationKind kind,
			@RequestParam(required = false) @Nullable EpisodeId episode, Model model) {
		EligibilityOverview overview = eligibility.overview(actor, personId);
		Determination current = current(overview, kind);
		EligibilityForm form = EligibilityForm.empty(kind, current == null ? null : current.id(),
				current == null ? null : current.version());
		if (episode != null) {
			List<String> suggested = (kind == DeterminationKind.ADULT)
					? List.copyOf(eligibility.findings(actor, personId, episode).keySet()) : List.of();
			form = form.following(episode.id(), suggested);
			model.addAttribute("suggested", !suggested.isEmpty());
		}
		return showForm(actor, overview, form, Map.of(), model);
	}

	@PostMapping("/people/{personId}/eligibility")
	String record(Actor actor, @PathVariable PersonId personId, @ModelAttribute("form") EligibilityForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		List<Problem> problems = new ArrayList<>();
		binding.getFieldErrors().forEach(e -> problems.add(new Problem(e.getField(), "Choose one of the options")));
		problems.addAll(form.problems());
		problems.addAll(Eligibility.check(form.toCommand()));
		try {
			if (problems.isEmpty()) {
				UUID id = eligibility.record(actor, personId, form.toCommand());
				redirect.addFlashAttribute("saved", "eligibility.saved");
				return "redirect:/people/" + personId + "/eligibility/" + id;
			}
		}
		catch (EligibilityRuleViolation ex) {
			problems.addAll(ex.problems());
		}
		return showForm(actor, eligibility.overview(actor, personId), form, byField(problems), model);
	}

	@GetMapping("/people/{personId}/eligibility/{id}")
	String show(Actor actor, @PathVariable PersonId personId, @PathVariable UUID id, Model model) {
		model.addAttribute("determination", eligibility.determination(actor, personId, id));
		model.addAttribute("preTicked", eligibility.preTicked(actor, personId, id));
		model.addAttribute("personId", personId);
		return "eligibility/determination";
	}

	@GetMapping("/people/{personId}/eligibility/{id}/letter")
	String letter(Actor actor, @PathVariable PersonId personId, @PathVariable UUID id, Model model) {
		model.addAttribute("letter", letters.write(eligibility.letter(actor, personId, id)));
		model.addAttribute("personId", personId);
		model.addAttribute("determinationId", id);
		return "eligibility/letter";
	}

	@GetMapping("/people/{personId}/eligibility/{id}/letter.pdf")
	ResponseEntity<byte[]> letterPdf(Actor actor, @PathVariable PersonId personId, @PathVariable UUID id) {
		byte[] pdf = documents.pdf("eligibility/letter",
				Map.of("letter", letters.write(eligibility.letter(actor, personId, id))));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"eligibility-letter.pdf\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	private String showForm(Actor actor, EligibilityOverview overview, EligibilityForm form,
			Map<String, String> problems, Model model) {
		DeterminationKind kind = form.kindOrAdult();
		Map<String, List<String>> findings = new LinkedHashMap<>();
		UUID episode = form.episodeId();
		if (kind == DeterminationKind.ADULT && episode != null) {
			eligibility.findings(actor, overview.personId(), new EpisodeId(episode))
				.forEach((outcome, found) -> findings.put(outcome, found));
		}
		model.addAttribute("findings", findings);
		model.addAttribute("form", form);
		model.addAttribute("kind", kind);
		model.addAttribute("personId", overview.personId());
		model.addAttribute("personName", overview.personName());
		model.addAttribute("current", current(overview, kind));
		model.addAttribute("outcomes", Outcome.forKind(kind));
		model.addAttribute("senses", Arrays.stream(UnableSense.values()).filter(s -> s.appliesTo(kind)).toList());
		model.addAttribute("wellbeingAreas", WellbeingArea.values());
		model.addAttribute("bands", FacsBand.values());
		model.addAttribute("problems", problems);
		return "eligibility/form";
	}

	private static Determination current(EligibilityOverview overview, DeterminationKind kind) {
		return switch (kind) {
			case ADULT -> overview.currentAdult();
			case CARER -> overview.currentCarer();
			case FACS -> null;
		};
	}

	/** The first problem of each field, in the order found, for the error summary. */
	private static Map<String, String> byField(List<Problem> problems) {
		Map<String, String> byField = new LinkedHashMap<>();
		problems.forEach(p -> byField.putIfAbsent(p.field(), p.message()));
		return byField;
	}

}
