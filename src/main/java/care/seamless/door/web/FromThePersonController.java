package care.seamless.door.web;

import java.util.List;
import java.util.UUID;

import care.seamless.door.AboutMeWords;
import care.seamless.door.CareTeamMessages;
import care.seamless.door.DoorRules;
import care.seamless.door.PersonsFeedback;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The care team's page of what the person said at their door: About me in their own
 * words, their messages with a reply form, and their feedback with what was done about
 * it. Each part asks the access policy: About me for anyone who may see the record,
 * messages for the care team only, feedback for the care team and the managers who
 * oversee the person's care.
 */
@PageController
class FromThePersonController {

	private final AboutMeWords aboutMe;

	private final CareTeamMessages messages;

	private final PersonsFeedback feedback;

	FromThePersonController(AboutMeWords aboutMe, CareTeamMessages messages, PersonsFeedback feedback) {
		this.aboutMe = aboutMe;
		this.messages = messages;
		this.feedback = feedback;
	}

	@GetMapping("/people/{personId}/from-the-person")
	String page(Actor actor, @PathVariable PersonId personId, Model model) {
		model.addAttribute("personId", personId);
		boolean careTeam = messages.mayRead(actor, personId);
		// A manager who oversees the care but is not in the care team answers feedback;
		// the person's words and messages stay with the care team.
		boolean overseerOnly = !careTeam && actor.has(Role.TEAM_MANAGER);
		model.addAttribute("about", overseerOnly ? null : aboutMe.aboutMe(actor, personId));
		model.addAttribute("conversations", overseerOnly ? List.of() : messages.conversations(actor, personId));
		model.addAttribute("careTeam", !overseerOnly);
		model.addAttribute("given", feedback.feedback(actor, personId));
		model.addAttribute("manager", actor.has(Role.TEAM_MANAGER));
		return "door/from-the-person";
	}

	@PostMapping("/people/{personId}/from-the-person/messages/{conversationId}")
	String reply(Actor actor, @PathVariable PersonId personId, @PathVariable UUID conversationId,
			@RequestParam(required = false) @Nullable String words, Model model) {
		try {
			messages.reply(actor, personId, conversationId, words);
		}
		catch (DoorRules ex) {
			model.addAttribute("errors", ex.violations());
			model.addAttribute("errorItem", conversationId);
			return page(actor, personId, model);
		}
		return "redirect:/people/" + personId + "/from-the-person?saved#conversation-" + conversationId;
	}

	@PostMapping("/people/{personId}/from-the-person/feedback/{feedbackId}")
	String weDid(Actor actor, @PathVariable PersonId personId, @PathVariable UUID feedbackId,
			@RequestParam long version, @RequestParam(required = false) @Nullable String weDid, Model model) {
		try {
			feedback.weDid(actor, personId, feedbackId, version, weDid);
		}
		catch (DoorRules ex) {
			model.addAttribute("errors", ex.violations());
			model.addAttribute("errorItem", feedbackId);
			return page(actor, personId, model);
		}
		return "redirect:/people/" + personId + "/from-the-person?saved#feedback-" + feedbackId;
	}

}
