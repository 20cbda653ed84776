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
 * ended lands on a page that says so.
 */
@PageController
class SessionController {

	/** Any request made with the session keeps it alive; this one does nothing else. */
	@PostMapping("/session/keep-alive")
	ResponseEntity<Void> keepAlive() {
		return ResponseEntity.noContent().build();
	}

	@RequestMapping(SessionProblems.SESSION_ENDED_PAGE)
	String sessionEnded(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("returnTo", pageBefore(request));
		return "error/session-ended";
	}

	/**
	 * The page the form was on, to sign in again and go back to; only a page of this
	 * site, never somewhere a forged Referer names.
	 */
	static String pageBefore(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return "/";
		}
		try {
			URI uri = new URI(referer);
			String host = request.getHeader("Host");
			if (uri.getRawAuthority() == null || !uri.getRawAuthority().equals(host) || uri.getRawPath() == null
					|| !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
				return "/";
			}
			String path = uri.getRawPath().substring(request.getContextPath().length());
			return path.isEmpty() ? "/" : path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		catch (URISyntaxException | StringIndexOutOfBoundsException ex) {
			return "/";
		}
	}

}
