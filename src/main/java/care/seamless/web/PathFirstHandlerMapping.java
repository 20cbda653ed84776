package care.seamless.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
 * Matching even the path of every mapping was still 14 % of a record read's CPU (session
 * 12, viewcut), so the mappings are also filed by the literal segments their patterns
 * start with ({@code api/v1/people} for {@code /api/v1/people/{id}}): a lookup matches
 * the patterns of only those filed along the request's own first segments, a handful, and
 * passes over the rest without matching them. Should that find nothing, the lookup is
 * made again over every mapping, as Spring makes it.
 */
final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

	/**
	 * The lookup being made on this thread: the request's path, read once per lookup
	 * instead of once per mapping (it is a request attribute behind every wrapper), and
	 * the mappings that may match it (null: any may).
	 */
	private static final ThreadLocal<@Nullable Lookup> LOOKUP = new ThreadLocal<>();

	/** Made on first use after the mappings are registered; dropped when they change. */
	private volatile @Nullable Prefixes prefixes;

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
		Lookup outer = LOOKUP.get();
		try {
			LOOKUP.set(new Lookup(path, prefixes().candidates(path)));
			HandlerMethod found = super.lookupHandlerMethod(lookupPath, request);
			if (found == null) {
				LOOKUP.set(new Lookup(path, null));
				found = super.lookupHandlerMethod(lookupPath, request);
			}
			return found;
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
		Lookup lookup = LOOKUP.get();
		PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
		if (lookup != null && patterns != null) {
			if (lookup.candidates() != null && !lookup.candidates().contains(info)) {
				return null;
			}
			if (!anyMatches(patterns, lookup.path())) {
				return null;
			}
		}
		return super.getMatchingMapping(info, request);
	}

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		prefixes = null;
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		prefixes = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		prefixes = null;
	}

	private Prefixes prefixes() {
		Prefixes made = prefixes;
		if (made == null) {
			made = Prefixes.of(getHandlerMethods().keySet());
			prefixes = made;
		}
		return made;
	}

	private static boolean anyMatches(PathPatternsRequestCondition patterns, PathContainer path) {
		for (PathPattern pattern : patterns.getPatterns()) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

	private record Lookup(PathContainer path, @Nullable Set<RequestMappingInfo> candidates) {
	}

	/**
	 * The mappings filed by the literal segments their patterns start with, as a tree of
	 * segments: a mapping is filed at the node where its pattern's literal start ends, so
	 * it can match only a path that walks through that node.
	 */
	static final class Prefixes {

		private final Map<String, Prefixes> next = new HashMap<>();

		private final List<RequestMappingInfo> filed = new ArrayList<>();

		static Prefixes of(Set<RequestMappingInfo> mappings) {
			Prefixes root = new Prefixes();
			for (RequestMappingInfo info : mappings) {
				PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
				if (patterns == null) {
					root.filed.add(info);
					continue;
				}
				for (PathPattern pattern : patterns.getPatterns()) {
					root.file(literalStart(pattern.getPatternString()), info);
				}
			}
			return root;
		}

		private void file(List<String> segments, RequestMappingInfo info) {
			Prefixes node = this;
			for (String segment : segments) {
				node = node.next.computeIfAbsent(segment, key -> new Prefixes());
			}
			node.filed.add(info);
		}

		/**
		 * The segments before the first that is not plain text (a variable, a wildcard,
		 * or an empty segment from a doubled or trailing slash).
		 */
		static List<String> literalStart(String pattern) {
			List<String> segments = new ArrayList<>();
			String[] parts = pattern.split("/", -1);
			for (int i = 1; i < parts.length; i++) {
				String part = parts[i];
				if (part.isEmpty() || part.indexOf('{') >= 0 || part.indexOf('}') >= 0 || part.indexOf('*') >= 0
						|| part.indexOf('?') >= 0) {
					break;
				}
				segments.add(part);
			}
			return segments;
		}

		/** Every mapping filed along the path's segments, from the root down. */
		Set<RequestMappingInfo> candidates(PathContainer path) {
			Set<RequestMappingInfo> found = Collections.newSetFromMap(new IdentityHashMap<>());
			Prefixes node = this;
			found.addAll(node.filed);
			for (PathContainer.Element element : path.elements()) {
				if (!(element instanceof PathContainer.PathSegment segment)) {
					continue;
				}
				node = node.next.get(segment.valueToMatch());
				if (node == null) {
					break;
				}
				found.addAll(node.filed);
			}
			return found;
		}

	}

}
