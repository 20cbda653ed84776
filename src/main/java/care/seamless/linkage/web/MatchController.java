package care.seamless.linkage.web;

import java.util.UUID;

import care.seamless.linkage.MatchStatus;
import care.seamless.linkage.Matching;
import care.seamless.linkage.AlreadyLinked;
import care.seamless.linkage.NotAuthorisedToDecide;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue of possible matches. Team managers, Caldicott guardians and
 * administrators review and decide; anyone else is refused, and the refusal is audited.
 */
@PageController
class MatchController {

	private final Matching matching;

	MatchController(Matching matching) {
		this.matching = matching;
	}

	@GetMapping("/matching")
	String queue(Actor actor, Model model) {
		model.addAttribute("candidates", matching.queue(actor));
		return "matching/queue";
	}

	@GetMapping("/matching/{id}")
	String review(Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("candidate", matching.candidate(actor, id));
		return "matching/review";
	}

	@PostMapping("/matching/{id}")
	String decide(Actor actor, @PathVariable UUID id, @RequestParam long version, @RequestParam MatchStatus decision,
			Model model, RedirectAttributes redirect) {
		try {
			matching.decide(actor, id, version, decision);
		}
		catch (ConcurrentEditException ex) {
			model.addAttribute("conflict", true);
			model.addAttribute("candidate", matching.candidate(actor, id));
			return "matching/review";
		}
		catch (AlreadyLinked ex) {
			// A person is linked into at most one other record; say so on the page rather
			// than fail.
			model.addAttribute("alreadyLinked", true);
			model.addAttribute("candidate", matching.candidate(actor, id));
			return "matching/review";
		}
		redirect.addFlashAttribute("decided", "matching.decided." + decision.name());
		return "redirect:/matching";
	}

	@PostMapping("/matching/unlink")
	String unlink(Actor actor, @RequestParam PersonId person, RedirectAttributes redirect) {
		matching.unlink(actor, person);
		redirect.addFlashAttribute("decided", "matching.unlinked");
		return "redirect:/people/" + person;
	}

	@ExceptionHandler(NotAuthorisedToDecide.class)
	String refused(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "matching/refused";
	}

}
