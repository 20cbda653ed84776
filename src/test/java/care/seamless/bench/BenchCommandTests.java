package care.seamless.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench command against the test server over real HTTP: two seconds of record views
 * by a practitioner over their caseload, and the last line a script reads.
 */
@SeamlessTest
class BenchCommandTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void viewsTheCaseloadForTwoSecondsAndEndsWithTheContractedLine() throws Exception {
		Fixtures.Staff nurse = fixtures.practitioner(fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST),
				Profession.DISTRICT_NURSE);
		PersonId person = fixtures.person(Fixtures.unique("Benched"), nurse);
		// The first API read of a fresh test server pays for lazy set-up (serialisers,
		// JIT) that could outlast a two-second window on a busy machine: pay it before
		// the clock.
		HttpResponse<Void> first = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/people/" + person))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((nurse.username() + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(first.statusCode()).isEqualTo(200);
		long auditedBefore = viewsAudited(person);

		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = new CommandLine(new BenchCommand()).setOut(new PrintWriter(out))
			.setErr(new PrintWriter(err))
			.execute("view", "--url", "http://localhost:" + port, "--clients", "2", "--seconds", "2", "--warmup", "1",
					"--password", Fixtures.PASSWORD, "--users", nurse.username());

		assertThat(err.toString()).isEmpty();
		assertThat(exit).as(out.toString()).isZero();
		List<String> lines = out.toString().lines().toList();
		Matcher last = FiguresTests.LAST_LINE.matcher(lines.get(lines.size() - 1));
		assertThat(last.matches()).as(lines.get(lines.size() - 1)).isTrue();
		assertThat(last.group(1)).isEqualTo("view");
		double opsPerSecond = Double.parseDouble(last.group(2));
		assertThat(opsPerSecond).isPositive();
		assertThat(Double.parseDouble(last.group(3))).isPositive()
			.isLessThanOrEqualTo(Double.parseDouble(last.group(4)));
		assertThat(out.toString()).contains("errors: none");
		// Every measured view was a real read of the person's record, audited.
		assertThat(viewsAudited(person) - auditedBefore).isGreaterThanOrEqualTo((long) Math.floor(opsPerSecond));
	}

	@Test
	void searchesTheCaseloadOverFhirByFamilyAndBirthDateAndEndsWithTheContractedLine() throws Exception {
		Fixtures.Staff nurse = fixtures.practitioner(fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST),
				Profession.DISTRICT_NURSE);
		PersonId person = fixtures.person(Fixtures.unique("Sought"), nurse);
		// As above, and the first FHIR request of a fresh server starts HAPI's servlet
		// (ADR 57).
		HttpResponse<Void> first = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient?family=Nobody"))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((nurse.username() + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(first.statusCode()).isEqualTo(200);
		long searchedBefore = audited(person, "read-fhir-search");

		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = new CommandLine(new BenchCommand()).setOut(new PrintWriter(out))
			.setErr(new PrintWriter(err))
			.execute("fhir-search", "--url", "http://localhost:" + port, "--clients", "2", "--seconds", "2", "--warmup",
					"1", "--password", Fixtures.PASSWORD, "--users", nurse.username());

		assertThat(err.toString()).isEmpty();
		assertThat(exit).as(out.toString()).isZero();
		List<String> lines = out.toString().lines().toList();
		Matcher last = FiguresTests.LAST_LINE.matcher(lines.get(lines.size() - 1));
		assertThat(last.matches()).as(lines.get(lines.size() - 1)).isTrue();
		assertThat(last.group(1)).isEqualTo("fhir-search");
		double opsPerSecond = Double.parseDouble(last.group(2));
		assertThat(opsPerSecond).isPositive();
		assertThat(out.toString()).contains("errors: none");
		// Every measured search found the person and audited them as returned by a
		// search.
		assertThat(audited(person, "read-fhir-search") - searchedBefore)
			.isGreaterThanOrEqualTo((long) Math.floor(opsPerSecond));
	}

	@Test
	void aWrongPasswordStopsBeforeMeasuringAndSaysWhy() {
		Fixtures.Staff nurse = fixtures.practitioner(fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST),
				Profession.DISTRICT_NURSE);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		int exit = new CommandLine(new BenchCommand()).setOut(new PrintWriter(out))
			.setErr(new PrintWriter(err))
			.execute("view", "--url", "http://localhost:" + port, "--seconds", "1", "--warmup", "0", "--password",
					"not-the-password", "--users", nurse.username());

		assertThat(exit).isEqualTo(BenchCommand.CANNOT_RUN);
		assertThat(err.toString()).contains("Could not sign in as " + nurse.username());
		assertThat(out.toString()).doesNotContain("workload=");
	}

	private long audited(PersonId person, String action) {
		return jdbc.sql("select count(*) from audit.entry where person_id = ? and action = ? and outcome = 'PERMITTED'")
			.param(person.id())
			.param(action)
			.query(Long.class)
			.single();
	}

	private long viewsAudited(PersonId person) {
		return jdbc.sql("select count(*) from audit.entry where person_id = ? and outcome = 'PERMITTED'")
			.param(person.id())
			.query(Long.class)
			.single();
	}

}
