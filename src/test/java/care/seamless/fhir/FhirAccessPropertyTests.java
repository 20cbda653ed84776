package care.seamless.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.person.People;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever the partnership (who holds each record, who is in which care team,
 * which organisations share general information), no FHIR read or search returns a
 * Patient (or CareTeam, or Consent) the record page would not open, none shows details
 * the page withholds, and {@code Bundle.total} is exactly what is returned; the same for
 * {@code Patient/$everything} and a Patient {@code $export}. {@link AccessPolicy} is the
 * oracle, asked directly; the FHIR server is asked over HTTP.
 */
class FhirAccessPropertyTests {

	@SeamlessTest
	static class SpringContext {

	}

	static ApplicationContext context;

	@BeforeContainer
	static void springContext() {
		context = new TestContextManager(SpringContext.class).getTestContext().getApplicationContext();
	}

	/**
	 * Three organisations; each person: which organisation registered them (null: the
	 * partnership), which extra practitioners are in their care team; which pairs of
	 * organisations share general information.
	 */
	record Plan(List<Integer> holders, List<Set<Integer>> members, Set<Integer> agreements) {
	}

	@Provide
	Arbitrary<Plan> plans() {
		Arbitrary<List<Integer>> holders = Arbitraries.integers().between(-1, 2).list().ofMinSize(2).ofMaxSize(5);
		Arbitrary<List<Set<Integer>>> members = Arbitraries.integers()
			.between(0, 2)
			.set()
			.ofMaxSize(2)
			.list()
			.ofSize(5);
		Arbitrary<Set<Integer>> agreements = Arbitraries.integers().between(0, 2).set();
		return Combinators.combine(holders, members, agreements).as(Plan::new);
	}

	@Property(tries = 5, seed = "20261205", shrinking = ShrinkingMode.OFF)
	void fhirNeverReturnsWhatThePageWithholds(@ForAll("plans") Plan plan) {
		Fixtures fixtures = context.getBean(Fixtures.class);
		People people = context.getBean(People.class);
		AccessPolicy policy = context.getBean(AccessPolicy.class);
		Choices choices = context.getBean(Choices.class);
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		List<OrganisationId> organisations = new ArrayList<>();
		List<Staff> staff = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			organisations.add(fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST));
			staff.add(fixtures.practitioner(organisations.get(i), Profession.DISTRICT_NURSE));
		}
		for (int pair : plan.agreements()) {
			fixtures.agreement(Set.of(organisations.get(pair), organisations.get((pair + 1) % 3)),
					DataCategory.GENERAL);
		}
		String family = Fixtures.unique("Prop");
		Map<PersonId, OrganisationId> holders = new java.util.HashMap<>();
		for (int i = 0; i < plan.holders().size(); i++) {
			int holder = plan.holders().get(i);
			PersonId person = holder < 0 ? fixtures.person(family, staff.get(i % 3))
					: people.register(staff.get(holder).actor(),
							Fixtures.details("P" + i, family, LocalDate.of(1950, 1, 1 + i), Fixtures.nextNhsNumber()));
			holders.put(person, holder < 0 ? null : organisations.get(holder));
			// A sharing choice on every record: Consent follows the record's decision.
			choices.record(holder < 0 ? staff.get(i % 3).actor() : staff.get(holder).actor(), person,
					new NewChoice(ChoiceKind.CONSENT, organisations.get((i + 1) % 3), null, HowGiven.WRITTEN,
							LocalDate.now().minusDays(1), null, null));
			for (int member : plan.members().get(i)) {
				if (holder != member && !(holder < 0 && member == i % 3)) {
					fixtures.addToCareTeam(person, staff.get(member));
				}
			}
		}
		for (Staff reader : staff) {
			FhirClient client = new FhirClient(port, reader.username());
			Set<String> opens = new HashSet<>();
			for (PersonId person : holders.keySet()) {
				boolean open = policy.decideRecord(reader.actor(), person).permitted();
				boolean details = policy.decide(reader.actor(), person, DataCategory.GENERAL, holders.get(person))
					.permitted();
				FhirClient.Reply read = client.get("/Patient/" + person.id());
				assertThat(read.status()).as("read " + reader.username()).isEqualTo(open ? 200 : 403);
				// The resources inside a record follow the record's decision: the care
				// team
				// is found (and counted) exactly when the record would open.
				assertThat(client.get("/CareTeam?patient=" + person.id()).as(Bundle.class).getTotal())
					.as("care team for " + reader.username())
					.isEqualTo(open ? 1 : 0);
				assertThat(client.get("/Consent?patient=" + person.id()).as(Bundle.class).getTotal())
					.as("consent for " + reader.username())
					.isEqualTo(open ? 1 : 0);
				FhirClient.Reply everything = client.get("/Patient/" + person.id() + "/$everything");
				assertThat(everything.status()).as("$everything " + reader.username()).isEqualTo(open ? 200 : 403);
				if (open) {
					Bundle all = everything.as(Bundle.class);
					assertThat(all.getTotal()).isEqualTo(all.getEntry().size());
					assertThat(all.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Consent");
					assertThat(((Patient) all.getEntryFirstRep().getResource()).getMeta().getSecurity().isEmpty())
						.as("redaction in $everything")
						.isEqualTo(details);
				}
				if (open) {
					opens.add(person.id().toString());
					assertThat(read.as(Patient.class).getMeta().getSecurity().isEmpty()).as("redaction")
						.isEqualTo(details);
				}
			}
			Bundle bundle = client.get("/Patient?family=" + family + "&_count=2").as(Bundle.class);
			Set<String> listed = new HashSet<>();
			while (true) {
				bundle.getEntry().forEach(e -> listed.add(e.getResource().getIdElement().getIdPart()));
				assertThat(bundle.getTotal()).as("total").isEqualTo(opens.size());
				if (bundle.getLink("next") == null) {
					break;
				}
				bundle = client.get(bundle.getLink("next").getUrl()).as(Bundle.class);
			}
			assertThat(listed).as("search for " + reader.username()).isEqualTo(opens);
			// One export a try (an export reads every record the reader may open, so it
			// is the slowest call here): the first reader's, whose relationships vary.
			if (reader == staff.get(0)) {
				assertThat(exportedPatients(client, family)).as("$export for " + reader.username()).isEqualTo(opens);
			}
		}
	}

	/** The Patients of {@code family} in a Patient-only $export, polled to a deadline. */
	private static Set<String> exportedPatients(FhirClient client, String family) {
		var kickOff = client.raw("/$export?_type=Patient", "Prefer", "respond-async");
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
		var poll = client.raw(status);
		while (poll.statusCode() == 202 && java.time.Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			poll = client.raw(status);
		}
		assertThat(poll.statusCode()).as(poll.body()).isEqualTo(200);
		java.util.regex.Matcher url = java.util.regex.Pattern.compile("\"url\":\"([^\"]*_type=Patient)\"")
			.matcher(poll.body());
		Set<String> found = new HashSet<>();
		if (url.find()) {
			for (String line : client.raw(url.group(1)).body().split("\n")) {
				if (!line.isBlank()) {
					Patient patient = FhirClient.CONTEXT.newJsonParser().parseResource(Patient.class, line);
					if (patient.getNameFirstRep().getFamily().equals(family)) {
						found.add(patient.getIdElement().getIdPart());
					}
				}
			}
		}
		return found;
	}

}