package care.seamless.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.instrument.Stage;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PersonsView;
import care.seamless.careplan.PlanSignatures;
import care.seamless.careplan.Section;
import care.seamless.consent.AccessGrants;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.ActingFor;
import care.seamless.consent.ActingKind;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.consent.OverrideReason;
import care.seamless.consent.Overrides;
import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The caseload's columns, sorts and filters, all decided in the query with the access
 * rules: a withheld entry is not anyone's last contact, and totals count what the filter
 * keeps.
 */
@SeamlessTest
class CaseloadTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanSignatures signatures;

	@Autowired
	Assessments assessments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	AccessGrants accessGrants;

	@Autowired
	Overrides overrides;

	@Autowired
	Choices choices;

	@Autowired
	ActingFor actingFor;

	Staff socialWorker;

	Staff nurse;

	PersonId agreedOverdue;

	PersonId noPlan;

	PersonId nursesOwn;

	@BeforeEach
	void partnership() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL, DataCategory.MENTAL_HEALTH);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		agreedOverdue = fixtures.person(Fixtures.unique("Ainsley"), socialWorker);
		fixtures.addToCareTeam(agreedOverdue, nurse);
		noPlan = fixtures.person(Fixtures.unique("Brook"), socialWorker);
		nursesOwn = fixtures.person(Fixtures.unique("Carrow"), nurse);

		people.addEntry(socialWorker.actor(), agreedOverdue, DataCategory.GENERAL, "Visit", "Visited at home");
		// Recorded last, but mental health from the trust: the council has no explicit
		// consent, so it is not the social worker's last contact.
		people.addEntry(nurse.actor(), agreedOverdue, DataCategory.MENTAL_HEALTH, "Mood", "Low mood today");

		carePlans.start(socialWorker.actor(), agreedOverdue, null);
		UUID objective = carePlans.addObjective(socialWorker.actor(), agreedOverdue,
				CarePlanFixtures.objective("Get out to the shops", Section.SOCIAL_CARE, Set.of(council)));
		signatures.recordPersonsView(socialWorker.actor(), agreedOverdue, objective, PersonsView.View.AGREES, null,
				null);
		long version = carePlans.plan(socialWorker.actor(), agreedOverdue).orElseThrow().version();
		carePlans.scheduleReview(socialWorker.actor(), agreedOverdue, version, LocalDate.now().plusDays(1));
		// A review date cannot be set in the past, so time passes in the database.
		jdbc.sql("update careplan.care_plan set next_review_on = current_date - 3 where person_id = :id")
			.param("id", agreedOverdue.id())
			.update();
		carePlans.start(nurse.actor(), nursesOwn, null);
		assessments.open(socialWorker.actor(), noPlan, Stage.OVERVIEW);
	}

	@Test
	void eachRowShowsTheViewersRoleTheirLastContactTheReviewAndTheStates() {
		Caseload caseload = people.caseload(socialWorker.actor(), CaseloadQuery.DEFAULT);

		assertThat(caseload.total()).isEqualTo(2);
		CaseloadRow agreed = row(caseload, agreedOverdue);
		assertThat(agreed.role()).isEqualTo(CaseloadQuery.Role.LEAD);
		assertThat(agreed.plan()).isEqualTo(CaseloadQuery.PlanState.AGREED);
		assertThat(agreed.nextReview()).isEqualTo(LocalDate.now().minusDays(3));
		assertThat(agreed.reviewOverdue()).isTrue();
		assertThat(agreed.assessment()).isEqualTo(CaseloadQuery.AssessmentState.NONE);
		Instant seenBySocialWorker = people.entries(socialWorker.actor(), agreedOverdue, 1)
			.entries()
			.get(0)
			.recordedAt();
		assertThat(agreed.lastContact()).isEqualTo(seenBySocialWorker);
		CaseloadRow none = row(caseload, noPlan);
		assertThat(none.plan()).isEqualTo(CaseloadQuery.PlanState.NONE);
		assertThat(none.assessment()).isEqualTo(CaseloadQuery.AssessmentState.OPEN);
		assertThat(none.lastContact()).isNull();

		Caseload nurses = people.caseload(nurse.actor(), CaseloadQuery.DEFAULT);
		CaseloadRow asMember = row(nurses, agreedOverdue);
		assertThat(asMember.role()).isEqualTo(CaseloadQuery.Role.MEMBER);
		assertThat(asMember.lastContact()).isAfter(seenBySocialWorker);
		assertThat(row(nurses, nursesOwn).plan()).isEqualTo(CaseloadQuery.PlanState.DRAFT);
	}

	@Test
	void filtersAreAppliedInTheQuerySoTotalsCountOnlyWhatIsKept() {
		assertThat(people.caseload(nurse.actor(), parse(null, null, "lead", null, null)).people())
			.extracting(PersonSummary::id)
			.containsExactly(nursesOwn);
		Caseload members = people.caseload(nurse.actor(), parse(null, null, "member", null, null));
		assertThat(members.total()).isEqualTo(1);
		assertThat(members.people()).extracting(PersonSummary::id).containsExactly(agreedOverdue);
		Caseload overdue = people.caseload(socialWorker.actor(), parse(null, null, null, "true", null));
		assertThat(overdue.total()).isEqualTo(1);
		assertThat(overdue.people()).extracting(PersonSummary::id).containsExactly(agreedOverdue);
		Caseload withoutPlan = people.caseload(socialWorker.actor(), parse(null, null, null, null, "none"));
		assertThat(withoutPlan.people()).extracting(PersonSummary::id).containsExactly(noPlan);
		assertThat(people.caseload(socialWorker.actor(), parse(null, null, "member", null, null)).total()).isZero();
	}

	@Test
	void sortsByEachColumnBothWays() {
		assertThat(ids(parse("last-contact", "desc", null, null, null))).containsExactly(agreedOverdue, noPlan);
		assertThat(ids(parse("last-contact", "asc", null, null, null))).containsExactly(agreedOverdue, noPlan);
		assertThat(ids(parse("plan", "asc", null, null, null))).containsExactly(noPlan, agreedOverdue);
		assertThat(ids(parse("plan", "desc", null, null, null))).containsExactly(agreedOverdue, noPlan);
		assertThat(ids(parse("assessment", "desc", null, null, null))).containsExactly(noPlan, agreedOverdue);
		assertThat(ids(parse("next-review", "asc", null, null, null))).containsExactly(agreedOverdue, noPlan);
		assertThat(ids(parse("name", "asc", null, null, null))).containsExactly(agreedOverdue, noPlan);
		assertThat(ids(parse("name", "desc", null, null, null))).containsExactly(noPlan, agreedOverdue);
		assertThat(ids(parse("role", "asc", null, null, null))).hasSize(2);
	}

	@Test
	void anUnknownSortOrFilterIsAFieldMessageNeverAnError() throws Exception {
		assertThatThrownBy(() -> parse("'; drop table person.person; --", null, null, null, null))
			.isInstanceOf(PersonRuleViolation.class)
			.satisfies(ex -> assertThat(((PersonRuleViolation) ex).field()).isEqualTo("sort"));
		assertThatThrownBy(() -> parse(null, "sideways", null, null, null)).isInstanceOf(PersonRuleViolation.class);
		assertThatThrownBy(() -> parse(null, null, "boss", null, null)).isInstanceOf(PersonRuleViolation.class);
		assertThatThrownBy(() -> parse(null, null, null, "maybe", null)).isInstanceOf(PersonRuleViolation.class);
		assertThatThrownBy(() -> parse(null, null, null, null, "LIVE\u0000")).isInstanceOf(PersonRuleViolation.class);
		assertThatThrownBy(() -> CaseloadQuery.parse(null, null, null, null, null, "99999999999"))
			.isInstanceOf(PersonRuleViolation.class);

		mvc.perform(get("/").param("sort", "salary").with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Choose a column to sort by")));
		mvc.perform(get("/").param("plan", "none").with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("1 person")));
	}

	/**
	 * The caseload starts from the viewer's own people (AccessPolicy.ownPeople) instead
	 * of testing the rule on every person in the register; it must list, count, order and
	 * withhold exactly as the register-wide form, for every way of reaching a record and
	 * every way of being kept from one, or someone disappears from a caseload.
	 */
	@Test
	void theCaseloadFromTheViewersOwnPeopleIsTheRegisterWideCaseload() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId housing = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL, DataCategory.MENTAL_HEALTH);
		Staff viewer = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Staff trustNurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		Staff housingOfficer = fixtures.practitioner(housing, Profession.SOCIAL_WORKER);
		Staff recorder = fixtures.practitioner(fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST),
				Profession.SOCIAL_WORKER);

		PersonId led = fixtures.person(Fixtures.unique("Ashdown"), viewer);
		PersonId member = fixtures.person(Fixtures.unique("Bellamy"), trustNurse);
		fixtures.addToCareTeam(member, viewer);
		// Her own record (council) and the trust's duplicate, the survivor: the link
		// carries, and the caseload lists the survivor, reached only through the link.
		PersonId own = fixtures.person(Fixtures.unique("Carraway"), viewer);
		PersonId survivor = fixtures.person(Fixtures.unique("Carraway"), trustNurse);
		link(survivor, trust, own, council);
		// Linked with a housing record: no agreement with housing, so it does not carry.
		PersonId ownToo = fixtures.person(Fixtures.unique("Dunmore"), viewer);
		PersonId housingsSurvivor = fixtures.person(Fixtures.unique("Dunmore"), housingOfficer);
		link(housingsSurvivor, housing, ownToo, council);
		// Linked with the trust's record, but the person objected to the council: no
		// carry.
		PersonId objecting = fixtures.person(Fixtures.unique("Ellery"), viewer);
		PersonId objectingSurvivor = fixtures.person(Fixtures.unique("Ellery"), trustNurse);
		link(objectingSurvivor, trust, objecting, council);
		fixtures.addToCareTeam(objecting, recorder);
		choices.record(recorder.actor(), objecting, new NewChoice(ChoiceKind.OBJECTION, council, null, HowGiven.VERBAL,
				LocalDate.now().minusDays(1), null, null));
		// Dissent from sharing with the council, on a record in her care team: still on
		// the caseload, the trust's plan and notes withheld from its columns.
		PersonId dissenting = fixtures.person(Fixtures.unique("Fairweather"), viewer);
		fixtures.addToCareTeam(dissenting, trustNurse);
		fixtures.addToCareTeam(dissenting, recorder);
		choices.record(recorder.actor(), dissenting, new NewChoice(ChoiceKind.DISSENT, council, null, HowGiven.VERBAL,
				LocalDate.now().minusDays(1), null, null));
		people.addEntry(trustNurse.actor(), dissenting, DataCategory.MENTAL_HEALTH, "Mood", "Low mood");
		carePlans.start(trustNurse.actor(), dissenting, null);
		PersonId granted = fixtures.person(Fixtures.unique("Galloway"), trustNurse);
		accessGrants.grant(fixtures.admin, granted, viewer.teamId(), Set.of(DataCategory.GENERAL),
				Instant.now().plusSeconds(3600), "referral");
		PersonId grantExpired = fixtures.person(Fixtures.unique("Hartley"), trustNurse);
		accessGrants.grant(fixtures.admin, grantExpired, viewer.teamId(), Set.of(DataCategory.GENERAL),
				Instant.now().minusSeconds(60), "referral");
		PersonId overridden = fixtures.person(Fixtures.unique("Ingram"), trustNurse);
		overrides.breakGlass(viewer.actor(), overridden, OverrideReason.EMERGENCY_CARE, "Caseload test emergency");
		PersonId unseen = fixtures.person(Fixtures.unique("Jessop"), trustNurse);
		Actor door = Actor.personSide(AccountId.random(), Fixtures.unique("door"));
		actingFor.begin(door, led, ActingKind.SELF, Set.of(), "test");
		Actor carer = Actor.personSide(AccountId.random(), Fixtures.unique("door"));
		actingFor.begin(carer, member, ActingKind.CARER, Set.of(), "test");

		Caseload hers = people.caseload(viewer.actor(), CaseloadQuery.DEFAULT);
		assertThat(hers.people()).extracting(PersonSummary::id)
			.containsExactlyInAnyOrder(led, member, survivor, ownToo, objecting, dissenting, granted, overridden)
			.doesNotContain(own, housingsSurvivor, objectingSurvivor, grantExpired, unseen);
		assertThat(row(hers, dissenting).plan()).isEqualTo(CaseloadQuery.PlanState.WITHHELD);
		assertThat(people.caseload(door, CaseloadQuery.DEFAULT).people()).extracting(PersonSummary::id)
			.containsExactly(led);

		long audited = auditEntries();
		for (Actor reader : java.util.List.of(viewer.actor(), trustNurse.actor(), housingOfficer.actor(), door,
				carer)) {
			for (CaseloadQuery query : queries()) {
				Caseload fromOwn = people.caseload(reader, query);
				Caseload registerWide = people.caseload(reader, query, accessPolicy.visiblePeople(reader, "p.id"));
				assertThat(fromOwn.total()).as("%s %s total", reader.username(), query).isEqualTo(registerWide.total());
				assertThat(fromOwn.rows()).as("%s %s rows", reader.username(), query)
					.containsExactlyElementsOf(registerWide.rows());
			}
		}
		assertThat(auditEntries()).as("a caseload writes no audit entry either way").isEqualTo(audited);
	}

	/**
	 * The page and its total run on PostgreSQL's plan kept for any viewer (ADR 139):
	 * planning them took several times their running on every home page. A viewer with
	 * people and one with none get their own answers from the same plans, never a plan
	 * made for one viewer's values.
	 */
	@Test
	void theCaseloadRunsOnOnePlanKeptForEveryViewer() {
		Staff newcomer = fixtures.practitioner(fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST),
				Profession.DISTRICT_NURSE);
		transaction.executeWithoutResult(status -> {
			for (int call = 0; call < 6; call++) {
				assertThat(ids(CaseloadQuery.DEFAULT)).containsExactly(agreedOverdue, noPlan);
				Caseload none = people.caseload(newcomer.actor(), CaseloadQuery.DEFAULT);
				assertThat(none.total()).isZero();
				assertThat(none.rows()).isEmpty();
			}
			List<Map<String, Object>> statements = jdbc
				.sql("select statement, generic_plans, custom_plans from pg_prepared_statements "
						+ "where statement ~ '^select (c\\.\\*|count\\(\\*\\)) from \\(\\s*select p\\.id, p\\.given_name'")
				.query()
				.listOfRows();
			// The pooled connection may hold other sorts' and filters' texts from
			// earlier tests: none of them is planned for its values either.
			for (Map<String, Object> statement : statements) {
				assertThat(statement.get("custom_plans")).as("never planned for a viewer's values").isEqualTo(0L);
			}
			assertThat(statements).as("the page and its total, each one text for both viewers")
				.filteredOn(statement -> (Long) statement.get("generic_plans") >= 12)
				.hasSizeGreaterThanOrEqualTo(2);
		});
	}

	private long auditEntries() {
		return jdbc.sql("select count(*) from audit.entry").query(Long.class).single();
	}

	private void link(PersonId survivor, OrganisationId survivorHolder, PersonId merged, OrganisationId mergedHolder) {
		for (PersonId record : java.util.List.of(survivor, merged)) {
			jdbc.sql(
					"insert into consent.identity_link (person_id, group_id, holder_organisation_id) values (:p, :g, :h)")
				.param("p", record.id())
				.param("g", survivor.id())
				.param("h", (record.equals(survivor) ? survivorHolder : mergedHolder).id())
				.update();
		}
	}

	/**
	 * Every sort (each one way: both ways are the same order reversed in the same SQL),
	 * the filters that keep rows reached other than by a care team or withheld, and a
	 * second page.
	 */
	private static java.util.List<CaseloadQuery> queries() {
		java.util.List<CaseloadQuery> queries = new java.util.ArrayList<>();
		for (CaseloadQuery.Sort sort : CaseloadQuery.Sort.values()) {
			queries.add(new CaseloadQuery(sort, sort.ordinal() % 2 == 1, null, false, null, 1));
		}
		queries.add(new CaseloadQuery(CaseloadQuery.Sort.NAME, false, CaseloadQuery.Role.OTHER, false, null, 1));
		queries
			.add(new CaseloadQuery(CaseloadQuery.Sort.NAME, false, null, false, CaseloadQuery.PlanState.WITHHELD, 1));
		queries.add(new CaseloadQuery(CaseloadQuery.Sort.NAME, false, null, false, null, 2));
		return queries;
	}

	private java.util.List<PersonId> ids(CaseloadQuery query) {
		return people.caseload(socialWorker.actor(), query).people().stream().map(PersonSummary::id).toList();
	}

	private static CaseloadQuery parse(String sort, String order, String role, String overdue, String plan) {
		return CaseloadQuery.parse(sort, order, role, overdue, plan, null);
	}

	private static CaseloadRow row(Caseload caseload, PersonId person) {
		return caseload.rows().stream().filter(r -> r.person().id().equals(person)).findFirst().orElseThrow();
	}

}
