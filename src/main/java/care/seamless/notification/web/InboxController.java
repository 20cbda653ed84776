package care.seamless.notification.web;

import java.util.UUID;

import care.seamless.notification.Notifications;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

@PageController
class InboxController {

	private final Notifications notifications;

	InboxController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String inbox(Actor actor, Model model) {
		model.addAttribute("notices", notifications.inbox(actor));
		model.addAttribute("emailDelivery", notifications.emailDelivery(actor));
		return "notification/inbox";
	}

	/**
	 * Marks the notice read and follows its link; the page there decides what may be
	 * seen.
	 */
	@PostMapping("/notifications/{id}/open")
	String open(Actor actor, @PathVariable UUID id) {
		return "redirect:" + notifications.open(actor, id);
	}

}
