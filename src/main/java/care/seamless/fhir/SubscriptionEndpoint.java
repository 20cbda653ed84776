package care.seamless.fhir;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which endpoints we POST notifications to: {@code https} only, so nothing about a person
 * crosses a network in clear, with a host, no credentials in the URL and no fragment.
 * Plain {@code http} is allowed to the loopback interface only and only where
 * configuration says so (tests, and a relay on the same machine). Any other scheme
 * ({@code file:}, {@code ftp:}, {@code jar:} ...) is refused here, and the sender never
 * follows a redirect, so it cannot be led to one later.
 */
final class SubscriptionEndpoint {

	static final int MAX_LENGTH = 2000;

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private SubscriptionEndpoint() {
	}

	/** What is wrong with the URL, or null when we will send to it. */
	static @Nullable String problem(@Nullable String url, boolean loopbackHttp) {
		if (url == null || url.isBlank()) {
			return "Give the endpoint: the https URL we POST notifications to";
		}
		if (url.length() > MAX_LENGTH || url.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
			return "The endpoint must be a URL of at most " + MAX_LENGTH
					+ " characters, with no spaces or control characters";
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "The endpoint is not a URL";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || uri.isOpaque() || host == null || host.isEmpty()) {
			return "The endpoint must be an absolute https URL with a host";
		}
		if (uri.getRawUserInfo() != null) {
			return "The endpoint must not carry a user name or password: send credentials in a header instead";
		}
		if (uri.getRawFragment() != null) {
			return "The endpoint must not have a fragment (#...)";
		}
		if (scheme.equals("https")) {
			return null;
		}
		if (scheme.equals("http") && loopbackHttp && LOOPBACK.contains(host)) {
			return null;
		}
		return "The endpoint must use https";
	}

}
