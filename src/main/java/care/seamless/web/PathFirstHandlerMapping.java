package care.seamless.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
	 * The handler of the one mapping among those that can match the path that matches the
	 * request, answered as Spring answers a single match; null for none or several.
	 */
	private @Nullable HandlerMethod onlyMatch(PathContainer path, String lookupPath, HttpServletRequest request) {
		Index current = index();
		if (current == null) {
			return null;
		}
		// Spring tries the mappings of the whole path's literal patterns first and the
		// rest
		// only when none of those matches.
		List<RequestMappingInfo> direct = current.byDirectPath().get(lookupPath);
		Found only = direct == null ? Found.NONE : onlyMatch(direct, request);
		if (only == Found.NONE) {
			only = onlyMatch(current.candidates(path), request);
		}
		if (only == Found.NONE || only == Found.SEVERAL) {
			return null;
		}
		HandlerMethod handler = current.handlers().get(only.mapping());
		request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
		handleMatch(only.match(), lookupPath, request);
		return handler;
	}

	/**
	 * The one candidate that matches the request, with its match; or none, or several.
	 */
	private Found onlyMatch(List<RequestMappingInfo> candidates, HttpServletRequest request) {
		Found only = Found.NONE;
		for (RequestMappingInfo candidate : candidates) {
			RequestMappingInfo match = getMatchingMapping(candidate, request);
			if (match != null) {
				if (only != Found.NONE) {
					return Found.SEVERAL;
				}
				only = new Found(candidate, match);
			}
		}
		return only;
	}

	/** A mapping that matches the request and the match Spring made of it. */
	private record Found(@Nullable RequestMappingInfo mapping, @Nullable RequestMappingInfo match) {

		/** Told apart by identity, not by their (equal) contents. */
		static final Found NONE = new Found(null, null);

		static final Found SEVERAL = new Found(null, null);

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
			current = Index.of(getHandlerMethods(), this::getDirectPaths);
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
	 * {@code /api/v1/people/{id}/care-plan}), kept as a tree of segments so that a
	 * request's path is walked without building a string per segment; a mapping with
	 * several patterns is under each beginning, one without patterns at the root. A
	 * request's candidates are the mappings at each node its own segments reach, so every
	 * mapping that can match is among them. Beside the tree, the mappings whose patterns
	 * are wholly literal by their whole path ({@link #byDirectPath}): Spring tries these
	 * first and the rest only when none of them matches, so one of them matching alone is
	 * Spring's answer.
	 */
	record Index(Node root, Map<String, List<RequestMappingInfo>> byDirectPath,
			Map<RequestMappingInfo, HandlerMethod> handlers) {

		/** One literal segment of a beginning: the mappings that begin here and below. */
		record Node(List<RequestMappingInfo> here, Map<String, Node> below) {
		}

		static Index of(Map<RequestMappingInfo, HandlerMethod> handlers,
				Function<RequestMappingInfo, Set<String>> directPaths) {
			Building root = new Building();
			Map<String, List<RequestMappingInfo>> direct = new HashMap<>();
			for (RequestMappingInfo info : handlers.keySet()) {
				PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
				Set<Building> beginnings = Collections.newSetFromMap(new IdentityHashMap<>());
				if (patterns == null || patterns.getPatterns().isEmpty()) {
					beginnings.add(root);
				}
				else {
					patterns.getPatterns().forEach(pattern -> beginnings.add(root.at(pattern.getPatternString())));
				}
				beginnings.forEach(node -> node.here.add(info));
				for (String path : directPaths.apply(info)) {
					direct.computeIfAbsent(path, key -> new ArrayList<>()).add(info);
				}
			}
			direct.replaceAll((key, infos) -> List.copyOf(infos));
			return new Index(root.built(), Map.copyOf(direct), Map.copyOf(handlers));
		}

		/** The tree while it is built; {@link #built()} freezes it. */
		private static final class Building {

			final List<RequestMappingInfo> here = new ArrayList<>();

			final Map<String, Building> below = new HashMap<>();

			/** The node of the pattern's literal beginning, made as needed. */
			Building at(String pattern) {
				Building node = this;
				boolean first = true;
				for (String segment : pattern.split("/", -1)) {
					if (first && segment.isEmpty() && pattern.startsWith("/")) {
						// The empty text before the leading slash.
						first = false;
						continue;
					}
					first = false;
					if (segment.isEmpty() || !plain(segment)) {
						break;
					}
					node = node.below.computeIfAbsent(segment, key -> new Building());
				}
				return node;
			}

			Node built() {
				Map<String, Node> frozen = new HashMap<>();
				below.forEach((segment, node) -> frozen.put(segment, node.built()));
				return new Node(List.copyOf(here), Map.copyOf(frozen));
			}

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
			List<RequestMappingInfo> found = new ArrayList<>(root.here());
			Node node = root;
			for (PathContainer.Element element : path.elements()) {
				if (element instanceof PathContainer.PathSegment segment) {
					node = node.below().get(segment.valueToMatch());
					if (node == null) {
						break;
					}
					addAll(node.here(), found);
				}
			}
			return found;
		}

		private static void addAll(List<RequestMappingInfo> under, List<RequestMappingInfo> found) {
			for (RequestMappingInfo info : under) {
				// A mapping with two patterns can be under two beginnings of one path.
				if (!listed(info, found)) {
					found.add(info);
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
