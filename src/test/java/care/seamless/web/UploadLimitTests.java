package care.seamless.web;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads over the limit sent over real HTTP the way a browser sends them, with the CSRF
 * token as a part of the multipart form, which the container has to parse before Spring
 * Security can check it.
 */
@SeamlessTest
class UploadLimitTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final int THIRTEEN_MB = 13 * 1024 * 1024;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aBrowsersOverLimitDocumentGetsTheStyledPageNamingTheLimitAndNothingIsSaved() throws Exception {
		Fixtures.Staff nurse = nurse();
		PersonId person = fixtures.person(Fixtures.unique("Uploader"), nurse);
		HttpClient browser = signedIn(nurse);
		String csrf = csrfFrom(get(browser, "/people/" + person));

		HttpResponse<String> response = postMultipart(browser, "/people/" + person + "/documents", csrf,
				new byte[THIRTEEN_MB]);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(response.body()).contains("The file must be smaller than 10 MB")
			.contains("govuk-header")
			.contains("/logout")
			.doesNotContain("HTTP Status 413");
		assertThat(documents(person)).isZero();
	}

	@Test
	void anOverLimitImportGetsTheSamePage() throws Exception {
		Fixtures.Staff admin = fixtures.practitioner(fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST),
				Profession.DISTRICT_NURSE, Role.ADMINISTRATOR);
		HttpClient browser = signedIn(admin);
		String csrf = csrfFrom(get(browser, "/people/import"));

		HttpResponse<String> response = postMultipart(browser, "/people/import", csrf, new byte[THIRTEEN_MB]);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("The file must be smaller than 10 MB").contains("/logout");
	}

	@Test
	void anApiOverLimitUploadGetsProblemJsonWithAStableCode() throws Exception {
		Fixtures.Staff nurse = nurse();
		PersonId person = fixtures.person(Fixtures.unique("ApiUploader"), nurse);
		String basic = java.util.Base64.getEncoder()
			.encodeToString((nurse.username() + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
		Multipart body = new Multipart(Map.of("title", "Letter"), new byte[THIRTEEN_MB]);
		HttpRequest request = HttpRequest.newBuilder(address("/api/people/" + person + "/documents"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", body.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"code\":\"UPLOAD_TOO_LARGE\"")
			.contains("\"status\":413")
			.contains("The file must be smaller than 10 MB");
		assertThat(documents(person)).isZero();
	}

	@Test
	void theRefusalPageOpenedDirectlyIsNotFound() throws Exception {
		HttpClient browser = signedIn(nurse());
		assertThat(get(browser, "/upload-too-large").statusCode()).isEqualTo(404);
	}

	private long documents(PersonId person) {
		return jdbc.sql("select count(*) from person.document where person_id = ?")
			.param(person.id())
			.query(Long.class)
			.single();
	}

	private Fixtures.Staff nurse() {
		return fixtures.practitioner(fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST),
				Profession.DISTRICT_NURSE);
	}

	private HttpClient signedIn(Fixtures.Staff staff) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		String csrf = csrfFrom(get(browser, "/login"));
		String form = "username=" + URLEncoder.encode(staff.username(), StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(address("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.uri().getPath()).isNotEqualTo("/login");
		return browser;
	}

	private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(address(path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postMultipart(HttpClient browser, String path, String csrf, byte[] file)
			throws Exception {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf);
		fields.put("title", "Discharge letter");
		fields.put("kind", "LETTER");
		fields.put("category", "GENERAL");
		Multipart body = new Multipart(fields, file);
		return browser.send(HttpRequest.newBuilder(address(path))
			.header("Accept", "text/html")
			.header("Content-Type", body.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrfFrom(HttpResponse<String> page) {
		Matcher matcher = CSRF.matcher(page.body());
		assertThat(matcher.find()).as("a CSRF token on %s", page.uri()).isTrue();
		return matcher.group(1);
	}

	private URI address(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** A multipart/form-data body as a browser builds it: the fields, then the file. */
	private record Multipart(Map<String, String> fields, byte[] file) {

		private static final String BOUNDARY = "----SeamlessUploadLimit";

		String contentType() {
			return "multipart/form-data; boundary=" + BOUNDARY;
		}

		byte[] bytes() {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			fields.forEach(
					(name, value) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
							+ name + "\"\r\n\r\n" + value + "\r\n")
						.getBytes(StandardCharsets.UTF_8)));
			out.writeBytes(
					("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
							+ "Content-Type: text/csv\r\n\r\n")
						.getBytes(StandardCharsets.UTF_8));
			byte[] content = Arrays.copyOf(file, file.length);
			Arrays.fill(content, (byte) 'a');
			out.writeBytes(content);
			out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return out.toByteArray();
		}

	}

}
