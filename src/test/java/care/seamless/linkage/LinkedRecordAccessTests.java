package care.seamless.linkage;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.consent.AccessDecision;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.consent.WithheldReason;
import care.seamless.person.Entry;
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.person.PersonSummary;
import care.seamless.person.Sex;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10, hole 2: a link between two records of one person never widens anyone's
 * access. The table's world: the council holds the original record (its social worker
 * leads); the trust holds a duplicate (its nurse leads); a team manager of the council
 * links them from the review queue. The nurse is in the duplicate's care team only; every
 * row asks what she may see of the original through the link. An entry on the original is
 * recorded by the council or, where the row says so, by a third organisation (a housing
 * provider) in the original's care team.
 */
@SeamlessTest
class LinkedRecordAccessTests {

	private static final AtomicInteger DAY = new AtomicInteger();

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	Matching matching;

	@Autowired
	MatchRepository repository;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	Choices choices;

	@Autowired
	JdbcClient jdbc;

	enum Source {

		COUNCIL, HOUSING

	}

	/**
	 * One row: its setup, the entry's category and source, whether the nurse may open the
	 * original record through the link, and the entry's withheld reason (null: visible).
	 */
	record Case(String name, Consumer<World> given, DataCategory category, Source source, boolean opensRecord,
			@Nullable WithheldReason entry) {

		@java.lang.Override
		public String toString() {
			return name;
		}

	}

	static Stream<Case> cases() {
		List<Case> cases = new ArrayList<>();
		cases.add(new Case("agreements on both sides, no objection: the link carries", w -> w.holderAgreement(),
				DataCategory.GENERAL, Source.COUNCIL, true, null));
		cases.add(new Case("objection on the original record to the nurse's organisation withholds the original",
				w -> w.holderAgreement().objection(w.original, w.trust), DataCategory.GENERAL, Source.COUNCIL, false,
				WithheldReason.NO_RELATIONSHIP));
		cases.add(new Case("objection to every organisation on the original withholds it from the duplicate's team",
				w -> w.holderAgreement().objection(w.original, null), DataCategory.GENERAL, Source.COUNCIL, false,
				WithheldReason.NO_RELATIONSHIP));
		cases.add(new Case("objection recorded on the duplicate holds for the original too",
				w -> w.holderAgreement().objection(w.duplicate, w.trust), DataCategory.GENERAL, Source.COUNCIL, false,
				WithheldReason.NO_RELATIONSHIP));
		cases.add(new Case("objection to another organisation only: the link carries",
				w -> w.holderAgreement().objection(w.original, w.housing), DataCategory.GENERAL, Source.COUNCIL, true,
				null));
		cases.add(new Case("no agreement with the original's holder: the link does not carry", w -> {
		}, DataCategory.GENERAL, Source.COUNCIL, false, WithheldReason.NO_RELATIONSHIP));
		cases.add(new Case("no agreement with the original's holder, though one with the entry's source",
				w -> w.sourceAgreement(), DataCategory.GENERAL, Source.HOUSING, false, WithheldReason.NO_RELATIONSHIP));
		cases.add(new Case("agreement with the original's holder but none with the entry's source",
				w -> w.holderAgreement(), DataCategory.GENERAL, Source.HOUSING, true, WithheldReason.NO_AGREEMENT));
		cases.add(new Case("agreements with holder and source: the entry crosses",
				w -> w.holderAgreement().sourceAgreement(), DataCategory.GENERAL, Source.HOUSING, true, null));
		cases.add(new Case("the holder's agreement lacks the entry's category",
				w -> w.holderAgreement(DataCategory.GENERAL), DataCategory.FINANCES, Source.COUNCIL, true,
				WithheldReason.NO_RELATIONSHIP));
		cases.add(new Case("an objection to one category withholds only that category",
				w -> w.holderAgreement().objection(w.original, w.trust, DataCategory.FINANCES), DataCategory.FINANCES,
				Source.COUNCIL, true, WithheldReason.NO_RELATIONSHIP));
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void aLinkNeverWidensAccessPastObjectionsAndAgreements(Case c) {
		World w = new World();
		c.given().accept(w);
		Fixtures.Staff author = c.source() == Source.COUNCIL ? w.socialWorker : w.housingOfficer;
		people.addEntry(author.actor(), w.original, c.category(), "Note", "Body");
		w.link();

		assertThat(accessPolicy.decideRecord(w.nurse.actor(), w.original).permitted()).as("%s: opens", c.name())
			.isEqualTo(c.opensRecord());
		AccessDecision decision = accessPolicy.decide(w.nurse.actor(), w.original, c.category(),
				c.source() == Source.COUNCIL ? w.council : w.housing);
		assertThat(decision.withheld()).as("%s: entry", c.name()).isEqualTo(c.entry());
		// The list path agrees: the combined record of her own duplicate shows the entry
		// only when the decision does, and the original itself refuses her when it
		// should.
		List<String> seen = people.record(w.nurse.actor(), w.duplicate)
			.entries()
			.entries()
			.stream()
			.map(Entry::title)
			.toList();
		assertThat(seen).as("%s: list", c.name()).hasSize(c.entry() == null ? 1 : 0);
		if (!c.opensRecord()) {
			assertThatThrownBy(() -> people.record(w.nurse.actor(), w.original)).isInstanceOf(AccessDenied.class);
		}
		// And unlinking leaves her with nothing of the original, whatever the row.
		matching.unlink(w.manager.actor(), w.duplicate);
		assertThat(accessPolicy.decideRecord(w.nurse.actor(), w.original).permitted()).isFalse();
	}

	@Test
	void theDeciderGainsNoRelationshipWithEitherRecord() {
		World w = new World().holderAgreement();
		w.link();

		assertThat(accessPolicy.decideRecord(w.manager.actor(), w.original).permitted()).isFalse();
		assertThat(accessPolicy.decideRecord(w.manager.actor(), w.duplicate).permitted()).isFalse();
		assertThat(careTeamOf(w.original)).doesNotContain(w.manager.practitionerId().id());
		assertThat(careTeamOf(w.duplicate)).doesNotContain(w.manager.practitionerId().id());
	}

	@Test
	void theImporterGainsNoRelationshipAndACloseMatchIsQueuedNotLinked() {
		World w = new World().holderAgreement();
		Fixtures.Staff administrator = fixtures.practitioner(w.trust, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		// The original's woman, her given name spelt another way, no NHS number.
		String csv = "first_name,surname,dob,address_1,town,postcode\nMaggie,%s,%s,12 Mill Road,Riverside,%s\n"
			.formatted(w.family, w.dob, w.postcode);

		ImportReport report = peopleImport.importCsv(administrator.actor(), new StringReader(csv), Map.of());

		ImportReport.Imported imported = report.people().get(0);
		assertThat(imported.outcome()).isEqualTo(ImportReport.Outcome.REVIEW);
		assertThat(repository.pair(w.original, imported.id()).orElseThrow().status()).isEqualTo(MatchStatus.PENDING);
		assertThat(jdbc.sql("select count(*) from consent.identity_link where person_id = :id")
			.param("id", imported.id().id())
			.query(Long.class)
			.single()).isZero();
		assertThat(careTeamOf(imported.id())).isEmpty();
		assertThat(accessPolicy.decideRecord(administrator.actor(), imported.id()).permitted()).isFalse();
		assertThat(accessPolicy.decideRecord(administrator.actor(), w.original).permitted()).isFalse();
	}

	@Test
	void theSameNhsNumberLinksTheImportedRecordAndTheRestOfTheFileIsApplied() {
		World w = new World().holderAgreement();
		Fixtures.Staff administrator = fixtures.practitioner(w.trust, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		String newcomer = Fixtures.unique("Pettigrew");
		// Line 2 has the original's NHS number under a different spelling; line 3 is
		// nobody known.
		String csv = """
				first_name,surname,dob,nhs_number
				Meg,%s,%s,%s
				Albert,%s,1950-06-01,
				""".formatted(w.family + "e", w.dob, w.nhsNumber, newcomer);

		ImportReport report = peopleImport.importCsv(administrator.actor(), new StringReader(csv), Map.of());

		assertThat(report.people()).extracting(ImportReport.Imported::outcome)
			.containsExactly(ImportReport.Outcome.LINKED, ImportReport.Outcome.CREATED);
		PersonId linked = report.people().get(0).id();
		assertThat(repository.clusterOf(linked)).isEqualTo(w.original);
		assertThat(repository.pair(w.original, linked).orElseThrow().rule()).isEqualTo(Matcher.IDENTIFIER_RULE);
		assertThat(careTeamOf(linked)).isEmpty();
		assertThat(accessPolicy.decideRecord(administrator.actor(), w.original).permitted()).isFalse();
		assertThat(jdbc.sql("select count(*) from person.person where family_name = :f")
			.param("f", newcomer)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anImportWithSeveralBadLinesReportsThemAllWithFieldsAndAppliesNothing() {
		World w = new World();
		Fixtures.Staff administrator = fixtures.practitioner(w.trust, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		String newcomer = Fixtures.unique("Ormerod");
		// Line 2 is good; line 3 would link on the NHS number; 4, 5 and 6 are bad.
		String csv = """
				first_name,surname,dob,nhs_number
				Nora,%s,1944-04-04,
				Meg,%s,%s,%s
				,%s,1945-05-05,
				Olive,%s,31/02/1950,
				Pearl,%s,1951-01-01,1234567890
				""".formatted(newcomer, w.family, w.dob, w.nhsNumber, newcomer, newcomer, newcomer);

		assertThatThrownBy(() -> peopleImport.importCsv(administrator.actor(), new StringReader(csv), Map.of()))
			.isInstanceOfSatisfying(ImportRejected.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.line() + ":" + p.field() + ":" + p.messageKey())
						.containsExactly("4:given_name:matching.import.error.givenName",
								"5:date_of_birth:matching.import.error.dateOfBirthFormat",
								"6:nhs_number:matching.import.error.nhsNumber"));

		assertThat(jdbc.sql("select count(*) from person.person where family_name in (:f, :g)")
			.param("f", newcomer)
			.param("g", w.family)
			.query(Long.class)
			.single()).as("nothing applied, the original alone remains").isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from linkage.person_link where survivor = :o")
			.param("o", w.original.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCaseloadShowsALinkedPersonOnceMarkedAsLinked() {
		World w = new World().holderAgreement();
		// The social worker is in both records' care teams, and reaches the duplicate
		// through the link anyway.
		fixtures.addToCareTeam(w.duplicate, w.socialWorker);
		assertThat(caseload(w)).extracting(PersonSummary::id).containsExactlyInAnyOrder(w.original, w.duplicate);

		w.link();

		assertThat(caseload(w)).singleElement().satisfies(p -> {
			assertThat(p.id()).isEqualTo(w.original);
			assertThat(p.linked()).isTrue();
		});
		assertThat(people.caseload(w.socialWorker.actor(), 1).total()).isEqualTo(1);
		// The nurse, in the duplicate's team only, sees the person once too, marked.
		assertThat(people.caseload(w.nurse.actor(), 1).people()).singleElement()
			.satisfies(p -> assertThat(p.linked()).isTrue());
	}

	// The social worker is new to this world, so her caseload holds nobody else.
	private List<PersonSummary> caseload(World w) {
		return people.caseload(w.socialWorker.actor(), 1).people();
	}

	private List<Object> careTeamOf(PersonId person) {
		return jdbc.sql("select practitioner_id from team.care_team_member where person_id = :p")
			.param("p", person.id())
			.query((rs, n) -> rs.getObject(1))
			.list();
	}

	/** The council's original record, the trust's duplicate, and who works on each. */
	final class World {

		final OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);

		final OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);

		final OrganisationId housing = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);

		final Fixtures.Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);

		// Managers decide pairs in which they answer for one record (ADR 16): this one
		// manages the social worker who leads the council's record.
		final Fixtures.Staff manager = fixtures.practitionerIn(council, socialWorker.teamId(), Profession.SOCIAL_WORKER,
				true, Role.TEAM_MANAGER);

		final Fixtures.Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);

		final Fixtures.Staff housingOfficer = fixtures.practitioner(housing, Profession.SOCIAL_WORKER);

		final String family = Fixtures.unique("Linkwater");

		final LocalDate dob = LocalDate.of(1930, 1, 1).plusDays(DAY.incrementAndGet() * 43L);

		final String postcode = "ZQ" + (DAY.get() % 90 + 10) + " 7" + (char) ('A' + DAY.get() % 26) + "L";

		final String nhsNumber = Fixtures.nextNhsNumber();

		final PersonId original = people.register(socialWorker.actor(), details("Margaret", nhsNumber));

		final PersonId duplicate = people.register(nurse.actor(), details("Margarett", null));

		World() {
			fixtures.addToCareTeam(original, housingOfficer);
		}

		private PersonDetails details(String given, @Nullable String nhs) {
			return new PersonDetails(nhs, null, given, family, null, null, dob, Sex.FEMALE, null, "12 Mill Road", null,
					"Riverside", postcode, null, null, null, false, null);
		}

		World holderAgreement(DataCategory... categories) {
			fixtures.agreement(Set.of(trust, council), categories.length == 0 ? DataCategory.values() : categories);
			return this;
		}

		World sourceAgreement() {
			fixtures.agreement(Set.of(trust, housing), DataCategory.values());
			return this;
		}

		World objection(PersonId record, @Nullable OrganisationId to, DataCategory... category) {
			Fixtures.Staff recorder = record.equals(original) ? socialWorker : nurse;
			choices.record(recorder.actor(), record,
					new NewChoice(ChoiceKind.OBJECTION, to, category.length == 0 ? null : category[0], HowGiven.VERBAL,
							LocalDate.now().minusDays(1), null, null));
			return this;
		}

		/** Links the two records from the review queue, as the team manager. */
		void link() {
			matching.match(fixtures.admin, duplicate, false);
			MatchRepository.CandidateRow pair = repository.pair(original, duplicate).orElseThrow();
			matching.decide(manager.actor(), pair.id(), pair.version(), MatchStatus.LINKED);
			assertThat(repository.clusterOf(duplicate)).isEqualTo(original);
		}

	}

}
