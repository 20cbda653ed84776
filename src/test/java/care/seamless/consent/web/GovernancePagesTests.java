package care.seamless.consent.web;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.person.People;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages for withdrawing a choice and for the guardian's audit search: field messages,
 * clear refusals and 403s, and the CSV export.
 */
@SeamlessTest
class GovernancePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Choices choices;

	@Autowired
	People people;

	@Autowired
	AuditLog auditLog;

	record World(OrganisationId council, OrganisationId housing, Fixtures.Staff socialWorker,
			Fixtures.Staff housingOfficer, Fixtures.Staff guardian, PersonId person, UUID objection) {
	}

	private World world() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId housing = fixtures.organisation(OrganisationKind.HOUSING);
		fixtures.agreement(Set.of(council, housing), DataCategory.GENERAL);
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var housingOfficer = fixtures.practitioner(housing, Profession.HOUSING_OFFICER);
		var guardian = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.CALDICOTT_GUARDIAN);
		PersonId person = fixtures.person(Fixtures.unique("Pages"), socialWorker);
		fixtures.addToCareTeam(person, housingOfficer);
		UUID objection = choices.record(socialWorker.actor(), person,
				new NewChoice(ChoiceKind.OBJECTION, housing, null, HowGiven.VERBAL, LocalDate.now(), null, null));
		return new World(council, housing, socialWorker, housingOfficer, guardian, person, objection);
	}

	@Test
	void withdrawingWithoutAReasonIsAFieldMessageAndChangesNothing() throws Exception {
		World w = world();

		mvc.perform(post("/people/{id}/choices/{c}/withdraw", w.person(), w.objection()).param("version", "0")
			.param("requestedBy", "PERSON")
			.param("howAsked", "IN_PERSON")
			.param("reason", "")
			.with(httpBasic(w.socialWorker().username(), Fixtures.PASSWORD))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(model().attributeHasFieldErrors("withdrawForm", "reason"))
			.andExpect(content().string(containsString("Give the reason for the change")));

		assertThat(choices.choices(w.socialWorker().actor(), w.person())).singleElement()
			.satisfies(c -> assertThat(c.withdrawnAt()).isNull());
	}

	@Test
	void theOrganisationAnObjectionIsAgainstIsRefusedWithAClearMessage() throws Exception {
		World w = world();

		mvc.perform(post("/people/{id}/choices/{c}/withdraw", w.person(), w.objection()).param("version", "0")
			.param("requestedBy", "PERSON")
			.param("howAsked", "IN_PERSON")
			.param("reason", "She said it was fine")
			.with(httpBasic(w.housingOfficer().username(), Fixtures.PASSWORD))
			.with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("against your organisation")));

		assertThat(choices.choices(w.socialWorker().actor(), w.person())).singleElement()
			.satisfies(c -> assertThat(c.withdrawnAt()).isNull());
	}

	@Test
	void onlyAGuardianMaySearchTheAuditLogAndTheRefusalIsRecorded() throws Exception {
		World w = world();

		mvc.perform(get("/caldicott/audit").param("person", w.person().toString())
			.with(httpBasic(w.socialWorker().username(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get("/caldicott/audit/export").param("person", w.person().toString())
			.with(httpBasic(w.socialWorker().username(), Fixtures.PASSWORD))).andExpect(status().isForbidden());

		assertThat(auditLog.historyOf(w.person(), 50)).filteredOn(e -> e.action().endsWith("-audit"))
			.extracting(AuditEntry::action, AuditEntry::outcome)
			.contains(org.assertj.core.groups.Tuple.tuple("search-audit", "DENIED"),
					org.assertj.core.groups.Tuple.tuple("export-audit", "DENIED"));
	}

	@Test
	void aGuardianSearchesByPersonUserAndDatesAndPagesThroughTheResults() throws Exception {
		World w = world();
		for (int i = 0; i < 55; i++) {
			people.summary(w.socialWorker().actor(), w.person());
		}
		String today = LocalDate.now().toString();

		mvc.perform(get("/caldicott/audit").param("person", w.person().toString())
			.param("account", w.socialWorker().username())
			.param("from", today)
			.param("to", today)
			.with(httpBasic(w.guardian().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"audit-next\"")))
			.andExpect(content().string(containsString("Page 1 of 2")))
			.andExpect(content().string(not(containsString(w.housingOfficer().username()))));
		mvc.perform(get("/caldicott/audit").param("person", w.person().toString())
			.param("account", w.socialWorker().username())
			.param("page", "2")
			.with(httpBasic(w.guardian().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page 2 of 2")));
		mvc.perform(get("/caldicott/audit").param("person", w.person().toString())
			.param("from", LocalDate.now().plusDays(1).toString())
			.with(httpBasic(w.guardian().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0 entries match")));

		assertThat(auditLog.historyOf(w.person(), 5)).extracting(AuditEntry::action).contains("search-audit");
	}

	@Test
	void badSearchInputIsAFieldMessage() throws Exception {
		World w = world();

		mvc.perform(get("/caldicott/audit").param("person", "not-an-id")
			.param("from", "2026-02-01")
			.param("to", "2026-01-01")
			.with(httpBasic(w.guardian().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("search", "person"));
		mvc.perform(get("/caldicott/audit").param("from", "2026-02-01")
			.param("to", "2026-01-01")
			.with(httpBasic(w.guardian().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("search", "to"))
			.andExpect(content().string(containsString("The end date must be on or after the start date")));
	}

	@Test
	void aGuardianExportsEverythingAboutOnePersonAsCsv() throws Exception {
		World w = world();
		PersonId other = fixtures.person(Fixtures.unique("Other"), w.socialWorker());

		String csv = mvc
			.perform(get("/caldicott/audit/export").param("person", w.person().toString())
				.with(httpBasic(w.guardian().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(csv.lines().findFirst()).hasValue(
				"seq,occurred_at_utc,account,role,organisation_code,action,record_type,record_id,person_id,purpose,outcome,reason,override");
		assertThat(csv).contains(w.person().toString()).contains("record-objection").doesNotContain(other.toString());
		assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).contains(w.person().toString()));
		assertThat(auditLog.historyOf(w.person(), 5)).extracting(AuditEntry::action).contains("export-audit");
	}

	@Test
	void onlyAnAdministratorNamesTheFallbackGuardian() throws Exception {
		World w = world();
		var admin = fixtures.practitioner(w.council(), Profession.ADMINISTRATOR, Role.ADMINISTRATOR);

		mvc.perform(get("/caldicott/fallback-guardian").with(httpBasic(w.guardian().username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/caldicott/fallback-guardian").param("username", "")
			.with(httpBasic(admin.username(), Fixtures.PASSWORD))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose an account that holds the Caldicott guardian role")));
		mvc.perform(post("/caldicott/fallback-guardian").param("username", w.guardian().username())
			.with(httpBasic(admin.username(), Fixtures.PASSWORD))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/caldicott/fallback-guardian").with(httpBasic(admin.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Now: " + w.guardian().username())));
	}

}
