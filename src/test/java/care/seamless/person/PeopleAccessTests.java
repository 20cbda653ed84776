package care.seamless.person;

import java.util.List;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The legitimate-relationship rule on every read path: record, API, search, counts,
 * caseload.
 */
@SeamlessTest
class PeopleAccessTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	AuditLog auditLog;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	Fixtures.Staff inTeam;

	Fixtures.Staff outsider;

	PersonId person;

	String familyName;

	@BeforeEach
	void partnership() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		inTeam = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		outsider = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		familyName = Fixtures.unique("Accessington");
		person = fixtures.person(familyName, inTeam);
	}

	@Test
	void aCareTeamMemberSeesTheWholeRecord() {
		PersonRecord record = people.record(inTeam.actor(), person);

		assertThat(record.details().familyName()).isEqualTo(familyName);
		assertThat(record.careTeam()).singleElement().satisfies(m -> assertThat(m.lead()).isTrue());
		assertThat(lastEntry()).satisfies(e -> {
			assertThat(e.action()).isEqualTo("read");
			assertThat(e.outcome()).isEqualTo("PERMITTED");
			assertThat(e.account()).isEqualTo(inTeam.username());
			assertThat(e.purpose()).isEqualTo("DIRECT_CARE");
		});
	}

	@Test
	void aPractitionerOutsideTheCareTeamIsRefusedAndTheAttemptIsAudited() {
		assertThatThrownBy(() -> people.record(outsider.actor(), person)).isInstanceOf(AccessDenied.class)
			.hasMessage("You are not in this person's care team");

		AuditEntry entry = lastEntry();
		assertThat(entry.outcome()).isEqualTo("DENIED");
		assertThat(entry.account()).isEqualTo(outsider.username());
		assertThat(entry.organisationCode()).isNotBlank();
		assertThat(entry.reason()).contains("care team");
	}

	@Test
	void joiningTheCareTeamGrantsAccessOnTheNextRequest() {
		assertThatThrownBy(() -> people.record(outsider.actor(), person)).isInstanceOf(AccessDenied.class);
		fixtures.addToCareTeam(person, outsider);
		assertThat(people.record(outsider.actor(), person).id()).isEqualTo(person);
	}

	@Test
	void searchShowsOnlyMinimalDemographicsAndMarksTheRelationship() {
		SearchResults asOutsider = people.search(outsider.actor(), familyName + " 27/3/1940");
		SearchResults asMember = people.search(inTeam.actor(), familyName);

		assertThat(asOutsider.people()).singleElement().satisfies(p -> {
			assertThat(p.inCareTeam()).isFalse();
			assertThat(p.partialPostcode()).isEqualTo("RV1");
		});
		assertThat(asMember.people()).singleElement().satisfies(p -> assertThat(p.inCareTeam()).isTrue());
	}

	@Test
	void caseloadCountsOnlyPeopleInTheActorsCareTeams() {
		PersonId second = fixtures.person(Fixtures.unique("Second"), inTeam);

		Caseload caseload = people.caseload(inTeam.actor(), 1);
		Caseload outsiderCaseload = people.caseload(outsider.actor(), 1);

		assertThat(caseload.total()).isEqualTo(2);
		assertThat(caseload.people()).extracting(PersonSummary::id).containsExactlyInAnyOrder(person, second);
		assertThat(outsiderCaseload.total()).isZero();
		assertThat(outsiderCaseload.people()).isEmpty();
	}

	@Test
	void theApiRefusesOutsidersWithProblemJsonAndServesMembers() throws Exception {
		mvc.perform(get("/api/v1/people/{id}", person).with(httpBasic(outsider.username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("ACCESS_DENIED"))
			.andExpect(jsonPath("$.detail").value("You are not in this person's care team"));
		mvc.perform(get("/api/v1/people/{id}", person).with(httpBasic(inTeam.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.details.familyName").value(familyName))
			.andExpect(jsonPath("$.careTeam[0].lead").value(true));
	}

	@Test
	void theApiSearchGivesTheSameMinimalView() throws Exception {
		mvc.perform(get("/api/v1/people").param("q", familyName + " 27/03/1940")
			.with(httpBasic(outsider.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.people.length()").value(1))
			.andExpect(jsonPath("$.people[0].inCareTeam").value(false))
			.andExpect(jsonPath("$.people[0].addressLine1").doesNotExist())
			.andExpect(jsonPath("$.people[0].phone").doesNotExist());
	}

	@Test
	void theEntriesApiListsAndCountsOnlyWhatTheViewerMaySee() throws Exception {
		fixtures.addToCareTeam(person, outsider);
		people.addEntry(inTeam.actor(), person, care.seamless.shared.DataCategory.MENTAL_HEALTH, "Mood review",
				"Low mood since bereavement");
		people.addEntry(inTeam.actor(), person, care.seamless.shared.DataCategory.GENERAL, "Home visit", "All well");

		// The outsider's organisation has no agreement with the social worker's council
		// and no consent is recorded.
		mvc.perform(get("/api/v1/people/{id}/entries", person).with(httpBasic(outsider.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.entries").isEmpty())
			.andExpect(jsonPath("$.withheld[0].reason").value("NO_AGREEMENT"))
			.andExpect(
					content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Mood review"))));
		mvc.perform(get("/api/v1/people/{id}/entries", person).with(httpBasic(inTeam.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.withheld").isEmpty());
	}

	@Test
	void theRecordPageShowsANotInCareTeamPageWith403() throws Exception {
		mvc.perform(get("/people/{id}", person).with(httpBasic(outsider.username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("not in this person")));
	}

	@Test
	void onlyTheCaldicottGuardianOrAManagerSeesWhoLookedAtARecord() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		var guardian = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.CALDICOTT_GUARDIAN);
		var manager = fixtures.practitionerIn(inTeam.organisationId(), inTeam.teamId(), Profession.CARE_MANAGER, true,
				Role.PRACTITIONER, Role.TEAM_MANAGER);
		assertThatThrownBy(() -> people.record(outsider.actor(), person)).isInstanceOf(AccessDenied.class);

		List<AuditEntry> history = people.accessHistory(guardian.actor(), person, 100);

		assertThat(history).anySatisfy(e -> {
			assertThat(e.account()).isEqualTo(outsider.username());
			assertThat(e.outcome()).isEqualTo("DENIED");
		});
		assertThat(people.accessHistory(manager.actor(), person, 100)).isNotEmpty();
		assertThatThrownBy(() -> people.accessHistory(outsider.actor(), person, 100)).isInstanceOf(AccessDenied.class);
		assertThatThrownBy(() -> people.accessHistory(inTeam.actor(), person, 100)).isInstanceOf(AccessDenied.class);
	}

	/**
	 * ADR 80: the record read in one statement answers exactly as the step-by-step read,
	 * for a reader who may see everything, one who may see the record but not the details
	 * or the people around them, one who may see the details but not those people, and
	 * one who may not open the record; with and without entries, each read audited alike.
	 */
	@Test
	void theRecordReadInOneStatementAnswersAsTheStepByStepReadAndIsAuditedAlike() {
		OrganisationId council = inTeam.organisationId();
		var holder = fixtures.practitioner(outsider.organisationId(), Profession.DISTRICT_NURSE);
		PersonId held = people.register(holder.actor(), Fixtures.details(Fixtures.unique("Given"),
				Fixtures.unique("Heldington"), java.time.LocalDate.of(1951, 4, 2), Fixtures.nextNhsNumber()));
		fixtures.addToCareTeam(held, inTeam);
		people.addIdentifier(holder.actor(), held, new PersonIdentifier("https://example.org/social-care-id", "SC-2"));
		people.addIdentifier(holder.actor(), held, new PersonIdentifier("https://example.org/acute-id", "A-1"));
		people.addRelatedPerson(holder.actor(), held, Relationship.CARER, "Carer Heldington", "01632 960001", null,
				true);
		people.addRelatedPerson(holder.actor(), held, Relationship.NEXT_OF_KIN, "Kin Heldington", null, null, false);
		people.addEntry(holder.actor(), held, care.seamless.shared.DataCategory.GENERAL, "Visit", "Seen at home");
		RecordReads reads = new RecordReads(people, auditLog, transactions);

		PersonRecord whole = reads.assertReadAlike(holder.actor(), held, false, "the holder").record();
		assertThat(whole.detailsWithheld()).isNull();
		assertThat(whole.identifiers()).extracting(PersonIdentifier::value).containsExactly("A-1", "SC-2");
		assertThat(whole.relatedPeople()).extracting(RelatedPerson::name)
			.containsExactly("Carer Heldington", "Kin Heldington");
		assertThat(whole.careTeam()).hasSize(2);
		assertThat(reads.assertReadAlike(holder.actor(), held, true, "the holder, with entries").record().entries())
			.satisfies(page -> assertThat(page.total()).isEqualTo(1));

		PersonRecord inPart = reads.assertReadAlike(inTeam.actor(), held, false, "no agreement").record();
		assertThat(inPart.detailsWithheld()).isNotNull();
		assertThat(inPart.relatedPeopleWithheld()).isNotNull();
		assertThat(inPart.identifiers()).isEmpty();
		assertThat(inPart.relatedPeople()).isEmpty();
		assertThat(inPart.details().phone()).isNull();
		reads.assertReadAlike(inTeam.actor(), held, true, "no agreement, with entries");

		fixtures.agreement(java.util.Set.of(council, outsider.organisationId()),
				care.seamless.shared.DataCategory.GENERAL);
		PersonRecord detailsOnly = reads.assertReadAlike(inTeam.actor(), held, false, "general only").record();
		assertThat(detailsOnly.detailsWithheld()).isNull();
		assertThat(detailsOnly.identifiers()).hasSize(2);
		assertThat(detailsOnly.relatedPeopleWithheld()).isNotNull();
		assertThat(detailsOnly.relatedPeople()).isEmpty();

		RecordReads.Read refused = reads.assertReadAlike(outsider.actor(), person, false, "outsider");
		assertThat(refused.record()).isNull();
		assertThat(refused.refusal().withheld()).isEqualTo(care.seamless.consent.WithheldReason.NO_RELATIONSHIP);
		assertThat(refused.audited()).singleElement()
			.satisfies(e -> assertThat(e).contains("|read|Person|", "|DENIED|"));
		reads.assertReadAlike(outsider.actor(), person, true, "outsider, with entries");
	}

	/**
	 * ADR 110: the record view asks the person's choices (the PL/pgSQL function, the
	 * dearest of its rules) only where an objection or a consent can count, once per
	 * category: never for a record its viewer's own organisation holds, once for each of
	 * the two items of one held elsewhere. It asked twice and four times before.
	 */
	@Test
	void theRecordViewAsksThePersonsChoicesOnlyWhereTheyCount() {
		OrganisationId council = inTeam.organisationId();
		var colleague = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var holder = fixtures.practitioner(outsider.organisationId(), Profession.DISTRICT_NURSE);
		PersonId own = people.register(colleague.actor(), Fixtures.details(Fixtures.unique("Given"),
				Fixtures.unique("Ownington"), java.time.LocalDate.of(1950, 6, 1), Fixtures.nextNhsNumber()));
		PersonId held = people.register(holder.actor(), Fixtures.details(Fixtures.unique("Given"),
				Fixtures.unique("Heldington"), java.time.LocalDate.of(1951, 4, 2), Fixtures.nextNhsNumber()));
		fixtures.addToCareTeam(own, inTeam);
		fixtures.addToCareTeam(held, inTeam);
		fixtures.agreement(java.util.Set.of(council, outsider.organisationId()),
				care.seamless.shared.DataCategory.GENERAL);

		assertThat(choicesAsked(inTeam.actor(), own)).isZero();
		assertThat(choicesAsked(inTeam.actor(), held)).isEqualTo(2);
	}

	private long choicesAsked(care.seamless.shared.Actor actor, PersonId id) {
		return new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status -> {
			jdbc.sql("set local track_functions = 'pl'").update();
			assertThat(people.summary(actor, id).details()).isNotNull();
			return jdbc
				.sql("select coalesce(pg_stat_get_xact_function_calls(cast("
						+ "'consent.effective_choice(uuid, uuid, text)' as regprocedure)), 0)")
				.query(Long.class)
				.single();
		});
	}

	/**
	 * ADR 105: the record view reads its row by position; every detail, set and each
	 * different, comes back as registered and none in another's place, with the row's
	 * standing and version as the table holds them by name.
	 */
	@Test
	void theRecordReadGivesEveryDetailBackInItsOwnPlace() {
		var holder = fixtures.practitioner(inTeam.organisationId(), Profession.SOCIAL_WORKER);
		PersonDetails every = new PersonDetails(Fixtures.nextNhsNumber(), "Dr", Fixtures.unique("Siân"),
				Fixtures.unique("Ó Briain"), "Shiv", "Dr Ó Briain", java.time.LocalDate.of(1940, 2, 29), Sex.MALE,
				"Man", "Flat 2", "3 Quay Road", "Porthmadog", "LL49 9AB", "01766 512345", "sian@example.org", "Welsh",
				true, "Large print", "Harbour Surgery", "N81013");
		PersonId id = people.register(holder.actor(), every);

		PersonRecord record = people.record(holder.actor(), id);

		assertThat(record.details()).isEqualTo(every);
		var byName = jdbc.sql("select restricted, version from person.person where id = :id")
			.param("id", id.id())
			.query((rs, n) -> List.of(rs.getBoolean("restricted"), rs.getLong("version")))
			.single();
		assertThat(List.<Object>of(record.restricted(), record.version())).isEqualTo(byName);
	}

	private AuditEntry lastEntry() {
		return auditLog.historyOf(person, 1).get(0);
	}

}
