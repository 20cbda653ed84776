package care.seamless.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One simulated practitioner: a connection of its own, a session signed in through the
 * form (as a browser does, so the server checks the password once, not per request), the
 * CSRF token of that session for form posts, and HTTP Basic credentials for the FHIR
 * endpoint, which keeps no session (partner systems send credentials on every request;
 * the server remembers a right password for five minutes, ADR 40).
 * <p>
 * Signing in and finding targets go through Java's {@code HttpClient}; the measured
 * requests ({@link Call}) go through a {@link Wire} of the client's own, with the cookies
 * the sign-in left.
 */
final class BenchClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http;

	private final URI base;

	private final String username;

	private final String password;

	private final String basic;

	private final CookieManager cookies = new CookieManager();

	private final Wire wire;

	private final String hostHeader;

	private final Map<String, String> wireCookies = new LinkedHashMap<>();

	private String csrf = "";

	BenchClient(URI base, String username, String password) {
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.base = base;
		this.username = username;
		this.basic = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.password = password;
		this.wire = new Wire(base);
		this.hostHeader = base.getPort() == -1 ? base.getHost() : base.getHost() + ":" + base.getPort();
	}

	/**
	 * One measured request: what it asks for, kept apart from how it is sent.
	 *
	 * @param method GET or POST
	 * @param target the path and query
	 * @param accept the Accept header, or null
	 * @param contentType the body's type, or null for no body
	 * @param body the body, or null
	 * @param basic whether to send the HTTP Basic credentials
	 */
	record Call(String method, String target, String accept, String contentType, String body, boolean basic) {

		String path() {
			int query = target.indexOf('?');
			return query < 0 ? target : target.substring(0, query);
		}

	}

	String username() {
		return username;
	}

	/**
	 * Signs in through the form; fails with the reason when the server did not accept it.
	 */
	void signIn() throws IOException, InterruptedException {
		HttpResponse<String> login = send(get("/login"));
		String token = csrfOf(login.body());
		HttpResponse<String> signedIn = send(form("/login",
				Map.of("username", username, "password", password, "_csrf", token == null ? "" : token)));
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() / 100 != 3 || location.contains("/login")) {
			throw new IllegalStateException("Could not sign in as " + username + " at " + base + " (HTTP "
					+ signedIn.statusCode() + (location.isEmpty() ? "" : " to " + location)
					+ "): check --password and that the account exists");
		}
		// The session's token, masked differently on each page but valid for the whole
		// session.
		csrf = csrfOf(send(get("/people/new")).body());
		if (csrf == null) {
			csrf = "";
		}
	}

	String csrf() {
		return csrf;
	}

	Call call(String path) {
		return new Call("GET", path, null, null, null, false);
	}

	Call callJson(String path) {
		return new Call("GET", path, "application/json", null, null, false);
	}

	Call fhirCall(String path) {
		return new Call("GET", path, "application/fhir+json", null, null, true);
	}

	Call fhirPostCall(String path, String json) {
		return new Call("POST", path, "application/fhir+json", "application/fhir+json", json, true);
	}

	Call formCall(String path, Map<String, String> fields) {
		return new Call("POST", path, null, "application/x-www-form-urlencoded", formBody(fields), false);
	}

	/**
	 * Sends a measured request over this client's own connection with the session's
	 * cookies; the body is read (the server has done its work) but kept only when asked.
	 */
	Wire.Answer exchange(Call call, boolean keepBody) throws IOException {
		if (wireCookies.isEmpty()) {
			for (HttpCookie cookie : cookies.getCookieStore().get(base)) {
				wireCookies.put(cookie.getName(), cookie.getValue());
			}
		}
		byte[] body = call.body() == null ? null : call.body().getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder(256).append(call.method())
			.append(' ')
			.append(call.target())
			.append(" HTTP/1.1\r\nHost: ")
			.append(hostHeader)
			.append("\r\n");
		if (call.accept() != null) {
			head.append("Accept: ").append(call.accept()).append("\r\n");
		}
		if (call.basic()) {
			head.append("Authorization: ").append(basic).append("\r\n");
		}
		if (!wireCookies.isEmpty()) {
			head.append("Cookie: ");
			wireCookies.forEach((name, value) -> head.append(name).append('=').append(value).append("; "));
			head.setLength(head.length() - 2);
			head.append("\r\n");
		}
		if (body != null) {
			head.append("Content-Type: ")
				.append(call.contentType())
				.append("\r\nContent-Length: ")
				.append(body.length)
				.append("\r\n");
		}
		head.append("\r\n");
		Wire.Answer answer = wire.exchange(head.toString().getBytes(StandardCharsets.ISO_8859_1), body, keepBody);
		if (answer.setCookie() != null) {
			// A session the server replaced (it never should mid-run, but a browser would
			// follow).
			HttpCookie.parse(answer.setCookie())
				.forEach(cookie -> wireCookies.put(cookie.getName(), cookie.getValue()));
		}
		return answer;
	}

	HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
	}

	HttpRequest.Builder getJson(String path) {
		return get(path).header("Accept", "application/json");
	}

	HttpRequest.Builder fhirGet(String path) {
		return get(path).header("Accept", "application/fhir+json").header("Authorization", basic);
	}

	HttpRequest.Builder form(String path, Map<String, String> fields) {
		return HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(fields)));
	}

	private static String formBody(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Closes the measured requests' connection. */
	void close() {
		wire.close();
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String csrfOf(String page) {
		Matcher matcher = CSRF.matcher(page);
		return matcher.find() ? matcher.group(1) : null;
	}

}
