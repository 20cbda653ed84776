package care.seamless.person;

import java.time.Instant;
import java.time.LocalDate;
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
