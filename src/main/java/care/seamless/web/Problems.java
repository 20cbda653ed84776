package care.seamless.web;

import java.io.IOException;
import java.net.URI;

import care.seamless.shared.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Problem details written by the security filters, before any controller runs, for API
 * clients: anything under /api, /fhir or /actuator, or a request that asks for JSON and
 * not a page.
 */
final class Problems {

	private static final RequestMatcher WANTS_JSON = wantsJson();

	private Problems() {
	}

	static boolean forApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/fhir/")
				|| path.startsWith("/actuator/") || WANTS_JSON.matches(request);
	}

	static void write(HttpServletResponse response, HttpStatus status, ErrorCode code, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		// Hand-written so it needs no object mapper this early; every value is ours.
		response.getWriter()
			.write("{\"type\":\"" + URI.create("urn:seamless:problem:" + code.slug()) + "\",\"title\":\""
					+ status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail
					+ "\",\"code\":\"" + code.name() + "\"}");
	}

	private static RequestMatcher wantsJson() {
		MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.APPLICATION_JSON,
				MediaType.APPLICATION_PROBLEM_JSON);
		matcher.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
		matcher.setUseEquals(false);
		return request -> {
			String accept = request.getHeader("Accept");
			return accept != null && !accept.contains("text/html") && matcher.matches(request);
		};
	}

}
