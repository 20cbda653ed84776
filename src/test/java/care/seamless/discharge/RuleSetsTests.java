package care.seamless.discharge;

import java.time.LocalDate;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.discharge.DischargeFixtures.Partnership;
import care.seamless.shared.ConcurrentEditException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrators' dated rule sets: local agreements never overlap (on the form and in
 * the database), a change names the version it read, and rules already applied to an
 * admission keep their notices and cover its day. Rule sets are shared data, so each test
 * keeps to a year of its own (2016, 2017; AdmissionsTests uses 2019).
 */
@SeamlessTest
class RuleSetsTests {

	@Autowired
	RuleSets ruleSets;

	@Autowired
	Admissions admissions;

	@Autowired
	DischargeFixtures fixtures;

	@Autowired
	Fixtures common;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void localAgreementsNeverOverlapOnTheFormOrInTheDatabase() throws Exception {
		String first = Fixtures.unique("Riverside 2016 notices ");
		UUID id = ruleSets.addLocalAgreement(common.admin, rules(first, "2016-01-01", "2016-06-30"));
		String second = Fixtures.unique("Riverside 2016 overlap ");

		assertThatThrownBy(() -> ruleSets.addLocalAgreement(common.admin,
				new NewRuleSet(second, " ", LocalDate.parse("2016-06-30"), null, true, 3, 2, 400, null)))
			.isInstanceOfSatisfying(DischargeRule.class, ex -> {
				assertThat(ex.violations()).extracting(DischargeRule.Violation::field)
					.containsExactly("legalBasis", "assessmentPeriodDays", "validFrom");
				assertThat(ex.violations().get(2).message()).contains(first, "1 January 2016 to 30 June 2016");
			});
		assertThat(ruleSets.all()).extracting(RuleSet::name).contains(first).doesNotContain(second);
		// Two administrators saving at once both pass the form's check; the constraint
		// stops the second.
		assertThatThrownBy(() -> jdbc.sql("""
				insert into discharge.rule_set (id, name, legal_basis, valid_from, valid_to, local_agreement,
				  statutory_notices, created_by, created_at)
				values (gen_random_uuid(), :name, 'test', date '2016-03-01', null, true, false, 'test', now())
				""").param("name", second).update()).isInstanceOf(DataIntegrityViolationException.class);
		// The page names the problem on its field (a date that is not one, too) and saves
		// nothing.
		mvc.perform(post("/admin/discharge-rules").with(httpBasic(administrator().username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("name", second)
			.param("legalBasis", "Riverside agreement")
			.param("validFrom", "01/05/2016")
			.param("validTo", "31/02/2016"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Enter a real date, like 20/06/2022")));
		mvc.perform(post("/admin/discharge-rules").with(httpBasic(administrator().username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("name", second)
			.param("legalBasis", "Riverside agreement")
			.param("validFrom", "01/05/2016"))
			.andExpect(status().isOk())
			.andExpect(
					content().string(org.hamcrest.Matchers.containsString("These dates overlap the local agreement")));
		assertThat(ruleSets.all()).extracting(RuleSet::name).doesNotContain(second);
		mvc.perform(get("/admin/discharge-rules/" + id).with(httpBasic(administrator().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/admin/discharge-rules\"")));
	}

	@Test
	void aChangeNamesItsVersionAndKeepsWhatAdmissionsAlreadyUse() throws Exception {
		Partnership p = fixtures.partnership();
		String name = Fixtures.unique("Riverside 2017 notices ");
		UUID id = ruleSets.addLocalAgreement(common.admin, rules(name, "2017-01-01", "2017-12-31"));
		UUID admission = fixtures.admit(p, p.nhsNumber(), LocalDate.of(2017, 3, 10));
		assertThat(admissions.admission(p.nurse().actor(), admission).ruleSet().id()).isEqualTo(id);

		assertThatThrownBy(() -> ruleSets.change(common.admin, id, 0,
				new NewRuleSet(name, "Riverside agreement", LocalDate.of(2017, 4, 1), LocalDate.of(2017, 3, 1), true, 5,
						2, 3, null)))
			.isInstanceOfSatisfying(DischargeRule.class,
					ex -> assertThat(ex.violations()).extracting(DischargeRule.Violation::field)
						.containsExactly("validTo", "statutoryNotices", "validFrom"));
		assertThatThrownBy(() -> ruleSets.end(common.admin, id, 0, LocalDate.of(2017, 3, 9))).isInstanceOfSatisfying(
				DischargeRule.class,
				ex -> assertThat(ex.violations().get(0).message()).contains("1 admission", "10 March 2017"));
		assertThatThrownBy(() -> ruleSets.end(p.nurse().actor(), id, 0, LocalDate.of(2017, 6, 30)))
			.isInstanceOf(DischargeRefused.class);
		RuleSet national = ruleSets.all().stream().filter(r -> !r.localAgreement()).findFirst().orElseThrow();
		assertThatThrownBy(
				() -> ruleSets.end(common.admin, national.id(), national.version(), LocalDate.of(2017, 8, 1)))
			.isInstanceOf(DischargeRefused.class);

		ruleSets.end(common.admin, id, 0, LocalDate.of(2017, 6, 30));
		assertThat(ruleSets.ruleSet(id).validTo()).isEqualTo(LocalDate.of(2017, 6, 30));
		assertThat(ruleSets.ruleSet(id).version()).isEqualTo(1);
		assertThat(admissions.admission(p.nurse().actor(), fixtures.admit(p, p.nhsNumber(), LocalDate.of(2017, 7, 1)))
			.ruleSet()
			.localAgreement()).isFalse();
		// A second tab still holding version 0 gets the conflict, on the page as in the
		// service.
		assertThatThrownBy(() -> ruleSets.end(common.admin, id, 0, LocalDate.of(2017, 5, 31)))
			.isInstanceOf(ConcurrentEditException.class);
		mvc.perform(post("/admin/discharge-rules/" + id + "/end")
			.with(httpBasic(administrator().username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("version", "0")
			.param("lastDay", "31/05/2017")).andExpect(status().isConflict());
		mvc.perform(put("/api/v1/discharges/rule-sets/" + id)
			.with(httpBasic(administrator().username(), Fixtures.PASSWORD))
			.with(csrf())
			.contentType("application/json")
			.content("""
					{"version": 0, "name": "%s", "legalBasis": "x", "validFrom": "2017-01-01", "statutoryNotices": true,
					 "assessmentNoticeMaxDaysBeforeAdmission": 3, "dischargeNoticeMinDaysBeforeDischarge": 2,
					 "assessmentPeriodDays": 3}""".formatted(name)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		assertThat(ruleSets.ruleSet(id).validTo()).isEqualTo(LocalDate.of(2017, 6, 30));
	}

	private Fixtures.Staff administrator;

	private Fixtures.Staff administrator() {
		if (administrator == null) {
			administrator = common.practitioner(
					common.organisation(care.seamless.team.OrganisationKind.NHS_ACUTE_TRUST),
					care.seamless.shared.Profession.ADMINISTRATOR, care.seamless.shared.Role.ADMINISTRATOR);
		}
		return administrator;
	}

	private static NewRuleSet rules(String name, String from, String to) {
		return new NewRuleSet(name, "Riverside discharge agreement", LocalDate.parse(from), LocalDate.parse(to), true,
				3, 2, 3, null);
	}

}
