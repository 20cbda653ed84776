package care.seamless.notification.web;

import care.seamless.notification.PersonSideNotices;
import care.seamless.team.SignedInAccount;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * How many notices at the door are unread, for the door's home page to say so. The door
 * cannot ask this module (this module listens to the door), so the count comes to its
 * pages from here.
 */
@ControllerAdvice(basePackages = "care.seamless.door.web")
class PersonSideNoticesAdvice {

	private final PersonSideNotices notices;

	PersonSideNoticesAdvice(PersonSideNotices notices) {
		this.notices = notices;
	}

	@ModelAttribute("newNotices")
	long newNotices() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount me)
				|| me.getAuthorities().stream().noneMatch(a -> "ROLE_PERSON".equals(a.getAuthority()))) {
			return 0;
		}
		return notices.unread(PersonSideNoticesController.actor(me));
	}

}
