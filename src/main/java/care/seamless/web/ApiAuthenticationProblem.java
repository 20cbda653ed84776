package care.seamless.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import care.seamless.shared.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * The answer to an API call without valid credentials: 401 with a
 * {@code WWW-Authenticate: Bearer} challenge (RFC 6750, naming what was wrong with a
 * token) and an RFC 9457 problem body like every other API error.
 */
@Component
class ApiAuthenticationProblem implements AuthenticationEntryPoint {

	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

	private final JsonMapper json;

	ApiAuthenticationProblem(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		challenge.commence(request, response, failure);
		HttpStatus status = HttpStatus.valueOf(response.getStatus());
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "urn:seamless:problem:" + ErrorCode.UNAUTHENTICATED.slug());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail(failure));
		problem.put("instance", request.getRequestURI());
		problem.put("code", ErrorCode.UNAUTHENTICATED.name());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

	private static String detail(AuthenticationException failure) {
		if (failure instanceof OAuth2AuthenticationException oauth) {
			String description = oauth.getError().getDescription();
			return "The bearer token was refused" + ((description == null) ? "" : ": " + description);
		}
		return "Send a bearer token from your organisation's identity provider, or sign in";
	}

}
