package care.seamless.discharge;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.discharge.DischargeFixtures.Partnership;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monthly report against a fixture counted by hand. March 2023, two admissions of one
 * ward:
 *
 * <pre>
 * person A (pathway 1, home with support), admitted 25 Feb:
 *   28 Feb  home care    SOCIAL_CARE proposed by NHS      (February: not counted)
 *    1 Mar  home care    SOCIAL_CARE proposed, agreed     -> SOCIAL_CARE
 *    2 Mar  home care    SOCIAL_CARE proposed, disputed   -> DISPUTED (NHS: social care; council: NHS)
 *   31 Mar  medicines    NHS proposed by the council      -> PROPOSED
 * person B (no pathway yet), admitted 5 Mar:
 *    6 Mar  own choice   PERSON_CHOICE proposed, agreed   -> PERSON_CHOICE
 *    7 Mar  care home    BOTH proposed by council, agreed -> BOTH
 *    1 Apr  care home    BOTH proposed                    (April: not counted)
 *
 * total 5; by reason: home care 2, medicines 1, own choice 1, care home 1;
 * by attribution: SOCIAL_CARE 1, NHS 0, BOTH 1, PERSON_CHOICE 1, PROPOSED 1, DISPUTED 1;
 * by pathway: HOME_WITH_SUPPORT 3, NONE 2.
 * </pre>
 */
@SeamlessTest
class DelayedDaysReportTests {

	private static final YearMonth MARCH = YearMonth.of(2023, 3);

	@Autowired
	DischargeFixtures fixtures;

	@Autowired
	Fixtures common;

	@Autowired
	Admissions admissions;

	@Autowired
	DelayedDays delayedDays;

	@Autowired
	DischargeReports reports;

	@Autowired
	MockMvc mvc;

	@Autowired
	care.seamless.team.Directory directory;

	@Test
	void countsAMonthByReasonAttributionAndPathwayForTheManagersOfBothPartners() throws Exception {
		Partnership p = march();

		for (var manager : java.util.List.of(p.wardManager(), p.councilManager())) {
			MonthlyReport report = reports.monthly(manager.actor(), MARCH);
			assertThat(report.total()).isEqualTo(5);
			assertThat(report.byReason()).contains(entry(DelayReason.AWAITING_HOME_CARE, 2),
					entry(DelayReason.AWAITING_MEDICINES, 1), entry(DelayReason.PERSON_OR_FAMILY_CHOICE, 1),
					entry(DelayReason.AWAITING_CARE_HOME, 1), entry(DelayReason.HOUSING, 0));
			assertThat(report.byAttribution()).containsExactly(entry("NHS", 0), entry("SOCIAL_CARE", 1),
					entry("BOTH", 1), entry("PERSON_CHOICE", 1), entry("PROPOSED", 1), entry("DISPUTED", 1));
			assertThat(report.byPathway()).containsExactlyInAnyOrderEntriesOf(Map.of("HOME_NO_NEW_SUPPORT", 0,
					"HOME_WITH_SUPPORT", 3, "REHABILITATION_BED", 0, "CARE_HOME", 0, "NONE", 2));
			assertThat(report.disputed())
				.extracting(MonthlyReport.Disputed::day, MonthlyReport.Disputed::nhsView,
						MonthlyReport.Disputed::socialCareView)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 3, 2), Attribution.SOCIAL_CARE,
						Attribution.NHS));
		}

		String csv = mvc
			.perform(get("/discharges/report.csv").param("month", "2023-03")
				.with(httpBasic(p.councilManager().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines()).contains("2023-03,attribution,DISPUTED,1", "2023-03,pathway,HOME_WITH_SUPPORT,3",
				"2023-03,reason,AWAITING_HOME_CARE,2", "2023-03,total,ALL,5");
		// The list of people in hospital offers the report to managers only: a nurse
		// following it was refused.
		assertThat(mvc.perform(get("/admissions").with(httpBasic(p.wardManager().username(), Fixtures.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"report-link\"");
		assertThat(mvc.perform(get("/admissions").with(httpBasic(p.nurse().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"new-admission\"").doesNotContain("report-link");
	}

	@Autowired
	RuleSets ruleSets;

	private static final UUID ACT_2003 = UUID.fromString("7d7f2a7e-0a11-4c55-9d4e-3c2003000005");

	/**
	 * Reimbursement by hand, in a month of the 2003 Act scheme (a month with no rate yet,
	 * as rates are shared data): £100.00 a day to the 15th, £120.50 from the 16th.
	 *
	 * <pre>
	 *  2nd  agreed social care     -> 100.00 payable
	 * 20th  agreed social care     -> 120.50 payable
	 * 21st  agreed both            -> nothing (the scheme charges social care alone)
	 * 22nd  disputed (NHS: social) -> 120.50 at stake, not charged
	 * 23rd  proposed social care   -> 120.50 awaiting agreement, not charged
	 * payable 220.50 for 2 days
	 * </pre>
	 */
	@Test
	void reimbursementUsesTheRateInForceEachDayAndNeverChargesDisputedDays() throws Exception {
		java.util.List<DailyRate> taken = ruleSets.rates(ACT_2003);
		YearMonth month = java.util.stream.Stream
			.iterate(YearMonth.of(2004, 2).plusMonths(new java.util.Random().nextInt(130)),
					m -> m.isAfter(YearMonth.of(2015, 2)) ? YearMonth.of(2004, 2) : m.plusMonths(1))
			.limit(140)
			.filter(m -> taken.stream().noneMatch(r -> r.overlaps(m.atDay(1), m.atEndOfMonth())))
			.findFirst()
			.orElseThrow();
		var admin = common.admin;
		ruleSets.addRate(admin, ACT_2003, month.atDay(1), month.atDay(15), new java.math.BigDecimal("100.00"),
				"Test rate, first half");
		ruleSets.addRate(admin, ACT_2003, month.atDay(16), month.atEndOfMonth(), new java.math.BigDecimal("120.5"),
				"Test rate, second half");
		// Overlapping, reversed, fractions of a penny, no note: every problem at once,
		// nothing saved.
		assertThatThrownBy(() -> ruleSets.addRate(admin, ACT_2003, month.atDay(10), month.atDay(20),
				new java.math.BigDecimal("1.001"), " "))
			.isInstanceOfSatisfying(DischargeRule.class, ex -> assertThat(ex.violations()).extracting(v -> v.field())
				.containsExactly("validFrom", "amount", "note"));
		assertThatThrownBy(() -> ruleSets.addRate(admin, ACT_2003, month.atDay(10), month.atDay(9), null, null))
			.isInstanceOfSatisfying(DischargeRule.class, ex -> assertThat(ex.violations()).extracting(v -> v.field())
				.containsExactly("validTo", "amount", "note"));
		assertThat(ruleSets.rates(ACT_2003))
			.filteredOn(r -> r.validFrom().getYear() == month.getYear() && r.validFrom().getMonth() == month.getMonth())
			.hasSize(2);

		Partnership p = fixtures.partnership();
		UUID a = fixtures.admit(p, p.nhsNumber(), month.atDay(1));
		delay(p, a, month.atDay(2).toString(), DelayReason.AWAITING_HOME_CARE, Attribution.SOCIAL_CARE, true, true);
		delay(p, a, month.atDay(20).toString(), DelayReason.AWAITING_HOME_CARE, Attribution.SOCIAL_CARE, true, true);
		delay(p, a, month.atDay(21).toString(), DelayReason.AWAITING_CARE_HOME, Attribution.BOTH, true, true);
		delay(p, a, month.atDay(22).toString(), DelayReason.AWAITING_HOME_CARE, Attribution.SOCIAL_CARE, true, false);
		delay(p, a, month.atDay(23).toString(), DelayReason.AWAITING_HOME_CARE, Attribution.SOCIAL_CARE, true, null);

		MonthlyReport.Reimbursement money = reports.monthly(p.councilManager().actor(), month).reimbursement();
		assertThat(money.payableBySocialCare()).isEqualByComparingTo("220.50");
		assertThat(money.payableBySocialCare().scale()).isEqualTo(2);
		assertThat(money.daysCharged()).isEqualTo(2);
		assertThat(money.disputedAtStake()).isEqualByComparingTo("120.50");
		assertThat(money.disputedDays()).isEqualTo(1);
		assertThat(money.awaitingAgreement()).isEqualByComparingTo("120.50");
		assertThat(money.awaitingDays()).isEqualTo(1);
		assertThat(money.daysWithoutRate()).isZero();

		String csv = mvc
			.perform(get("/discharges/report.csv").param("month", month.toString())
				.with(httpBasic(p.wardManager().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines()).contains(month + ",reimbursement_payable_by_social_care_gbp,220.50,2",
				month + ",reimbursement_disputed_at_stake_gbp,120.50,1");
		mvc.perform(get("/discharges/report").param("month", month.toString())
			.with(httpBasic(p.councilManager().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("£220.50 (2 days)")));
	}

	/**
	 * A manager who counts a disputed day through their team, without being in the
	 * person's care team, is not offered a link to an admission they would be refused; a
	 * manager in the care team is, and may follow it.
	 */
	@Test
	void linksADisputedDayOnlyToThoseWhoMayOpenItsAdmission() throws Exception {
		Partnership p = march();
		var teamManager = common.practitionerIn(p.council(), p.socialWorker().teamId(), Profession.CARE_MANAGER, true,
				Role.PRACTITIONER, Role.TEAM_MANAGER);
		UUID admission = reports.monthly(p.councilManager().actor(), MARCH).disputed().get(0).admissionId();
		assertThat(reports.monthly(p.councilManager().actor(), MARCH).disputed())
			.extracting(MonthlyReport.Disputed::mayOpen)
			.containsExactly(true);
		assertThat(reports.monthly(teamManager.actor(), MARCH).disputed()).extracting(MonthlyReport.Disputed::mayOpen)
			.containsExactly(false);

		String link = "href=\"/admissions/" + admission + "\"";
		assertThat(page("/discharges/report?month=2023-03", p.councilManager().username(), 200)).contains(link);
		page("/admissions/" + admission, p.councilManager().username(), 200);
		assertThat(page("/discharges/report?month=2023-03", teamManager.username(), 200)).doesNotContain(link)
			.contains("Counted because your team works with the person");
		// Had it been offered, following it would have been refused.
		page("/admissions/" + admission, teamManager.username(), 403);
	}

	private String page(String path, String username, int expected) throws Exception {
		return mvc.perform(get(path).with(httpBasic(username, Fixtures.PASSWORD)))
			.andExpect(status().is(expected))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void countsWhatTheManagerOrTheirTeamMaySeeAndIsForManagersOnly() {
		Partnership p = march();
		var stranger = common.practitioner(common.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE),
				Profession.CARE_MANAGER, Role.PRACTITIONER, Role.TEAM_MANAGER);
		assertThat(reports.monthly(stranger.actor(), MARCH).total()).isZero();
		// A manager of the social worker's team counts the team's people without being in
		// their care teams; a manager of another team of the same council does not.
		var teamManager = common.practitionerIn(p.council(), p.socialWorker().teamId(), Profession.CARE_MANAGER, true,
				Role.PRACTITIONER, Role.TEAM_MANAGER);
		assertThat(reports.monthly(teamManager.actor(), MARCH).total()).isEqualTo(5);
		var otherTeamManager = common.practitionerIn(p.council(),
				directory.createTeam(common.admin, p.council(), Fixtures.unique("Reablement ")),
				Profession.CARE_MANAGER, true, Role.PRACTITIONER, Role.TEAM_MANAGER);
		assertThat(reports.monthly(otherTeamManager.actor(), MARCH).total()).isZero();
		assertThatThrownBy(() -> reports.monthly(p.nurse().actor(), MARCH)).isInstanceOf(DischargeRefused.class);
	}

	private Partnership march() {
		Partnership p = fixtures.partnership();
		UUID a = fixtures.admit(p, p.nhsNumber(), LocalDate.of(2023, 2, 25));
		admissions.updatePlan(p.nurse().actor(), a, 0,
				new Admissions.PlanChange(null, null, Pathway.HOME_WITH_SUPPORT, Checklist.empty()));
		String other = Fixtures.nextNhsNumber();
		fixtures.person(other, p.socialWorker(), p.councilManager());
		UUID b = fixtures.admit(p, other, LocalDate.of(2023, 3, 5));

		delay(p, a, "2023-02-28", DelayReason.AWAITING_HOME_CARE, Attribution.SOCIAL_CARE, true, null);
		delay(p, a, "2023-03-01", DelayReason.AWAITING_HOME_CARE, Attribution.SOCIAL_CARE, true, Boolean.TRUE);
		delay(p, a, "2023-03-02", DelayReason.AWAITING_HOME_CARE, Attribution.SOCIAL_CARE, true, Boolean.FALSE);
		delay(p, a, "2023-03-31", DelayReason.AWAITING_MEDICINES, Attribution.NHS, false, null);
		delay(p, b, "2023-03-06", DelayReason.PERSON_OR_FAMILY_CHOICE, Attribution.PERSON_CHOICE, true, Boolean.TRUE);
		delay(p, b, "2023-03-07", DelayReason.AWAITING_CARE_HOME, Attribution.BOTH, false, Boolean.TRUE);
		delay(p, b, "2023-04-01", DelayReason.AWAITING_CARE_HOME, Attribution.BOTH, false, null);
		return p;
	}

	/**
	 * Proposed by the ward (or the council), then agreed, disputed or left by the other.
	 */
	private void delay(Partnership p, UUID admission, String day, DelayReason reason, Attribution proposed,
			boolean byNhs, Boolean agreed) {
		var proposer = byNhs ? p.nurse() : p.socialWorker();
		var other = byNhs ? p.socialWorker() : p.nurse();
		UUID id = delayedDays.record(proposer.actor(), admission, LocalDate.parse(day), reason, proposed, null);
		if (agreed != null) {
			delayedDays.answer(other.actor(), id, 0, agreed,
					agreed ? null : (proposed == Attribution.NHS ? Attribution.SOCIAL_CARE : Attribution.NHS), null);
		}
	}

}
