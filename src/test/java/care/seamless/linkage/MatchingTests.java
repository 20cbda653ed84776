package care.seamless.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.person.EntryPage;
import care.seamless.person.PersonIdentifier;
import care.seamless.person.PersonRecord;
import care.seamless.person.Sex;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import care.seamless.team.CareTeams;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Matching on the real database: candidates, the review decisions, and linking that
 * destroys nothing and can be undone exactly.
 */
@SeamlessTest
class MatchingTests {

	// Each test's people get their own date of birth and postcode, so they meet only each
	// other in the candidate query.
	private static final AtomicInteger DAY = new AtomicInteger();

	@Autowired
	Matching matching;

	@Autowired
	MatchRepository repository;

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	CareTeams careTeams;

	@Autowired
	Choices choices;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	OrganisationId council;

	OrganisationId trust;

	Fixtures.Staff socialWorker;

	Fixtures.Staff nurse;

	Fixtures.Staff manager;

	LocalDate dob;

	String family;

	String postcode;

	@BeforeEach
	void partnership() {
		council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		// Managers decide pairs in which they answer for one record (ADR 16): this one
		// manages the social worker who leads the council's records.
		manager = fixtures.practitionerIn(council, socialWorker.teamId(), Profession.SOCIAL_WORKER, true,
				Role.TEAM_MANAGER);
		int day = DAY.incrementAndGet();
		dob = LocalDate.of(1931, 1, 1).plusDays(day * 37L);
		postcode = "ZZ" + (day % 90 + 10) + " 9" + (char) ('A' + day % 26) + "Q";
	}

	private PersonDetails details(String given, String family, String nhs, String address) {
		return new PersonDetails(nhs, null, given, family, null, null, dob, Sex.FEMALE, null, address, null,
				"Riverside", postcode, null, null, null, false, null);
	}

	private PersonId register(PersonDetails details, Fixtures.Staff lead) {
		PersonId id = people.register(fixtures.admin, details);
		careTeams.addMember(fixtures.admin, id, lead.practitionerId(), lead.teamId(), "Lead", true);
		return id;
	}

	/** Two records of one woman, each agency's with its own identifier. */
	private PersonId[] twoRecordsOfOnePerson() {
		family = Fixtures.unique("Quillfeather");
		PersonId council = register(details("Margaret", family, null, "12 Mill Road"), socialWorker);
		people.addIdentifier(fixtures.admin, council,
				new PersonIdentifier("Riverside Council case number", Fixtures.unique("RC")));
		PersonId trust = register(details("Maggie", family, null, "12 Mill Rd"), nurse);
		return new PersonId[] { council, trust };
	}

	@Test
	void checkFindsTheExistingRecordAndExplainsTheScore() {
		PersonId[] records = twoRecordsOfOnePerson();

		List<PossibleMatch> matches = matching.check(socialWorker.actor(),
				details("Margaret", family, null, "12 Mill Road"));

		assertThat(matches).extracting(m -> m.person().id()).contains(records[0], records[1]);
		PossibleMatch best = matches.get(0);
		assertThat(best.person().id()).isEqualTo(records[0]);
		assertThat(best.score().contributions()).hasSize(Comparison.values().length);
		assertThat(best.score().contributions())
			.anySatisfy(c -> assertThat(c.comparison()).isEqualTo(Comparison.DATE_OF_BIRTH));
	}

	@Test
	void aPairDecidedNotTheSamePersonIsNeverProposedAgain() {
		PersonId[] records = twoRecordsOfOnePerson();
		assertThat(matching.match(fixtures.admin, records[1], false)).extracting(m -> m.person().id())
			.contains(records[0]);
		MatchRepository.CandidateRow pair = repository.pair(records[0], records[1]).orElseThrow();
		assertThat(pair.status()).isEqualTo(MatchStatus.PENDING);
		assertThat(pair.probability()).isGreaterThanOrEqualTo(0.5);
		assertThat(repository.contributions(pair.id())).hasSize(Comparison.values().length);

		matching.decide(manager.actor(), pair.id(), pair.version(), MatchStatus.NOT_SAME);

		assertThat(matching.match(fixtures.admin, records[1], false)).extracting(m -> m.person().id())
			.doesNotContain(records[0]);
		assertThat(matching.match(fixtures.admin, records[0], true)).extracting(m -> m.person().id())
			.doesNotContain(records[1]);
		assertThat(repository.pair(records[0], records[1]).orElseThrow().status()).isEqualTo(MatchStatus.NOT_SAME);
		assertThat(matching.queue(manager.actor())).extracting(MatchCandidate::id).doesNotContain(pair.id());
	}

	@Test
	void onlyAuthorisedRolesDecide() {
		PersonId[] records = twoRecordsOfOnePerson();
		matching.match(fixtures.admin, records[1], false);
		MatchRepository.CandidateRow pair = repository.pair(records[0], records[1]).orElseThrow();

		assertThatThrownBy(() -> matching.decide(socialWorker.actor(), pair.id(), pair.version(), MatchStatus.LINKED))
			.isInstanceOf(NotAuthorisedToDecide.class);
		assertThatThrownBy(() -> matching.queue(nurse.actor())).isInstanceOf(NotAuthorisedToDecide.class);
		assertThat(repository.pair(records[0], records[1]).orElseThrow().status()).isEqualTo(MatchStatus.PENDING);
		assertThat(jdbc.sql("""
				select count(*) from audit.entry
				where account = :who and outcome = 'DENIED' and action = 'decide-linked'""")
			.param("who", socialWorker.username())
			.query(Long.class)
			.single()).isEqualTo(1);

		matching.decide(manager.actor(), pair.id(), pair.version(), MatchStatus.NEEDS_INFO);
		assertThat(repository.pair(records[0], records[1]).orElseThrow().status()).isEqualTo(MatchStatus.NEEDS_INFO);
	}

	@Test
	void aThirdRecordJoinsTheLinkedPersonAndEachLinkIsUndoneOnItsOwn() {
		PersonId[] records = twoRecordsOfOnePerson();
		PersonId third = register(details("Margaret", family, null, "12 Mill Road"), nurse);
		PersonId[] all = { records[0], records[1], third };
		// Proposes the first two as a pair, and the second with the third.
		matching.match(fixtures.admin, records[1], false);
		Map<String, Object> unlinked = linkState(all);
		link(records[0], records[1]);
		Map<String, Object> twoLinked = linkState(all);

		// The third record matched the merged record, and joins its survivor.
		link(records[1], third);

		assertThat(repository.clusterOf(third)).isEqualTo(records[0]);
		assertThat(jdbc.sql("select count(*) from consent.identity_link where group_id = :survivor")
			.param("survivor", records[0].id())
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(accessPolicy.decideRecord(socialWorker.actor(), third).permitted()).isTrue();

		matching.unlink(manager.actor(), third);
		assertThat(linkState(all)).isEqualTo(twoLinked);

		// Undoing the first link while the third record stays linked, then the third.
		link(records[1], third);
		matching.unlink(manager.actor(), records[1]);
		assertThat(repository.clusterOf(third)).isEqualTo(records[0]);
		assertThat(repository.clusterOf(records[1])).isEqualTo(records[1]);
		assertThat(accessPolicy.decideRecord(socialWorker.actor(), records[1]).permitted()).isFalse();
		matching.unlink(manager.actor(), third);
		assertThat(linkState(all)).isEqualTo(unlinked);
	}

	@Test
	void twoLinkedPeopleAreNotMergedInOneStepAndNothingChanges() {
		PersonId[] records = twoRecordsOfOnePerson();
		PersonId third = register(details("Margaret", family, null, "12 Mill Road"), nurse);
		PersonId fourth = register(details("Maggie", family, null, "12 Mill Road"), socialWorker);
		matching.match(fixtures.admin, records[1], false);
		link(records[0], records[1]);
		matching.match(fixtures.admin, fourth, false);
		link(third, fourth);
		MatchRepository.CandidateRow across = repository.pair(records[1], fourth).orElseThrow();
		Map<String, Object> before = linkState(new PersonId[] { records[0], records[1], third, fourth });

		assertThatThrownBy(() -> matching.decide(manager.actor(), across.id(), across.version(), MatchStatus.LINKED))
			.isInstanceOf(AlreadyLinked.class);
		assertThat(linkState(new PersonId[] { records[0], records[1], third, fourth })).isEqualTo(before);
	}

	@Test
	void anImportedRecordThatClearlyMatchesALinkedPersonIsQueuedAndOnReviewJoinsIt() {
		PersonId[] records = twoRecordsOfOnePerson();
		matching.match(fixtures.admin, records[1], false);
		link(records[0], records[1]);
		PersonId imported = register(details("Margaret", family, null, "12 Mill Road"), nurse);

		matching.match(fixtures.admin, imported, true);

		// Without the same NHS number, even a clear match waits for a person to decide.
		assertThat(repository.clusterOf(imported)).isEqualTo(imported);
		assertThat(repository.pair(records[0], imported).orElseThrow().status()).isEqualTo(MatchStatus.PENDING);

		link(records[0], imported);

		assertThat(repository.clusterOf(imported)).isEqualTo(records[0]);
	}

	private void link(PersonId a, PersonId b) {
		MatchRepository.CandidateRow pair = repository.pair(a, b).orElseThrow();
		matching.decide(manager.actor(), pair.id(), pair.version(), MatchStatus.LINKED);
	}

	// Which records are linked, in the linkage and the consent tables, and what the queue
	// says about each pair.
	private Map<String, Object> linkState(PersonId[] records) {
		Object[] ids = java.util.Arrays.stream(records).map(PersonId::id).toArray();
		return Map.of("links", rows("""
				select survivor, merged from linkage.person_link
				where undone_at is null and (survivor in (:ids) or merged in (:ids)) order by merged""", ids), "groups",
				rows("select person_id, group_id from consent.identity_link where person_id in (:ids) order by person_id",
						ids),
				"candidates", rows("""
						select left_person, right_person, status from linkage.match_candidate
						where left_person in (:ids) and right_person in (:ids) order by left_person, right_person""",
						ids));
	}

	@Test
	void linkingAndUnlinkingRestoresExactlyTheStateBefore() throws Exception {
		PersonId[] records = twoRecordsOfOnePerson();
		people.addEntry(socialWorker.actor(), records[0], DataCategory.GENERAL, "Visit", "Seen at home");
		people.addEntry(nurse.actor(), records[1], DataCategory.GENERAL, "Clinic", "Dressing changed");
		choices.record(nurse.actor(), records[1], new NewChoice(ChoiceKind.CONSENT, null, null, HowGiven.VERBAL,
				LocalDate.now().minusDays(3), null, null));
		matching.match(fixtures.admin, records[1], false);
		MatchRepository.CandidateRow pair = repository.pair(records[0], records[1]).orElseThrow();
		Map<String, Object> before = snapshot(records);
		assertThat(accessPolicy.decideRecord(nurse.actor(), records[0]).permitted()).isFalse();

		matching.decide(manager.actor(), pair.id(), pair.version(), MatchStatus.LINKED);

		// Linked: nothing moved, and the nurse in one record's care team reaches the
		// other.
		assertThat(snapshot(records)).isEqualTo(before);
		assertThat(accessPolicy.decideRecord(nurse.actor(), records[0]).permitted()).isTrue();
		assertThat(accessPolicy.decide(nurse.actor(), records[0], DataCategory.GENERAL, council).permitted()).isTrue();

		mvc.perform(get("/people/" + records[1]).with(httpBasic(nurse.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(containsString("id=\"linked-banner\"")))
			.andExpect(content().string(containsString("/people/" + records[0])));
		// The survivor's page shows both records' care teams and entries, each marked
		// with the record it comes from.
		PersonRecord survivor = people.record(socialWorker.actor(), records[0]);
		assertThat(survivor.entries().entries()).extracting(e -> e.title() + "@" + e.personId())
			.containsExactlyInAnyOrder("Visit@" + records[0], "Clinic@" + records[1]);
		assertThat(survivor.careTeam()).extracting(m -> m.practitionerId() + "@" + m.personId())
			.contains(socialWorker.practitionerId() + "@" + records[0], nurse.practitionerId() + "@" + records[1]);
		assertThat(survivor.linkedRecords()).containsOnlyKeys(records[1]);
		mvc.perform(get("/people/" + records[0]).with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(containsString("id=\"linked-records\"")))
			.andExpect(content().string(containsString("Dressing changed")))
			.andExpect(content().string(containsString("class=\"govuk-link govuk-body-s linked-source\"")));

		matching.unlink(manager.actor(), records[1]);

		assertThat(snapshot(records)).isEqualTo(before);
		assertThat(accessPolicy.decideRecord(nurse.actor(), records[0]).permitted()).isFalse();
		PersonRecord alone = people.record(socialWorker.actor(), records[0]);
		assertThat(alone.entries().entries()).extracting(e -> e.title()).containsExactly("Visit");
		assertThat(alone.careTeam()).extracting(m -> m.personId()).containsOnly(records[0]);
		assertThat(alone.linkedRecords()).isEmpty();
		assertThat(repository.pair(records[0], records[1]).orElseThrow().status()).isEqualTo(MatchStatus.PENDING);
		assertThat(jdbc.sql("select count(*) from consent.identity_link where person_id in (:a, :b)")
			.param("a", records[0].id())
			.param("b", records[1].id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anObjectionInEitherSourceWinsOnceLinked() {
		PersonId[] records = twoRecordsOfOnePerson();
		choices.record(socialWorker.actor(), records[0], new NewChoice(ChoiceKind.OBJECTION, null, null,
				HowGiven.VERBAL, LocalDate.now().minusDays(10), null, null));
		choices.record(nurse.actor(), records[1], new NewChoice(ChoiceKind.CONSENT, null, null, HowGiven.VERBAL,
				LocalDate.now().minusDays(1), null, null));
		people.addEntry(socialWorker.actor(), records[0], DataCategory.GENERAL, "Visit", "Seen at home");
		people.addEntry(nurse.actor(), records[1], DataCategory.GENERAL, "Clinic", "Dressing changed");
		// Before linking, the trust's record carries only consent: the nurse sees council
		// information about it.
		assertThat(accessPolicy.decide(nurse.actor(), records[1], DataCategory.GENERAL, council).permitted()).isTrue();
		matching.match(fixtures.admin, records[1], false);
		MatchRepository.CandidateRow pair = repository.pair(records[0], records[1]).orElseThrow();

		matching.decide(manager.actor(), pair.id(), pair.version(), MatchStatus.LINKED);

		AccessDecision linked = accessPolicy.decide(nurse.actor(), records[1], DataCategory.GENERAL, council);
		assertThat(linked.permitted()).isFalse();
		assertThat(linked.withheld()).isEqualTo(WithheldReason.OBJECTION);
		// The objection (to every other organisation) also stops the link carrying the
		// nurse's relationship to the council's record: she cannot open it at all.
		assertThat(accessPolicy.decide(nurse.actor(), records[0], DataCategory.GENERAL, council).withheld())
			.isEqualTo(WithheldReason.NO_RELATIONSHIP);
		assertThatThrownBy(() -> people.record(nurse.actor(), records[0])).isInstanceOf(AccessDenied.class);
		// Each side sees only its own organisation's entries.
		EntryPage nurseSees = people.record(nurse.actor(), records[1]).entries();
		assertThat(nurseSees.entries()).extracting(e -> e.title()).containsExactly("Clinic");
		assertThat(people.record(socialWorker.actor(), records[0]).entries().entries()).extracting(e -> e.title())
			.containsExactly("Visit");

		matching.unlink(manager.actor(), records[1]);
		assertThat(accessPolicy.decide(nurse.actor(), records[1], DataCategory.GENERAL, council).permitted()).isTrue();
	}

	@Test
	void onImportAMatchWithoutTheSameNhsNumberIsQueuedNotLinked() {
		String family = Fixtures.unique("Ashdown");
		PersonId first = register(details("Harold", family, null, "3 Church Lane"), socialWorker);
		// An imported record agreeing on every field but without an NHS number: above
		// the match threshold, and still only a proposal.
		PersonId second = register(details("Harold", family, null, "3 Church Lane"), nurse);

		List<PossibleMatch> found = matching.match(fixtures.admin, second, true);

		assertThat(found).extracting(m -> m.score().decision()).contains(Decision.MATCH);
		assertThat(repository.pair(first, second).orElseThrow().status()).isEqualTo(MatchStatus.PENDING);
		assertThat(repository.clusterOf(second)).isEqualTo(second);
	}

	@Test
	void anImportTogetherDecidesAsOneByOne() {
		String margaret = Fixtures.unique("Quillfeather");
		String harold = Fixtures.unique("Ashdown");
		String edith = Fixtures.unique("Pennyworth");
		String walter = Fixtures.unique("Thistlewood");
		String nhs = Fixtures.nextNhsNumber();
		String twice = Fixtures.nextNhsNumber();
		Map<PersonId, String> names = new java.util.HashMap<>();
		names.put(register(details("Margaret", margaret, nhs, "12 Mill Road"), socialWorker), "existing Margaret");
		names.put(register(details("Harold", harold, null, "3 Church Lane"), nurse), "existing Harold");
		PersonDetails elsewhere = new PersonDetails(null, null, "Ingrid", Fixtures.unique("Oakenshaw"), null, null,
				dob.plusYears(40), Sex.FEMALE, null, "40 Hill Top", null, "Upton", "ZY9 9ZZ", null, null, null, false,
				null);
		List<ImportedPerson> incoming = List.of(
				// The same NHS number as someone registered: linked at once.
				new ImportedPerson(1, details("Maggie", margaret, nhs, "12 Mill Rd")),
				// Alike, without an NHS number: queued for review.
				new ImportedPerson(2, details("Harold", harold + "e", null, "3 Church Lane")),
				// The same person twice, no NHS number: each queued against the other.
				new ImportedPerson(3, details("Walter", walter, null, "1 Orchard Way")),
				new ImportedPerson(4, details("Walter", walter, null, "1 Orchard Way")),
				new ImportedPerson(5, elsewhere),
				// The same person twice with the same NHS number: the second linked to
				// the first. Last, because which of the two survives turns on their
				// random ids (they are made at the same moment), and the one merged is no
				// candidate for anyone after them, one by one or together.
				new ImportedPerson(6, details("Edith", edith, twice, "8 Wharf Street")),
				new ImportedPerson(7, details("Edie", edith, twice, "8 Wharf St")));

		Map<String, Object> oneByOne = outcomeOf(names,
				() -> peopleImport.importPeopleOneByOne(fixtures.admin, incoming));
		Map<String, Object> together = outcomeOf(names, () -> peopleImport.importPeople(fixtures.admin, incoming));

		assertThat(together).isEqualTo(oneByOne);
		// The comparison means something only if every kind of decision was made.
		List<?> report = (List<?>) together.get("report");
		assertThat(report.get(0)).hasToString("1 LINKED [existing Margaret]");
		assertThat(report.get(1).toString()).startsWith("2 REVIEW [existing Harold");
		assertThat(report.get(2).toString()).startsWith("3 REVIEW").contains("line 4");
		assertThat(report.get(3).toString()).startsWith("4 REVIEW").contains("line 3");
		assertThat(report.get(4)).hasToString("5 CREATED []");
		assertThat(report.get(6)).hasToString("7 LINKED [line 6]");
		assertThat((List<?>) together.get("audit")).filteredOn(row -> row.toString().startsWith("create Person"))
			.hasSize(incoming.size());
	}

	/**
	 * The candidates of many records found together are, record by record, those each
	 * finds on its own (ADR 60), the whole person and organisation read straight from the
	 * rows the branches found: by date of birth, by name, by postcode, by NHS number.
	 */
	@Test
	void candidatesFoundTogetherAreThoseFoundOneByOne() {
		String family = Fixtures.unique("Fernsby");
		String nhs = Fixtures.nextNhsNumber();
		register(details("Rosalind", family, nhs, "5 Dale Road"), socialWorker);
		register(details("Bartholomew", Fixtures.unique("Kettleby"), null, "9 Brook Row"), nurse);
		Map<PersonId, Record> incoming = new java.util.LinkedHashMap<>();
		for (PersonDetails sent : List.of(details("Rosalind", family, null, "5 Dale Rd"),
				details("Ros", family, nhs, "5 Dale Road"),
				details("Bartholomew", Fixtures.unique("Nobody"), null, "1 Elsewhere"))) {
			PersonId id = new PersonId(UUID.randomUUID());
			incoming.put(id, Matching.record(id.id().toString(), sent));
		}
		Map<PersonId, List<MatchRepository.Person>> together = repository.candidatesOfAll(incoming,
				matching::birthDatesWorthFetching);
		incoming.forEach((id, record) -> {
			List<MatchRepository.Person> alone = repository.candidates(record, id,
					matching.birthDatesWorthFetching(record));
			assertThat(alone).isNotEmpty();
			assertThat(together.get(id)).containsExactlyInAnyOrderElementsOf(alone);
			// Neither reads a candidate's organisation: only a possible match is shown
			// with it.
			assertThat(together.get(id))
				.allSatisfy(person -> assertThat(person.demographics().organisation()).isNull());
		});
	}

	/**
	 * The candidate query before ADR 86, which looked every candidate up again by its id
	 * and read its organisation, and left out refused pairs by either orientation: the
	 * reference the query of whole rows is held to.
	 */
	private static final String CANDIDATES_BY_ID = """
			with hits as (
			  (select id from %1$s b where nhs_number = cast(:nhs as text))
			  union (select id from %1$s b where date_of_birth = :dob limit 200)
			  union (select id from %1$s b where lower(family_name) = :family and lower(given_name) = :given limit 200)
			  union (select id from %1$s b where lower(family_name) = :given and lower(given_name) = :family limit 200)
			  union (select id from %1$s b where lower(family_name) = :family
			           and date_of_birth >= :yearStart and date_of_birth < :yearEnd limit 200)
			  union (select id from %1$s b where lower(given_name) = :given
			           and date_of_birth >= :yearStart and date_of_birth < :yearEnd limit 200)
			  union (select id from %1$s b where replace(postcode, ' ', '') = cast(:postcode as text)
			           and lower(left(given_name, 1)) = :initial limit 200)
			)
			select p.id, p.nhs_number, p.given_name, p.family_name, p.date_of_birth, p.sex, p.address_line_1,
			  p.address_line_2, p.town, p.postcode, p.phone, p.email, coalesce(%2$s, %3$s) as organisation
			from hits h join %1$s p on p.id = h.id
			where p.id is distinct from cast(:self as uuid)
			  and not exists (select 1 from linkage.person_link l where l.merged = p.id and l.undone_at is null)
			  and not exists (select 1 from linkage.match_candidate m where m.status = 'NOT_SAME'
			    and ((m.left_person = p.id and m.right_person = cast(:self as uuid))
			      or (m.right_person = p.id and m.left_person = cast(:self as uuid))))
			""".formatted(People.matchingRecordsSql(),
			care.seamless.team.Directory.organisationNameSql("p.source_organisation_id"),
			CareTeams.leadOrganisationNameSql("p.id"));

	private List<MatchRepository.Person> candidatesById(Record incoming, PersonId self) {
		String given = incoming.value(care.seamless.linkage.Role.GIVEN_NAME).trim().toLowerCase(Locale.ROOT);
		LocalDate born = LocalDate.parse(incoming.value(care.seamless.linkage.Role.DATE_OF_BIRTH));
		String code = incoming.value(care.seamless.linkage.Role.POSTCODE).replace(" ", "").toUpperCase(Locale.ROOT);
		String nhs = incoming.value(care.seamless.linkage.Role.NHS_NUMBER);
		return jdbc.sql(CANDIDATES_BY_ID)
			.param("nhs", nhs.isEmpty() ? null : nhs)
			.param("dob", born)
			.param("family", incoming.value(care.seamless.linkage.Role.FAMILY_NAME).trim().toLowerCase(Locale.ROOT))
			.param("given", given)
			.param("yearStart", born.withDayOfYear(1))
			.param("yearEnd", born.withDayOfYear(1).plusYears(1))
			.param("postcode", code.isEmpty() ? null : code)
			.param("initial", given.isEmpty() ? "" : given.substring(0, 1))
			.param("self", self == null ? null : self.id())
			.query((rs, n) -> MatchRepository.person(rs, 1, true))
			.list();
	}

	/**
	 * The candidates of the query of whole rows (ADR 86) are those of the query before
	 * it, person for person and value for value, with the organisation read afterwards
	 * for those shown: with and without a self, past a pair refused either way round
	 * (stored in order, found by one probe) and a record merged by a link, by every
	 * branch.
	 */
	@Test
	void candidatesAreThoseTheQueryByIdFound() {
		String familyName = Fixtures.unique("Ashcombe");
		String nhs = Fixtures.nextNhsNumber();
		PersonId first = register(details("Imogen", familyName, nhs, "3 Kiln Lane"), socialWorker);
		PersonId second = register(details("Immy", familyName, null, "3 Kiln Ln"), nurse);
		PersonId third = register(details("Imogen", familyName, null, "3 Kiln Lane"), nurse);
		PersonId swapped = register(details(familyName, "Imogen", null, "8 Far End"), socialWorker);
		PersonId merged = register(details("Imogen", familyName, null, "3 Kiln Lane"), socialWorker);
		// Refused both ways round: the pair is stored in order whichever was matched.
		matching.match(fixtures.admin, second, false);
		matching.match(fixtures.admin, merged, false);
		for (PersonId other : List.of(first, third)) {
			MatchRepository.CandidateRow pair = repository.pair(second, other).orElseThrow();
			matching.decide(manager.actor(), pair.id(), pair.version(), MatchStatus.NOT_SAME);
		}
		link(first, merged);
		List<PersonDetails> sent = List.of(details("Imogen", familyName, null, "3 Kiln Lane"),
				details("Imogen", familyName, nhs, "3 Kiln Lane"), details("Immy", familyName, null, "9 Other Road"),
				details(familyName, "Imogen", null, "3 Kiln Lane"),
				details("Isolde", Fixtures.unique("Nobody"), null, "1 Elsewhere"));
		List<PersonId> selves = new ArrayList<>(List.of(first, second, third, swapped, merged));
		selves.add(null);
		int compared = 0;
		for (PersonDetails details : sent) {
			for (PersonId self : selves) {
				Record record = Matching.record(self == null ? "incoming" : self.id().toString(), details);
				List<MatchRepository.Person> before = candidatesById(record, self);
				List<MatchRepository.Person> now = repository.candidates(record, self, wholeYear(record));
				Map<PersonId, String> organisations = repository
					.organisations(now.stream().map(person -> person.demographics().id()).toList());
				assertThat(now).extracting(person -> person.demographics().organisation()).containsOnlyNulls();
				assertThat(now)
					.extracting(person -> new MatchRepository.Person(person.record(),
							withOrganisation(person.demographics(), organisations.get(person.demographics().id()))))
					.containsExactlyInAnyOrderElementsOf(before);
				compared += before.size();
			}
		}
		// Each branch met something, and the refusals and the link took people out.
		assertThat(compared).isGreaterThan(60);
		Record asSecond = Matching.record(second.id().toString(), sent.get(0));
		assertThat(repository.candidates(asSecond, second, wholeYear(asSecond)))
			.extracting(person -> person.demographics().id())
			.contains(swapped)
			.doesNotContain(first, third, merged, second);
		Record asFirst = Matching.record(first.id().toString(), sent.get(0));
		assertThat(repository.candidates(asFirst, first, wholeYear(asFirst)))
			.extracting(person -> person.demographics().id())
			.contains(third, swapped)
			.doesNotContain(first, second, merged);
		// A possible match is shown with the organisation it is known to.
		assertThat(matching.check(socialWorker.actor(), sent.get(0)))
			.filteredOn(match -> match.person().id().equals(third))
			.singleElement()
			.satisfies(match -> assertThat(match.person().organisation()).isNotNull()
				.isEqualTo(candidatesById(Matching.record("incoming", sent.get(0)), null).stream()
					.filter(person -> person.demographics().id().equals(third))
					.findFirst()
					.orElseThrow()
					.demographics()
					.organisation()));
	}

	// Every date of the record's birth year: the name-and-year branches as they were
	// before ADR 91.
	private static List<LocalDate> wholeYear(Record record) {
		LocalDate first = LocalDate.parse(record.value(care.seamless.linkage.Role.DATE_OF_BIRTH)).withDayOfYear(1);
		return first.datesUntil(first.plusYears(1)).toList();
	}

	/**
	 * The name-and-year branches asked only for the dates that could still reach review
	 * (ADR 91) decide as the whole year did: over Splink's fake_1000 (typos in names and
	 * dates, missing fields, shared names) registered as people, each record against the
	 * register as it was sent in full, with its town only, and with names, date of birth
	 * and sex only (as a bare FHIR Patient), the possible matches and their decisions are
	 * the same, and every candidate the narrower query leaves out is one full scoring
	 * calls a non-match.
	 */
	@Test
	void candidatesOfTheDatesWorthFetchingDecideAsTheWholeYear() throws Exception {
		Matcher matcher = new Matcher(Matching.defaultModel());
		List<PersonDetails> file = new ArrayList<>();
		for (Record record : new RecordReader(Map.of(), Truth.column("cluster"))
			.read(java.nio.file.Path.of("src", "test", "resources", "testdata", "splink-persons", "fake_1000.csv"))
			.records()) {
			String given = record.value(care.seamless.linkage.Role.GIVEN_NAME);
			String familyName = record.value(care.seamless.linkage.Role.FAMILY_NAME);
			LocalDate born = parsedOrNull(record.value(care.seamless.linkage.Role.DATE_OF_BIRTH));
			if (!given.isEmpty() && !familyName.isEmpty() && born != null) {
				file.add(new PersonDetails(null, null, given, familyName, null, null, born, Sex.UNKNOWN, null, null,
						null, blankToNull(record.value(care.seamless.linkage.Role.LOCALITY)), null, null,
						blankToNull(record.value(care.seamless.linkage.Role.EMAIL)), null, false, null));
			}
		}
		int[] counts = new int[4];
		try {
			transactions.executeWithoutResult(status -> {
				var outcome = bulkRegistrations.registerImported(fixtures.admin, file);
				// Some of the file's e-mail addresses are spoilt past what registration
				// takes.
				outcome.problems().stream().map(problem -> file.get(problem.index())).toList().forEach(file::remove);
				var registered = outcome.problems().isEmpty() ? outcome.registered()
						: bulkRegistrations.registerImported(fixtures.admin, file).registered();
				List<PersonId> ids = registered.ids();
				assertThat(ids).hasSizeGreaterThan(500);
				// Every sixth person as the incoming record, against the whole file.
				for (int i = 0; i < ids.size(); i += 6) {
					PersonDetails sent = registered.details().get(i);
					for (PersonDetails variant : List.of(sent, withOnly(sent, sent.town(), null),
							withOnly(sent, null, null))) {
						Record record = Matching.record(ids.get(i).id().toString(), variant);
						Map<String, Decision> before = decisions(matcher, record,
								repository.candidates(record, ids.get(i), wholeYear(record)));
						Map<String, Decision> now = decisions(matcher, record,
								repository.candidates(record, ids.get(i), matching.birthDatesWorthFetching(record)));
						assertThat(possible(now)).as(variant.toString()).isEqualTo(possible(before));
						before.keySet().removeAll(now.keySet());
						assertThat(before.values()).as(variant.toString())
							.allMatch(decision -> decision == Decision.NON_MATCH);
						counts[0] += possible(now).size();
						counts[1] += before.size();
						counts[2] += now.size();
					}
				}
				throw new RolledBack();
			});
		}
		catch (RolledBack expected) {
			// Nothing of the file is kept.
		}
		// Meaningful only if there were matches to keep and candidates to leave out.
		assertThat(counts[0]).as("possible matches").isGreaterThan(100);
		assertThat(counts[1]).as("left out").isGreaterThan(20);
	}

	private static Map<String, Decision> decisions(Matcher matcher, Record incoming,
			List<MatchRepository.Person> candidates) {
		Map<String, Decision> decisions = new java.util.HashMap<>();
		for (MatchRepository.Person candidate : candidates) {
			decisions.put(candidate.record().id(), matcher.score(incoming, candidate.record()).decision());
		}
		return decisions;
	}

	private static Map<String, Decision> possible(Map<String, Decision> decisions) {
		Map<String, Decision> possible = new java.util.TreeMap<>(decisions);
		possible.values().removeIf(decision -> decision == Decision.NON_MATCH);
		return possible;
	}

	private static PersonDetails withOnly(PersonDetails d, String town, String email) {
		return new PersonDetails(d.nhsNumber(), null, d.givenName(), d.familyName(), null, null, d.dateOfBirth(),
				d.sex(), null, null, null, town, null, null, email, null, false, null);
	}

	private static LocalDate parsedOrNull(String date) {
		try {
			return LocalDate.parse(date);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value.isBlank() ? null : value;
	}

	private static Demographics withOrganisation(Demographics d, String organisation) {
		return new Demographics(d.id(), d.givenName(), d.familyName(), d.dateOfBirth(), d.sex(), d.nhsNumber(),
				d.postcode(), d.address(), d.town(), organisation);
	}

	@Autowired
	ImportMatchRepository importMatches;

	@Autowired
	care.seamless.person.BulkRegistrations bulkRegistrations;

	/**
	 * The pairs found in memory (ADR 74) are the query's, pair for pair and value for
	 * value, over a file built to meet every key: names differing only in case, names
	 * that are not ASCII (lowered by PostgreSQL), swapped names, postcodes with and
	 * without their space, a number someone registered already holds, people registered
	 * before (one of them merged into another by a link), and the whole shared register
	 * of the other tests.
	 */
	@Test
	void pairsFoundInMemoryAreTheQuerys() {
		String[] givens = { "Anna", "ANNA", "anna", "Élodie", "ÉLODIE", "élodie", "Zoë", "ZOË", "Øyvind", "Iris",
				"Ines", "Smith" };
		String[] families = { Fixtures.unique("Thornbury"), Fixtures.unique("THORNBURY"), Fixtures.unique("Ærø"),
				"Anna", "Smith", Fixtures.unique("Öztürk") };
		String nhs = Fixtures.nextNhsNumber();
		PersonId held = register(details("Anna", families[0], nhs, "1 Mill Road"), socialWorker);
		// Merged into the record above: the query leaves it out of every pair.
		PersonId merged = register(details("Anna", families[0], null, "1 Mill Rd"), nurse);
		matching.match(fixtures.admin, merged, false);
		link(held, merged);
		register(details(families[3], "Anna", null, "2 Mill Road"), nurse);
		java.util.Random random = new java.util.Random(74);
		List<PersonDetails> file = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			String given = givens[random.nextInt(givens.length)];
			String familyName = families[random.nextInt(families.length)];
			String code = random.nextBoolean() ? postcode : postcode.replace(" ", "");
			file.add(new PersonDetails(i == 7 ? nhs : null, null, given, familyName, null, null,
					dob.plusDays(random.nextInt(3)), Sex.FEMALE, null, i + " Mill Road", null, "Riverside",
					random.nextInt(5) == 0 ? null : code, null, null, null, false, null));
		}
		Set<String> byQuery = new java.util.TreeSet<>();
		Set<String> inMemory = new java.util.TreeSet<>();
		try {
			transactions.executeWithoutResult(status -> {
				List<ImportMatchRepository.Registered> register = importMatches.registerOfAtMost(Integer.MAX_VALUE - 1)
					.orElseThrow();
				var registered = bulkRegistrations.registerImported(fixtures.admin, file).registered();
				assertThat(registered.sameNhsNumber()).containsOnlyKeys(7);
				importMatches.pairs(registered.ids(), pair -> byQuery.add(pair.imported() + " " + pair.other()));
				assertThat(peopleImport.pairsInMemory(registered, register, pair -> true,
						pair -> inMemory.add(pair.imported() + " " + pair.other()), new care.seamless.shared.Phases()))
					.isTrue();
				throw new RolledBack();
			});
		}
		catch (RolledBack expected) {
			// Nothing of the file is kept.
		}
		assertThat(inMemory).isEqualTo(byQuery);
		// Meaningful only if every kind of pair was there to find.
		assertThat(byQuery).hasSizeGreaterThan(1_000)
			.anyMatch(pair -> pair.contains(held.id().toString()))
			.noneMatch(pair -> pair.contains(merged.id().toString()));
	}

	/**
	 * A file matched in memory decides, queues, links and audits as one matched by the
	 * query: a number already registered, a near duplicate, the same person twice in the
	 * file, swapped names, a newcomer; then the same file again (every line now meets its
	 * earlier self); and a file with bad lines is refused with the same problems.
	 */
	@Test
	void aFileMatchedInMemoryDecidesAsTheQuery() {
		String margaret = Fixtures.unique("Quillfeather");
		String harold = Fixtures.unique("Ashdown");
		String walter = Fixtures.unique("Thistlewood");
		String swapped = Fixtures.unique("Fenwick");
		String nhs = Fixtures.nextNhsNumber();
		Map<PersonId, String> names = new java.util.HashMap<>();
		names.put(register(details("Margaret", margaret, nhs, "12 Mill Road"), socialWorker), "existing Margaret");
		names.put(register(details("Harold", harold, null, "3 Church Lane"), nurse), "existing Harold");
		names.put(register(details(swapped, "Rowena", null, "5 Low Lane"), nurse), "existing Rowena");
		String csv = "nhs_number,given_name,family_name,date_of_birth,address_1,town,postcode,sex\n"
				+ line(nhs, "Maggie", margaret, "12 Mill Rd") + line("", "Harold", harold + "e", "3 Church Lane")
				+ line("", "Walter", walter, "1 Orchard Way") + line("", "WALTER", walter, "1 Orchard Way")
				+ line("", "Rowena", swapped, "5 Low Lane")
				+ line("", "Ingrid", Fixtures.unique("Oakenshaw"), "40 Hill Top").replace(postcode, "ZY9 9ZZ");
		java.util.function.Function<PeopleImport.PairFinding, ImportReport> importing = finding -> peopleImport
			.importCsv(fixtures.admin, new java.io.StringReader(csv), Map.of(), new care.seamless.shared.Phases(),
					finding);

		Map<String, Object> byQuery = outcomeOf(names, () -> importing.apply(PeopleImport.PairFinding.QUERY));
		Map<String, Object> inMemory = outcomeOf(names, () -> importing.apply(PeopleImport.PairFinding.IN_MEMORY));

		assertThat(inMemory).isEqualTo(byQuery);
		List<?> report = (List<?>) byQuery.get("report");
		assertThat(report.get(0)).hasToString("2 LINKED [existing Margaret]");
		assertThat(report.get(1).toString()).startsWith("3 REVIEW [existing Harold");
		assertThat(report.get(2).toString()).startsWith("4 REVIEW").contains("line 5");
		assertThat(report.get(4).toString()).startsWith("6 REVIEW [existing Rowena");
		assertThat(report.get(5)).hasToString("7 CREATED []");

		// Again, with the file's first import kept: a re-run meets every line's earlier
		// self, the same way by either path.
		ImportReport first = importing.apply(PeopleImport.PairFinding.IN_MEMORY);
		first.people().forEach(p -> names.put(p.id(), "first line " + p.line()));
		Map<String, Object> againByQuery = outcomeOf(names, () -> importing.apply(PeopleImport.PairFinding.QUERY));
		Map<String, Object> againInMemory = outcomeOf(names, () -> importing.apply(PeopleImport.PairFinding.IN_MEMORY));
		assertThat(againInMemory).isEqualTo(againByQuery);
		// The number's holder keeps it, so its line is linked again; every other line is
		// queued against its earlier self.
		assertThat((List<?>) againByQuery.get("report")).first().hasToString("2 LINKED [existing Margaret]");
		assertThat(((List<?>) againByQuery.get("report")).subList(1, 6))
			.allMatch(line -> line.toString().contains("REVIEW") && line.toString().contains("first line"));

		String bad = csv.replace("12 Mill Rd", "12 Mill Rd\n,NoFamily,,1950-01-01,,,,F");
		for (PeopleImport.PairFinding finding : PeopleImport.PairFinding.values()) {
			assertThatThrownBy(() -> peopleImport.importCsv(fixtures.admin, new java.io.StringReader(bad), Map.of(),
					new care.seamless.shared.Phases(), finding))
				.isInstanceOfSatisfying(ImportRejected.class,
						ex -> assertThat(ex.problems()).extracting(ImportProblem::line).containsExactly(3));
		}
	}

	/**
	 * The pairs found on their own thread beside the register's COPY (ADR 83) fail the
	 * import that waits for them, with the cause as thrown, so the import's transaction
	 * rolls back; and a record merged meanwhile is left out when they are taken.
	 */
	@Test
	void pairsFoundBesideTheCopyFailTheImportOrLeaveOutMergedRecords() {
		IllegalStateException failure = new IllegalStateException("no pairs");
		assertThatThrownBy(() -> new PeopleImport.PairsAhead(() -> {
			throw failure;
		}).worthScoring(Set.of())).isSameAs(failure);
		PersonId kept = new PersonId(UUID.randomUUID());
		PersonId gone = new PersonId(UUID.randomUUID());
		PersonId imported = new PersonId(UUID.randomUUID());
		List<ImportMatchRepository.Pair> pairs = List.of(
				new ImportMatchRepository.Pair(imported, new Record(gone.id().toString(), Map.of())),
				new ImportMatchRepository.Pair(imported, new Record(kept.id().toString(), Map.of())));
		assertThat(new PeopleImport.PairsAhead(() -> pairs).worthScoring(Set.of(gone)))
			.extracting(pair -> pair.other().id())
			.containsExactly(kept.id().toString());
	}

	private String line(String nhs, String given, String familyName, String address) {
		return nhs + "," + given + "," + familyName + "," + dob + "," + address + ",Riverside," + postcode + ",F\n";
	}

	/**
	 * What an import decided and wrote, with its people named by line (their ids differ
	 * from run to run), taken in the import's transaction and then rolled back, audit
	 * entries included: they are written just before commit, so they are read there.
	 */
	private Map<String, Object> outcomeOf(Map<PersonId, String> existing,
			java.util.function.Supplier<ImportReport> importer) {
		Map<String, Object> outcome = new java.util.HashMap<>();
		long auditBefore = jdbc.sql("select coalesce(max(id), 0) from audit.entry").query(Long.class).single();
		try {
			transactions.executeWithoutResult(status -> {
				ImportReport report = importer.get();
				Map<String, String> names = new java.util.HashMap<>();
				existing.forEach((id, name) -> names.put(id.id().toString(), name));
				report.people().forEach(p -> names.put(p.id().id().toString(), "line " + p.line()));
				outcome.put("report",
						report.people()
							.stream()
							.map(p -> p.line() + " " + p.outcome() + " "
									+ p.known().stream().map(k -> names.get(k.id().id().toString())).sorted().toList())
							.toList());
				Object[] ids = names.keySet().stream().map(UUID::fromString).toArray();
				outcome.put("candidates", jdbc.sql("""
						select left_person, right_person, status, rule, weight, probability from linkage.match_candidate
						where left_person in (:ids) or right_person in (:ids)""")
					.param("ids", List.of(ids))
					.query((rs,
							n) -> java.util.stream.Stream.of(names.get(rs.getString(1)), names.get(rs.getString(2)))
								.sorted()
								.toList() + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getDouble(5) + " "
									+ rs.getDouble(6))
					.list()
					.stream()
					.sorted()
					.toList());
				outcome.put("links", jdbc.sql(
						"select survivor, merged from linkage.person_link where survivor in (:ids) or merged in (:ids)")
					.param("ids", List.of(ids))
					// Which of two records imported together survives turns on their
					// random ids (both were made at the same moment), so a link is a pair
					// here.
					.query((rs, n) -> java.util.stream.Stream.of(names.get(rs.getString(1)), names.get(rs.getString(2)))
						.sorted()
						.toList()
						.toString())
					.list()
					.stream()
					.sorted()
					.toList());
				outcome.put("people",
						jdbc.sql("select id, nhs_number from person.person where id in (:ids)")
							.param("ids", List.of(ids))
							.query((rs, n) -> names.get(rs.getString(1)) + " " + rs.getString(2))
							.list()
							.stream()
							.sorted()
							.toList());
				org.springframework.transaction.support.TransactionSynchronizationManager
					.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
						@Override
						public void beforeCommit(boolean readOnly) {
							outcome.put("audit", jdbc.sql("""
									select action, record_type, record_id, person_id, outcome from audit.entry
									where id > :before and account = :account""")
								.param("before", auditBefore)
								.param("account", fixtures.admin.username())
								.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " "
										+ names.getOrDefault(rs.getString(3), rs.getString(3)) + " "
										+ names.getOrDefault(rs.getString(4), rs.getString(4)) + " " + rs.getString(5))
								.list()
								.stream()
								.sorted()
								.toList());
							throw new RolledBack();
						}
					});
			});
		}
		catch (RolledBack expected) {
			// The import's writes are taken back, so the next run starts from the same
			// register.
		}
		assertThat(outcome).containsKey("audit");
		return outcome;
	}

	private static final class RolledBack extends RuntimeException {

	}

	// Everything about both records that a link might touch.
	private Map<String, Object> snapshot(PersonId[] records) {
		Object[] ids = { records[0].id(), records[1].id() };
		return Map.of("person", rows("""
				select id, nhs_number, given_name, family_name, date_of_birth, postcode, address_line_1,
				  source_organisation_id, version, updated_at from person.person where id in (:ids) order by id""",
				ids), "identifiers",
				rows("select person_id, system, value from person.identifier where person_id in (:ids) order by value",
						ids),
				"entries",
				rows("select id, person_id, source_organisation_id, title, body from person.entry where person_id in (:ids) order by id",
						ids),
				"careTeam",
				rows("select person_id, practitioner_id, lead, period_start, period_end from team.care_team_member where person_id in (:ids) order by person_id, practitioner_id",
						ids),
				"choices",
				rows("select id, person_id, kind, withdrawn_at, version from consent.choice where person_id in (:ids) order by id",
						ids));
	}

	private List<Map<String, Object>> rows(String sql, Object[] ids) {
		return jdbc.sql(sql).param("ids", List.of(ids)).query().listOfRows();
	}

}
