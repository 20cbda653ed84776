package care.seamless.partnership;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A commissioner keeps a pooled fund's year through the pages: terms, contributions with
 * a variation, a budget line, spend and a forecast; the statement's variance and year-end
 * shares are exact (worked below); bad money, dates and shares are named on their fields
 * and save nothing; a practitioner reads but does not keep the ledger.
 */
@SeamlessTest
class PooledFundTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Partnerships partnerships;

	@Autowired
	PooledFunds funds;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aYearKeptThroughThePagesSharesItsOverspendExactly() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		Staff commissioner = fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.COMMISSIONER);
		Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE, Role.PRACTITIONER);
		UUID id = partnerships.create(commissioner.actor(),
				new NewPartnership(Fixtures.unique("Pool "), PartnershipKind.POOLED_FUND, PartnershipDirection.VERTICAL,
						"Aims", "Functions", "", "", council, "Pool manager", java.time.LocalDate.of(2026, 4, 1), null,
						java.time.LocalDate.of(2027, 4, 1), "", PartnershipStatus.ACTIVE,
						List.of(new NewPartnership.Partner(council, "Money", ""),
								new NewPartnership.Partner(trust, "Money", "")),
						Set.of()));
		String base = "/partnerships/" + id + "/fund";
		// Shares that do not add up, and a cap that is not money: named, nothing opened.
		String page = ok(as(commissioner, post(base + "/terms")).param("year", "2026")
			.param("rule", "FIXED")
			.param("percentage-" + council.id(), "60")
			.param("percentage-" + trust.id(), "30")
			.param("cap-" + trust.id(), "lots"));
		assertThat(page).contains("Enter an amount in pounds and pence");
		page = ok(as(commissioner, post(base + "/terms")).param("year", "2026")
			.param("rule", "FIXED")
			.param("percentage-" + council.id(), "60")
			.param("percentage-" + trust.id(), "30"));
		assertThat(page).contains("Fixed shares must add up to 100%, not 90%");
		assertThat(funds.years(id)).isEmpty();
		redirect(as(commissioner, post(base + "/terms")).param("version", "-1")
			.param("year", "2026")
			.param("rule", "FIXED")
			.param("percentage-" + council.id(), "60")
			.param("percentage-" + trust.id(), "40"));
		redirect(as(commissioner, post(base + "/2026/contributions")).param("partner", council.id().toString())
			.param("kind", "INITIAL")
			.param("amount", "£1,000,000.00"));
		redirect(as(commissioner, post(base + "/2026/contributions")).param("partner", trust.id().toString())
			.param("kind", "INITIAL")
			.param("amount", "1500000"));
		redirect(as(commissioner, post(base + "/2026/contributions")).param("partner", trust.id().toString())
			.param("kind", "VARIATION")
			.param("amount", "-100000.00")
			.param("reason", "In-year reduction agreed by the board"));
		redirect(as(commissioner, post(base + "/2026/lines")).param("name", "Reablement").param("budget", "2400000"));
		UUID line = funds.statement(id, 2026).lines().get(0).id();
		// Bad spend: too many decimals, a date outside the year, no description.
		long spendBefore = jdbc.sql("select count(*) from partnership.pool_spend").query(Long.class).single();
		page = ok(as(commissioner, post(base + "/2026/spend")).param("line", line.toString())
			.param("spend-amount", "12.345")
			.param("spentOn", "2026-02-30"));
		assertThat(page).contains("Enter an amount in pounds and pence", "Enter a real date");
		page = ok(as(commissioner, post(base + "/2026/spend")).param("line", line.toString())
			.param("spend-amount", "500.00")
			.param("spentOn", "2028-01-01")
			.param("description", ""));
		assertThat(page).contains("must fall in the financial year 2026/27", "Say what the money was spent on");
		assertThat(jdbc.sql("select count(*) from partnership.pool_spend").query(Long.class).single())
			.isEqualTo(spendBefore);
		redirect(as(commissioner, post(base + "/2026/spend")).param("line", line.toString())
			.param("spend-amount", "1234567.89")
			.param("spentOn", "2026-09-30")
			.param("description", "Reablement hours, April to September"));
		redirect(as(commissioner, post(base + "/2026/lines/" + line + "/forecast")).param("version", "0")
			.param("forecast", "2512345.67"));
		// A second tab's forecast on the old version is a conflict.
		mvc.perform(as(commissioner, post(base + "/2026/lines/" + line + "/forecast")).param("version", "0")
			.param("forecast", "1.00")).andExpect(status().isConflict());
		// Pooled 1,000,000 + 1,500,000 - 100,000 = 2,400,000; forecast 2,512,345.67;
		// overspend 112,345.67 = 11,234,567p. Council 60% = 6,740,740.2p → 6,740,740p;
		// trust 40% = 4,493,826.8p → 4,493,826p; the penny left goes to the larger
		// remainder, the trust's.
		PoolStatement statement = funds.statement(id, 2026);
		assertThat(statement.pooled()).isEqualByComparingTo("2400000.00");
		assertThat(statement.spent()).isEqualByComparingTo("1234567.89");
		assertThat(statement.variance()).isEqualByComparingTo("112345.67");
		assertThat(statement.riskShare().shares().get(name(statement, council))).isEqualByComparingTo("67407.40");
		assertThat(statement.riskShare().shares().get(name(statement, trust))).isEqualByComparingTo("44938.27");
		String csv = mvc.perform(get(base + "/2026.csv").with(httpBasic(nurse.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains("2026/27,total,variance,total,112345.67", "67407.40", "44938.27");
		assertThat(ok(get(base).param("year", "2026").with(httpBasic(nurse.username(), Fixtures.PASSWORD))))
			.contains("£112,345.67 overspend", "In-year reduction agreed by the board");
		mvc.perform(as(nurse, post(base + "/2026/lines")).param("name", "Mine").param("budget", "1"))
			.andExpect(status().isForbidden());
	}

	private static String name(PoolStatement statement, OrganisationId organisation) {
		return statement.partners()
			.stream()
			.filter((p) -> p.organisation().equals(organisation))
			.findFirst()
			.orElseThrow()
			.name();
	}

	private MockHttpServletRequestBuilder as(Staff staff, MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(staff.username(), Fixtures.PASSWORD)).with(csrf());
	}

	private String ok(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private void redirect(MockHttpServletRequestBuilder request) throws Exception {
		mvc.perform(request).andExpect(status().is3xxRedirection());
	}

}
