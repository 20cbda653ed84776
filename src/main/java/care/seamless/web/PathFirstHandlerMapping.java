package care.seamless.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler mapping, asking first whether a mapping's path can match at all.
 * <p>
 * A path with a variable in it ({@code /api/v1/people/{id}}) has no direct entry, so
 * Spring tries every one of the application's 300-odd mappings, and
 * {@link RequestMappingInfo} checks the method, parameters, headers, content types and
 * accepted types before the path: each through the ten or so request wrappers of the
 * filter chain. That was about a quarter of the server's CPU for a record read through
 * the API (docs/benchmarks.md, session 11, benchcost). A path that cannot match makes the
 * mapping fail whatever the other conditions say, so rejecting it first changes no
 * answer; the mappings whose path matches go through Spring's full check exactly as
 * before.
 */
final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

	/**
	 * The path of the request being looked up on this thread: read once per lookup
	 * instead of once per mapping (it is a request attribute behind every wrapper).
	 */
	private static final ThreadLocal<PathContainer> LOOKUP = new ThreadLocal<>();

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		PathContainer outer = LOOKUP.get();
		LOOKUP.set(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			// A forward or include looks up again inside the outer lookup's request.
			if (outer == null) {
				LOOKUP.remove();
			}
			else {
				LOOKUP.set(outer);
			}
		}
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		PathContainer path = LOOKUP.get();
		PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
		if (path != null && patterns != null && !anyMatches(patterns, path)) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	private static boolean anyMatches(PathPatternsRequestCondition patterns, PathContainer path) {
		for (PathPattern pattern : patterns.getPatterns()) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

}
