package care.seamless.fhir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import ca.uhn.fhir.context.FhirContext;
import care.seamless.Fixtures;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Real HTTP to the FHIR servlet (MockMvc reaches only Spring's dispatcher, not a servlet
 * of its own), as a given account over Basic or anonymously.
 */
final class FhirClient {

	static final FhirContext CONTEXT = FhirContext.forR4Cached();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String base;

	private final @Nullable String username;

	FhirClient(int port, @Nullable String username) {
		this.base = "http://localhost:" + port + "/fhir";
		this.username = username;
	}

	record Reply(int status, String body, @Nullable String location) {

		<T extends IBaseResource> T as(Class<T> type) {
			return CONTEXT.newJsonParser().parseResource(type, body);
		}

		OperationOutcome outcome() {
			return as(OperationOutcome.class);
		}

		String code() {
			return outcome().getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
		}

		String expression() {
			return outcome().getIssueFirstRep().getExpression().isEmpty() ? null
					: outcome().getIssueFirstRep().getExpression().get(0).getValue();
		}

	}

	Reply get(String path) {
		return send(request(path).GET());
	}

	Reply post(String path, String body) {
		return send(request(path).header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	Reply delete(String path) {
		return send(request(path).DELETE());
	}

	Reply put(String path, String body) {
		return send(request(path).header("Content-Type", "application/fhir+json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	Reply put(String path, String body, String ifMatch) {
		return send(request(path).header("Content-Type", "application/fhir+json")
			.header("If-Match", ifMatch)
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A GET with extra headers (name, value, ...), answered as it came. */
	HttpResponse<String> raw(String path, String... headers) {
		HttpRequest.Builder request = request(path).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs a Bulk Data export ({@code path} the kick-off, e.g.
	 * {@code /$export?_type=Flag}) to its end, polled to a deadline: each type's NDJSON
	 * lines, parsed.
	 */
	java.util.Map<String, java.util.List<org.hl7.fhir.r4.model.Resource>> export(String path) {
		HttpResponse<String> kickOff = raw(path, "Prefer", "respond-async");
		if (kickOff.statusCode() != 202) {
			throw new AssertionError("kick-off " + kickOff.statusCode() + ": " + kickOff.body());
		}
		String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
		HttpResponse<String> poll = raw(status);
		while (poll.statusCode() == 202 && java.time.Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			poll = raw(status);
		}
		if (poll.statusCode() != 200) {
			throw new AssertionError("poll " + poll.statusCode() + ": " + poll.body());
		}
		java.util.Map<String, java.util.List<org.hl7.fhir.r4.model.Resource>> found = new java.util.TreeMap<>();
		java.util.regex.Matcher file = java.util.regex.Pattern.compile("\"type\":\"(\\w+)\",\"url\":\"([^\"]*)\"")
			.matcher(poll.body());
		while (file.find()) {
			java.util.List<org.hl7.fhir.r4.model.Resource> resources = new java.util.ArrayList<>();
			for (String line : raw(file.group(2)).body().split("\n")) {
				if (!line.isBlank()) {
					resources.add((org.hl7.fhir.r4.model.Resource) CONTEXT.newJsonParser().parseResource(line));
				}
			}
			found.put(file.group(1), resources);
		}
		return found;
	}

	private HttpRequest.Builder request(String path) {
		String url = path.startsWith("http") ? path : base + path;
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/fhir+json");
		if (username != null) {
			builder.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return builder;
	}

	private static Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
