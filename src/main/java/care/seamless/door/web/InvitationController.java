package care.seamless.door.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import care.seamless.consent.ActingFor;
import care.seamless.consent.ActingKind;
import care.seamless.consent.NotShownReason;
import care.seamless.door.DoorRule;
import care.seamless.door.Invitations;
import care.seamless.door.IssuedInvitation;
import care.seamless.door.MyRecord;
import care.seamless.door.NewInvitation;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The care team's side of the door: invitations from the person's record (the code shown
 * once, to print or read out), revoking them, and the Caldicott guardian's lists of
 * questions about access and of items not shown to people.
 */
@PageController
class InvitationController {

	private final Invitations invitations;

	private final ActingFor actingFor;

	private final MyRecord myRecord;

	InvitationController(Invitations invitations, ActingFor actingFor, MyRecord myRecord) {
		this.invitations = invitations;
		this.actingFor = actingFor;
		this.myRecord = myRecord;
	}

	@GetMapping("/people/{personId}/invitations")
	String list(Actor actor, @PathVariable PersonId personId, Model model) {
		model.addAttribute("personId", personId);
		model.addAttribute("invitations", invitations.invitations(actor, personId));
		model.addAttribute("mayInvite", invitations.mayInvite(actor, personId));
		model.addAttribute("now", java.time.Instant.now());
		model.addAttribute("kinds", ActingKind.values());
		model.addAttribute("categories", Invitations.shareableWithCarer());
		return "door/invitations";
	}

	@PostMapping("/people/{personId}/invitations")
	String invite(Actor actor, @PathVariable PersonId personId,
			@RequestParam(required = false) @Nullable ActingKind kind,
			@RequestParam(required = false) @Nullable String inviteeName,
			@RequestParam(required = false) @Nullable String lpaReference,
			@RequestParam(required = false) @Nullable Set<DataCategory> categories,
			@RequestParam(required = false) @Nullable String speaksFor, Model model) {
		try {
			IssuedInvitation issued = invitations.invite(actor, personId,
					new NewInvitation(kind, inviteeName, lpaReference,
							categories == null ? EnumSet.noneOf(DataCategory.class) : categories,
							"yes".equals(speaksFor)));
			model.addAttribute("personId", personId);
			model.addAttribute("issued", issued);
			model.addAttribute("inviteeName", inviteeName);
			return "door/invitation-code";
		}
		catch (DoorRule ex) {
			model.addAttribute("errorField", ex.field());
			model.addAttribute("errorKey", ex.messageKey());
			return list(actor, personId, model);
		}
	}

	@PostMapping("/people/{personId}/invitations/{invitationId}/revoke")
	String revoke(Actor actor, @PathVariable PersonId personId, @PathVariable UUID invitationId,
			@RequestParam long version) {
		invitations.revoke(actor, personId, invitationId, version);
		return "redirect:/people/" + personId + "/invitations?revoked";
	}

	@PostMapping("/people/{personId}/entries/{entryId}/not-shown")
	String markNotShown(Actor actor, @PathVariable PersonId personId, @PathVariable UUID entryId,
			@RequestParam DataCategory category,
			@RequestParam(required = false) care.seamless.shared.@Nullable OrganisationId source,
			@RequestParam NotShownReason reason) {
		actingFor.markNotShown(actor, personId, "entry", entryId, category, source, reason);
		return "redirect:/people/" + personId + "?saved";
	}

	@GetMapping("/caldicott/door")
	String guardianQueue(Actor actor, Model model) {
		model.addAttribute("questions", myRecord.openQuestions(actor));
		model.addAttribute("marks", actingFor.notShownMarks(actor));
		return "door/guardian";
	}

}
