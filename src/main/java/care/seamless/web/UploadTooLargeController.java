package care.seamless.web;

import care.seamless.shared.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page for an upload over the limit, reached only through {@link UploadLimitFilter}'s
 * forward; opened directly it names nothing, so it is not found.
 */
@PageController
class UploadTooLargeController {

	@GetMapping(UploadLimitFilter.PAGE)
	String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(request.getAttribute(UploadLimitFilter.LIMIT) instanceof String limit)) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "error/not-found";
		}
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		model.addAttribute("uploadLimit", limit);
		return "error/bad-request";
	}

}
