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
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever the partnership (who holds each record, who is in which care team,
 * which organisations share general information), no FHIR read or search returns a
 * Patient (or CareTeam, or Consent) the record page would not open, none shows details
 * the page withholds, and {@code Bundle.total} is exactly what is returned; the same for
 * {@code Patient/$everything} and a {@code $export} of Patient, CareTeam and Consent.
 * {@link AccessPolicy} is the oracle, asked directly; the FHIR server is asked over HTTP.
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
				// team is found (and counted) exactly when the record would open.
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
				Map<String, List<Resource>> exported = client.export("/$export?_type=Patient,CareTeam,Consent");
				Set<String> ours = new HashSet<>();
				holders.keySet().forEach(p -> ours.add(p.id().toString()));
				assertThat(persons(exported, "Patient", ours, r -> r.getIdElement().getIdPart()))
					.as("$export Patients for " + reader.username())
					.isEqualTo(opens);
				// The resources inside a record follow the record's decision, as their
				// searches do.
				assertThat(persons(exported, "CareTeam", ours,
						r -> ((CareTeam) r).getSubject().getReferenceElement().getIdPart()))
					.as("$export CareTeams for " + reader.username())
					.isEqualTo(opens);
				assertThat(persons(exported, "Consent", ours,
						r -> ((Consent) r).getPatient().getReferenceElement().getIdPart()))
					.as("$export Consents for " + reader.username())
					.isEqualTo(opens);
			}
		}
	}

	/** The people of this try that the exported resources of {@code type} are about. */
	private static Set<String> persons(Map<String, List<Resource>> exported, String type, Set<String> ours,
			java.util.function.Function<Resource, String> person) {
		Set<String> found = new HashSet<>();
		for (Resource resource : exported.getOrDefault(type, List.of())) {
			String id = person.apply(resource);
			if (ours.contains(id)) {
				found.add(id);
			}
		}
		return found;
	}

}