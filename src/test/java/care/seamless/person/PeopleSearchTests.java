package care.seamless.person;

import java.time.LocalDate;
import java.util.List;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.audit.BusyHour;
import care.seamless.consent.SearchVolumes;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.CareTeams;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Search cannot enumerate the population: people outside the searcher's care teams are
 * found only by identifying criteria, results are capped, the audit log records the
 * criteria's shape (never their values) and unusual volumes reach the Caldicott guardian.
 */
@SeamlessTest
class PeopleSearchTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	CareTeams careTeams;

	@Autowired
	AuditLog auditLog;

	@Autowired
	SearchVolumes searchVolumes;

	@Autowired
	MockMvc mvc;

	OrganisationId trust;

	Fixtures.Staff inTeam;

	Fixtures.Staff outsider;

	PersonId person;

	String familyName;

	String nhsNumber;

	LocalDate born;

	@BeforeEach
	void partnership() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		inTeam = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		outsider = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		familyName = Fixtures.unique("Searchwell");
		// A date of birth of its own, so that two letters and the date pick out this
		// person among everyone the other tests register.
		born = LocalDate.of(1900, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(40_000));
		nhsNumber = Fixtures.nextNhsNumber();
		person = people.register(fixtures.admin,
				Fixtures.details(Fixtures.unique("Given"), familyName, born, nhsNumber));
		careTeams.addMember(fixtures.admin, person, inTeam.practitionerId(), inTeam.teamId(), "Lead", true);
	}

	/**
	 * The decision table: who finds this person with which criteria. {@code %f} is the
	 * family name, {@code %2} its first two letters, {@code %1} its first letter,
	 * {@code %d} the date of birth and {@code %n} the NHS number.
	 */
	@ParameterizedTest(name = "{0} searching \"{1}\" finds the person: {2}")
	@CsvSource({ "in the care team, %f, true", "in the care team, %2, true", "in the care team, %1 %d, true",
			"in the care team, %d, true", "in the care team, %n, true", "outside, %f, false", "outside, %2, false",
			"outside, %d, false", "outside, %1 %d, false", "outside, %2 %d, true", "outside, %f %d, true",
			"outside, %d %f, true", "outside, %n, true", "outside, %f 1/1/1899, false" })
	void whoFindsWhomWithWhichCriteria(String who, String pattern, boolean found) {
		var actor = who.equals("outside") ? outsider.actor() : inTeam.actor();
		SearchResults results = people.search(actor, query(pattern));
		if (found) {
			assertThat(results.people()).extracting(PersonSummary::id).as("found with %s", pattern).contains(person);
		}
		else {
			assertThat(results.people()).extracting(PersonSummary::id)
				.as("not found with %s", pattern)
				.doesNotContain(person);
		}
	}

	@Test
	void nameAloneSaysOnlyTheCareTeamsWereSearched() {
		assertThat(people.search(outsider.actor(), familyName).outsideCareTeams()).isFalse();
		assertThat(people.search(outsider.actor(), query("%f %d")).outsideCareTeams()).isTrue();
		assertThat(people.search(outsider.actor(), nhsNumber).outsideCareTeams()).isTrue();
	}

	@Test
	void aOneLetterSearchIsRefusedAndTheRefusalIsAuditedByShape() {
		assertThatThrownBy(() -> people.search(outsider.actor(), "s")).isInstanceOf(SearchTooBroad.class)
			.satisfies(ex -> assertThat(((PersonRuleViolation) ex).field()).isEqualTo("q"));
		AuditEntry entry = lastEntryOf(outsider);
		assertThat(entry.outcome()).isEqualTo("DENIED");
		assertThat(entry.reason()).isEqualTo("search too broad; criteria: name(1)");
	}

	@Test
	void anInvalidNhsNumberIsAFieldError() {
		String wrongCheckDigit = nhsNumber.substring(0, 9) + ((nhsNumber.charAt(9) - '0' + 1) % 10);
		assertThatThrownBy(() -> people.search(outsider.actor(), wrongCheckDigit))
			.isInstanceOf(PersonRuleViolation.class)
			.hasMessageContaining("valid NHS number");
	}

	@Test
	void resultsAreCappedAndSayMoreMatched() {
		String crowd = Fixtures.unique("Crowd");
		for (int i = 0; i <= People.SEARCH_LIMIT; i++) {
			fixtures.person(crowd, inTeam);
		}
		SearchResults results = people.search(inTeam.actor(), crowd);
		assertThat(results.people()).hasSize(People.SEARCH_LIMIT);
		assertThat(results.more()).isTrue();
		assertThat(lastEntryOf(inTeam).reason()).contains("results: 20 (more matched)");
	}

	@Test
	void theAuditEntryRecordsTheCriteriasShapeAndCountButNoValues() {
		people.search(outsider.actor(), query("%f %d"));
		AuditEntry entry = lastEntryOf(outsider);
		assertThat(entry.action()).isEqualTo(SearchVolumes.OUTSIDE_CARE_TEAMS);
		assertThat(entry.reason())
			.isEqualTo("criteria: name(" + familyName.length() + "), date-of-birth; results: 1; outside care teams: 1");
		assertThat(entry.reason()).doesNotContain(familyName, Integer.toString(born.getYear()), born.toString());

		people.search(inTeam.actor(), nhsNumber);
		AuditEntry own = lastEntryOf(inTeam);
		assertThat(own.action()).isEqualTo("search");
		assertThat(own.reason()).isEqualTo("criteria: nhs-number; results: 1; outside care teams: 0");
	}

	@Test
	void manySearchesOutsideTheCareTeamsAreFlaggedToTheGuardianOfTheSearchersOrganisation() throws Exception {
		Fixtures.Staff guardian = fixtures.practitioner(trust, Profession.SOCIAL_WORKER, Role.PRACTITIONER,
				Role.CALDICOTT_GUARDIAN);
		Fixtures.Staff otherGuardian = fixtures.practitioner(fixtures.organisation(OrganisationKind.NHS_ACUTE_TRUST),
				Profession.SOCIAL_WORKER, Role.PRACTITIONER, Role.CALDICOTT_GUARDIAN);
		// The test profile flags more than three in an hour; four searches within the
		// same hour are certain only if the hour does not turn between them, so search
		// until the flag shows, with a bound.
		for (int i = 0; i < 8 && flagged(guardian).isEmpty(); i++) {
			people.search(outsider.actor(), nhsNumber);
		}
		assertThat(flagged(guardian)).singleElement().satisfies(hour -> assertThat(hour.entries()).isGreaterThan(3));
		assertThat(flagged(otherGuardian)).isEmpty();
		assertThat(searchVolumes.unusual(otherGuardian.actor())).extracting(BusyHour::account)
			.doesNotContain(outsider.username());

		mvc.perform(get("/caldicott").with(httpBasic(guardian.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"unusual-searches\"")))
			.andExpect(content().string(containsString(outsider.username())));
	}

	@Test
	void theApiRefusesATooBroadSearchWithProblemJsonNamingTheField() throws Exception {
		mvc.perform(get("/api/v1/people").param("q", "a").with(httpBasic(outsider.username(), Fixtures.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		mvc.perform(get("/api/v1/people").param("q", nhsNumber).with(httpBasic(outsider.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.people[0].inCareTeam").value(false))
			.andExpect(jsonPath("$.more").value(false))
			.andExpect(jsonPath("$.outsideCareTeams").value(true));
	}

	@Test
	void theSearchPageShowsATooBroadSearchAsAFieldError() throws Exception {
		mvc.perform(get("/people").param("q", "a").with(httpBasic(outsider.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"q-error\"")))
			.andExpect(content().string(containsString("Enter at least two letters of a name")));
	}

	private List<BusyHour> flagged(Fixtures.Staff guardian) {
		return searchVolumes.unusual(guardian.actor())
			.stream()
			.filter(hour -> hour.account().equals(outsider.username()))
			.toList();
	}

	private AuditEntry lastEntryOf(Fixtures.Staff staff) {
		return auditLog.recent(200, false)
			.stream()
			.filter(e -> e.account().equals(staff.username()))
			.findFirst()
			.orElseThrow();
	}

	private String query(String pattern) {
		return pattern.replace("%f", familyName)
			.replace("%2", familyName.substring(0, 2))
			.replace("%1", familyName.substring(0, 1))
			.replace("%d", born.getDayOfMonth() + "/" + born.getMonthValue() + "/" + born.getYear())
			.replace("%n", nhsNumber);
	}

}
