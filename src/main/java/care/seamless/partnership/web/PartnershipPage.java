package care.seamless.partnership.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.partnership.PartnershipLink;
import care.seamless.partnership.Partnerships;
import care.seamless.partnership.ReadinessItem;
import care.seamless.partnership.WorkingTogether;
import care.seamless.shared.Actor;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of one partnership's page, for every controller that shows it again with a
 * form's problems (the register's readiness checklist, opening an assessment round), so
 * no controller calls another's handler.
 */
@Component
class PartnershipPage {

	private final Partnerships partnerships;

	private final WorkingTogether workingTogether;

	private final List<PartnershipLink> links;

	PartnershipPage(Partnerships partnerships, WorkingTogether workingTogether, List<PartnershipLink> links) {
		this.partnerships = partnerships;
		this.workingTogether = workingTogether;
		this.links = links;
	}

	/** A link to another module's page about the partnership, as the page shows it. */
	record Link(String id, String messageKey, String href) {
	}

	String show(Actor actor, UUID id, Model model) {
		var partnership = partnerships.find(id);
		model.addAttribute("partnership", partnership);
		model.addAttribute("links",
				links.stream()
					.filter((link) -> link.mayOpen(actor, partnership))
					.map((link) -> new Link(link.id(), link.messageKey(), link.href(id)))
					.toList());
		model.addAttribute("maySeeResults", WorkingTogether.maySeeResults(actor, partnership));
		model.addAttribute("items", ReadinessItem.values());
		model.addAttribute("states", ReadinessItem.State.values());
		model.addAttribute("mayKeep", Partnerships.mayKeep(actor));
		model.addAttribute("mayRun", WorkingTogether.mayRun(actor));
		model.addAttribute("rounds", workingTogether.rounds(id));
		model.addAttribute("today", LocalDate.now());
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", Map.of());
		}
		return "partnership/show";
	}

}
