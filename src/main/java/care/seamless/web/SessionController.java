package care.seamless.web;

import java.net.URI;
import java.net.URISyntaxException;

import care.seamless.shared.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The idle session's warning asks here to stay signed in; a form sent after the session
 * ended lands on a page that says so. Staff and the person's door each have theirs: the
 * door's addresses are under {@code /me}, so its own filter chain (its role, its CSRF
 * token) answers them.
 */
@PageController
class SessionController {

	/** Where the door's chain sends a form whose session had ended (its CSRF refusal). */
	static final String DOOR_SESSION_ENDED_PAGE = "/me/session-ended";

	/** Any request made with the session keeps it alive; this one does nothing else. */
	@PostMapping({ "/session/keep-alive", SessionTimeoutAdvice.DOOR_KEEP_ALIVE })
	ResponseEntity<Void> keepAlive() {
		return ResponseEntity.noContent().build();
	}

	@RequestMapping(SessionProblems.SESSION_ENDED_PAGE)
	String sessionEnded(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("returnTo", pageBefore(request, "/"));
		return "error/session-ended";
	}

	/**
	 * The door's own page in the door's layout, whose way back is a door page: its
	 * sign-in then returns there and offers back what was typed.
	 */
	@RequestMapping(DOOR_SESSION_ENDED_PAGE)
	String doorSessionEnded(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		String page = pageBefore(request, "/me");
		model.addAttribute("returnTo",
				page.equals("/me") || page.startsWith("/me/") || page.startsWith("/me?") ? page : "/me");
		return "door/session-ended";
	}

	/**
	 * The page the form was on, to sign in again and go back to; only a page of this
	 * site, never somewhere a forged Referer names ({@code otherwise} then).
	 */
	static String pageBefore(HttpServletRequest request, String otherwise) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return otherwise;
		}
		try {
			URI uri = new URI(referer);
			String host = request.getHeader("Host");
			if (uri.getRawAuthority() == null || !uri.getRawAuthority().equals(host) || uri.getRawPath() == null
					|| !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
				return otherwise;
			}
			String path = uri.getRawPath().substring(request.getContextPath().length());
			return path.isEmpty() ? otherwise : path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		catch (URISyntaxException | StringIndexOutOfBoundsException ex) {
			return otherwise;
		}
	}

}
