package care.seamless.person.web;

import java.util.UUID;

import care.seamless.person.People;
import care.seamless.person.RecordOffers;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Answers offered back to the record by assessments, to confirm or decline. */
@PageController
class RecordOfferController {

	private final RecordOffers offers;

	private final People people;

	RecordOfferController(RecordOffers offers, People people) {
		this.offers = offers;
		this.people = people;
	}

	@GetMapping("/people/{id}/from-assessments")
	String show(Actor actor, @PathVariable PersonId id, Model model) {
		model.addAttribute("offers", offers.offers(actor, id));
		model.addAttribute("mayDecide", offers.mayDecide(actor, id));
		model.addAttribute("person", people.summary(actor, id).details());
		model.addAttribute("personId", id);
		return "person/offers";
	}

	@PostMapping("/people/{id}/from-assessments/{offer}")
	String decide(Actor actor, @PathVariable PersonId id, @PathVariable UUID offer, @RequestParam long version,
			@RequestParam(defaultValue = "") String decision, RedirectAttributes redirect) {
		if ("confirm".equals(decision)) {
			offers.confirm(actor, id, offer, version);
			redirect.addFlashAttribute("decided", "offers.confirmed");
		}
		else if ("decline".equals(decision)) {
			offers.decline(actor, id, offer, version);
			redirect.addFlashAttribute("decided", "offers.declined");
		}
		return "redirect:/people/" + id + "/from-assessments";
	}

}
