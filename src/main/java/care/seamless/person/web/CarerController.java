package care.seamless.person.web;

import care.seamless.person.Carers;
import care.seamless.person.People;
import care.seamless.person.PersonRuleViolation;
import care.seamless.shared.Actor;
import care.seamless.shared.NhsNumber;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Carers in their own right: who cares for this person, and whom they care for. */
@PageController
class CarerController {

	private final Carers carers;

	private final People people;

	CarerController(Carers carers, People people) {
		this.carers = carers;
		this.people = people;
	}

	@GetMapping("/people/{id}/carers")
	String show(Actor actor, @PathVariable PersonId id, Model model) {
		return render(actor, id, null, "", model);
	}

	@PostMapping("/people/{id}/carers")
	String link(Actor actor, @PathVariable PersonId id, @RequestParam(defaultValue = "") String nhsNumber, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		String error = (nhsNumber.length() > 20 || !NhsNumber.isValid(nhsNumber)) ? "Enter a valid 10-digit NHS number"
				: null;
		PersonId carer = (error == null) ? people.registeredWithNhsNumber(nhsNumber).orElse(null) : null;
		if (error == null && carer == null) {
			error = "No record has that NHS number. Register the carer first";
		}
		if (error == null) {
			try {
				carers.link(actor, id, carer);
				redirect.addFlashAttribute("linked", true);
				return "redirect:/people/" + id + "/carers";
			}
			catch (PersonRuleViolation ex) {
				error = ex.getMessage();
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return render(actor, id, error, nhsNumber.length() > 20 ? "" : nhsNumber, model);
	}

	private String render(Actor actor, PersonId id, String error, String typed, Model model) {
		model.addAttribute("carers", carers.carersOf(actor, id));
		model.addAttribute("caresFor", carers.caredForBy(actor, id));
		model.addAttribute("person", people.summary(actor, id).details());
		model.addAttribute("personId", id);
		model.addAttribute("error", error);
		model.addAttribute("typed", typed);
		return "person/carers";
	}

}
