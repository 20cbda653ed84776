package care.seamless.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
 */
final class BenchClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http;

	private final URI base;

	private final String username;

	private final String password;

	private final String basic;

	private String csrf = "";

	BenchClient(URI base, String username, String password) {
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.base = base;
		this.username = username;
		this.basic = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.password = password;
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

	HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
	}

	HttpRequest.Builder getJson(String path) {
		return get(path).header("Accept", "application/json");
	}

	HttpRequest.Builder fhirGet(String path) {
		return get(path).header("Accept", "application/fhir+json").header("Authorization", basic);
	}

	HttpRequest.Builder fhirPost(String path, String json) {
		return HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/fhir+json")
			.header("Content-Type", "application/fhir+json")
			.header("Authorization", basic)
			.POST(HttpRequest.BodyPublishers.ofString(json));
	}

	HttpRequest.Builder form(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * For the measured requests: the body is read (the server has done its work) but not
	 * kept.
	 */
	HttpResponse<Void> sendDiscarding(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.discarding());
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String csrfOf(String page) {
		Matcher matcher = CSRF.matcher(page);
		return matcher.find() ? matcher.group(1) : null;
	}

}
