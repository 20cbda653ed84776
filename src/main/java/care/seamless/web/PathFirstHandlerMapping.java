package care.seamless.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

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
 * <p>
 * Even rejected on the path alone, every mapping was still tried on every request to an
 * address with a variable: about 7 % of the request threads' CPU for a care plan read
 * (docs/benchmarks.md, session 13, reqcut). So the mappings are first looked up by the
 * literal segments their patterns begin with ({@link Index}), and only those whose
 * beginning is the request's are checked. When exactly one of them passes Spring's full
 * check, it is the only mapping Spring would have found (any other would have to begin
 * the same way), and it is answered as Spring answers a single match. Otherwise, none or
 * several, Spring's own lookup runs as before, so its ordering, ambiguity and refusals
 * (404, 405, 406, 415) are unchanged.
 */
final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

	/** The mappings by their patterns' literal beginnings; null until first needed. */
	private volatile @Nullable Index index;

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
		PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
		PathContainer outer = LOOKUP.get();
		LOOKUP.set(path);
		try {
			HandlerMethod only = onlyMatch(path, lookupPath, request);
			return only != null ? only : super.lookupHandlerMethod(lookupPath, request);
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

	/**
	 * The handler of the one mapping among those beginning as the path does that matches
	 * the request, answered as Spring answers a single match; null for none or several.
	 */
	private @Nullable HandlerMethod onlyMatch(PathContainer path, String lookupPath, HttpServletRequest request) {
		Index current = index();
		if (current == null) {
			return null;
		}
		RequestMappingInfo onlyMapping = null;
		RequestMappingInfo onlyMatch = null;
		for (RequestMappingInfo candidate : current.candidates(path)) {
			RequestMappingInfo match = getMatchingMapping(candidate, request);
			if (match != null) {
				if (onlyMatch != null) {
					return null;
				}
				onlyMapping = candidate;
				onlyMatch = match;
			}
		}
		if (onlyMatch == null) {
			return null;
		}
		HandlerMethod handler = current.handlers().get(onlyMapping);
		request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
		handleMatch(onlyMatch, lookupPath, request);
		return handler;
	}

	private @Nullable Index index() {
		Index current = index;
		if (current == null) {
			PathPatternParser parser = getPatternParser();
			// A parser that ignores case would match literals this index compares
			// exactly.
			if (parser == null || !parser.isCaseSensitive()) {
				return null;
			}
			current = Index.of(getHandlerMethods());
			index = current;
		}
		return current;
	}

	@Override
	protected void registerHandlerMethod(Object handler, java.lang.reflect.Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		index = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		index = null;
	}

	/**
	 * Mappings by the literal segments their path patterns begin with, up to the first
	 * segment that is not a plain literal ({@code /api/v1/people} for
	 * {@code /api/v1/people/{id}/care-plan}); a mapping with several patterns is under
	 * each beginning, one without patterns under the empty one. A request's candidates
	 * are the mappings under each of its own beginnings, so every mapping that can match
	 * is among them.
	 */
	record Index(Map<String, List<RequestMappingInfo>> byBeginning, Map<RequestMappingInfo, HandlerMethod> handlers) {

		static Index of(Map<RequestMappingInfo, HandlerMethod> handlers) {
			Map<String, List<RequestMappingInfo>> byBeginning = new HashMap<>();
			for (RequestMappingInfo info : handlers.keySet()) {
				PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
				Set<String> beginnings = new HashSet<>();
				if (patterns == null || patterns.getPatterns().isEmpty()) {
					beginnings.add("");
				}
				else {
					patterns.getPatterns().forEach(pattern -> beginnings.add(beginning(pattern.getPatternString())));
				}
				beginnings.forEach(key -> byBeginning.computeIfAbsent(key, k -> new ArrayList<>()).add(info));
			}
			byBeginning.replaceAll((key, infos) -> List.copyOf(infos));
			return new Index(Map.copyOf(byBeginning), Map.copyOf(handlers));
		}

		private static String beginning(String pattern) {
			StringBuilder literal = new StringBuilder();
			for (String segment : pattern.split("/", -1)) {
				if (literal.isEmpty() && segment.isEmpty() && pattern.startsWith("/")) {
					// The empty text before the leading slash.
					continue;
				}
				if (segment.isEmpty() || !plain(segment)) {
					break;
				}
				literal.append('/').append(segment);
			}
			return literal.toString();
		}

		private static boolean plain(String segment) {
			for (int i = 0; i < segment.length(); i++) {
				char c = segment.charAt(i);
				if (c == '{' || c == '}' || c == '*' || c == '?' || c == '%' || c == ';' || c == '\\') {
					return false;
				}
			}
			return true;
		}

		List<RequestMappingInfo> candidates(PathContainer path) {
			List<RequestMappingInfo> found = new ArrayList<>();
			addUnder("", found);
			StringBuilder beginning = new StringBuilder();
			for (PathContainer.Element element : path.elements()) {
				if (element instanceof PathContainer.PathSegment segment) {
					beginning.append('/').append(segment.valueToMatch());
					addUnder(beginning.toString(), found);
				}
			}
			return found;
		}

		private void addUnder(String beginning, List<RequestMappingInfo> found) {
			List<RequestMappingInfo> under = byBeginning.get(beginning);
			if (under != null) {
				for (RequestMappingInfo info : under) {
					// A mapping with two patterns can be under two beginnings of one
					// path.
					if (!listed(info, found)) {
						found.add(info);
					}
				}
			}
		}

		// By identity: the lists are short, and a mapping's equals compares every
		// condition.
		private static boolean listed(RequestMappingInfo info, List<RequestMappingInfo> found) {
			for (RequestMappingInfo each : found) {
				if (each == info) {
					return true;
				}
			}
			return false;
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
