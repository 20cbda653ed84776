package care.seamless.web;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import care.seamless.shared.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a form's uploaded parts before Spring Security does, so that an upload over the
 * multipart limit gets Seamless's own answer.
 * <p>
 * A browser sends the CSRF token as a part of the multipart form; Spring Security's CSRF
 * filter asks the container for it, the container's parse of the body fails on the size
 * limit, and without this the person gets the container's bare "HTTP Status 413" page.
 * Here the parse happens first: when it fails, a page request is forwarded, as a GET with
 * no form, to {@link UploadTooLargeController}, which shows the styled page with the
 * header; an API request gets problem+json. Nothing reaches a controller that could save.
 * Forwarding as a GET skips no protection: the forwarded address only shows a message.
 */
class UploadLimitFilter extends OncePerRequestFilter {

	static final String PAGE = "/upload-too-large";

	static final String LIMIT = UploadLimitFilter.class.getName() + ".LIMIT";

	private final long limitBytes;

	UploadLimitFilter(long limitBytes) {
		this.limitBytes = limitBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isMultipartPost(request) || !tooLarge(request)) {
			chain.doFilter(request, response);
			return;
		}
		String limit = megabytes(limitBytes);
		if (UnknownAddressHandling.wantsJson(request)) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(problem(limit));
			return;
		}
		HttpServletRequest refused = new WithoutTheUpload(request);
		refused.setAttribute(LIMIT, limit);
		request.getRequestDispatcher(PAGE).forward(refused, response);
	}

	private static boolean isMultipartPost(HttpServletRequest request) {
		String type = request.getContentType();
		return HttpMethod.POST.matches(request.getMethod()) && type != null
				&& type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	/**
	 * The container keeps what it parsed, so the later readers (the CSRF filter, Spring's
	 * multipart resolver) read these parts again without a second parse.
	 */
	private static boolean tooLarge(HttpServletRequest request) throws IOException, ServletException {
		try {
			request.getParts();
			return false;
		}
		catch (IllegalStateException ex) {
			// Tomcat reports a size limit as an IllegalStateException (413 in its own
			// subclass); anything else wrong with the body is left to the usual handling.
			return isSizeLimit(ex);
		}
	}

	private static boolean isSizeLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.apache.tomcat.util.http.InvalidParameterException invalid
					&& invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
				return true;
			}
			String message = cause.getMessage();
			if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("exceed")
					&& message.toLowerCase(java.util.Locale.ROOT).contains("size")) {
				return true;
			}
		}
		return false;
	}

	static String megabytes(long bytes) {
		return (bytes / (1024 * 1024)) + " MB";
	}

	private static String problem(String limit) {
		ErrorCode code = ErrorCode.UPLOAD_TOO_LARGE;
		// Hand-written because no message converter runs in a filter; every value is
		// ours.
		return "{\"type\":\"" + URI.create("urn:seamless:problem:" + code.slug())
				+ "\",\"title\":\"Content Too Large\"," + "\"status\":413,\"detail\":\"The file must be smaller than "
				+ limit + "\",\"code\":\"" + code.name() + "\"}";
	}

	/**
	 * The refused request as the error page sees it: a GET with no body and no form, so
	 * neither the CSRF filter nor Spring's multipart resolver asks the container to parse
	 * the body again.
	 */
	private static final class WithoutTheUpload extends HttpServletRequestWrapper {

		WithoutTheUpload(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return HttpMethod.GET.name();
		}

		@Override
		public @Nullable String getContentType() {
			return null;
		}

		@Override
		public @Nullable String getHeader(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public @Nullable String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return null;
		}

	}

}
