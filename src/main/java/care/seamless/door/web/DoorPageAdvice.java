package care.seamless.door.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the door's layout whether to offer signing out. */
@ControllerAdvice(assignableTypes = { MeController.class, MyWordsController.class })
class DoorPageAdvice {

	@ModelAttribute("doorSignedIn")
	boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof PersonSignedIn;
	}

}
