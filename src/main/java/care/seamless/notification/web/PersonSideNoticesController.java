package care.seamless.notification.web;

import java.util.UUID;

import care.seamless.notification.PersonSideNotices;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.team.SignedInAccount;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The notices at the person's door ({@code /me/**}, so only a person-side session, which
 * holds only {@code ROLE_PERSON}, reaches it): each account sees its own.
 */
@PageController
class PersonSideNoticesController {

	private final PersonSideNotices notices;

	PersonSideNoticesController(PersonSideNotices notices) {
		this.notices = notices;
	}

	@GetMapping("/me/notices")
	String inbox(@AuthenticationPrincipal @Nullable SignedInAccount me, Model model) {
		model.addAttribute("notices", notices.inbox(actor(me)));
		model.addAttribute("doorSignedIn", true);
		return "notification/person-side";
	}

	/** Marks the notice read and follows its link; the door page there decides. */
	@PostMapping("/me/notices/{id}/open")
	String open(@AuthenticationPrincipal @Nullable SignedInAccount me, @PathVariable UUID id) {
		return "redirect:" + notices.open(actor(me), id);
	}

	static Actor actor(@Nullable SignedInAccount me) {
		if (me == null || me.getAuthorities().stream().noneMatch(a -> "ROLE_PERSON".equals(a.getAuthority()))) {
			throw new AccessDeniedException("Sign in on the person's door first");
		}
		return Actor.personSide(me.accountId(), me.getUsername());
	}

}
