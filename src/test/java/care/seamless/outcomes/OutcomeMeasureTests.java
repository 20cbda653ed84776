package care.seamless.outcomes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.ReplicaForTests;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditLog;
import care.seamless.partnership.NewPartnership;
import care.seamless.partnership.PartnershipDirection;
import care.seamless.partnership.PartnershipKind;
import care.seamless.partnership.PartnershipStatus;
import care.seamless.partnership.Partnerships;
import care.seamless.partnership.PooledFunds;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.ReportingDatabase;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outcome measures against a fixture worked by hand, in the first quarter of 2025/26
 * (April to June 2025), written as rows of the owners' tables:
 *
 * <ul>
 * <li>council lead (8 people P1–P8, all aged 85): P1–P6 leave hospital on pathway 1 on 10
 * May, P7 on pathway 0, P8 on pathway 3; P1 is back in hospital on 20 June (within 91
 * days) and leaves on pathway 2 on 25 June; P1 had 6 delayed days in May. Plans made May
 * 2024 for P1–P6, reviewed (due 15 May 2025) on 1 May by P1–P5 and on 1 June by P6. Five
 * carers' assessments completed by the council in April. Feedback in June from P1–P6:
 * P1–P5 felt listened to (4), P6 not (1); none answered yet.</li>
 * <li>trust lead (6 people Q1–Q6): Q1–Q5 leave on pathway 3 on 12 May, with 3 delayed
 * days between them; plans made 10 April 2025, one objective each: Q1–Q5's latest view
 * agrees (Q5 after disagreeing), Q6 agreed then withdrew.</li>
 * <li>an outsider's person leaves on pathway 0 in May: not a partner, not counted.</li>
 * </ul>
 *
 * Whole partnership: delayed days 6 + 3 = 9; usual place of residence (7 + 0 + 0) of (8 +
 * 5 + 1) = 7/14 = 50.0%; at home after 91 days 5/6 = 83.3%; care-home admissions 6 per 14
 * people aged 65+ = 42,857.1 per 100,000; carers 5; reviews on time 5/6 = 83.3%; plans
 * agreed 5/6 = 83.3%; listened to 5/6 = 83.3%; answered 0/6, suppressed. Per partner:
 * council delayed days 6, care-home admissions 1 (suppressed); trust delayed days 3
 * (suppressed), care-home 5 per 6 people = 83,333.3 per 100,000.
 */
@SeamlessTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeMeasureTests {

	static final UUID RULE_SET = UUID.fromString("7d7f2a7e-0a11-4c55-9d4e-3c2022000007");

	static final Period Q1 = Period.quarter(2025, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Partnerships partnerships;

	@Autowired
	Outcomes outcomes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Directory directory;

	@Autowired
	PooledFunds funds;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate transaction;

	OrganisationId council;

	OrganisationId trust;

	Staff commissioner;

	Staff board;

	Staff practitioner;

	Staff outsiderBoard;

	UUID partnership;

	List<PersonId> p = new ArrayList<>();

	@BeforeAll
	void fixture() {
		council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId outsider = fixtures.organisation(OrganisationKind.VOLUNTARY_SECTOR);
		commissioner = fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.COMMISSIONER);
		board = fixtures.practitioner(trust, Profession.DISTRICT_NURSE, Role.BOARD_MEMBER);
		practitioner = fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.PRACTITIONER);
		Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE, Role.PRACTITIONER);
		Staff stranger = fixtures.practitioner(outsider, Profession.SOCIAL_WORKER, Role.PRACTITIONER);
		outsiderBoard = fixtures.practitioner(outsider, Profession.SOCIAL_WORKER, Role.BOARD_MEMBER);
		partnership = partnerships.create(commissioner.actor(),
				new NewPartnership(Fixtures.unique("Outcomes "), PartnershipKind.POOLED_FUND,
						PartnershipDirection.VERTICAL, "Aims", "Functions", "", "Board", council, "Pool manager",
						LocalDate.of(2025, 4, 1), null, LocalDate.of(2027, 3, 31), "Notice", PartnershipStatus.ACTIVE,
						List.of(new NewPartnership.Partner(council, "Money", ""),
								new NewPartnership.Partner(trust, "Money", "")),
						Set.of()));
		for (int i = 1; i <= 8; i++) {
			p.add(fixtures.person("Council", practitioner));
		}
		List<PersonId> q = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			q.add(fixtures.person("Trust", nurse));
		}
		for (int i = 0; i < 6; i++) {
			admission(p.get(i), "2025-05-01", "2025-05-10", 1);
		}
		UUID withDelays = admission(p.get(0), "2025-06-20", "2025-06-25", 2);
		admission(p.get(6), "2025-05-01", "2025-05-10", 0);
		admission(p.get(7), "2025-05-01", "2025-05-10", 3);
		UUID first = jdbc.sql("select id from discharge.admission where person_id = :p and pathway = 1")
			.param("p", p.get(0).id())
			.query(UUID.class)
			.single();
		for (int d = 4; d <= 9; d++) {
			delayedDay(first, p.get(0), LocalDate.of(2025, 5, d));
		}
		for (int i = 0; i < 5; i++) {
			UUID a = admission(q.get(i), "2025-05-02", "2025-05-12", 3);
			if (i < 3) {
				delayedDay(a, q.get(i), LocalDate.of(2025, 5, 11));
			}
		}
		assertThat(withDelays).isNotNull();
		admission(fixtures.person("Outside", stranger), "2025-05-01", "2025-05-10", 0);
		for (int i = 0; i < 5; i++) {
			jdbc.sql("""
					insert into assessment.episode (id, person_id, stage, status, opened_by, opened_by_name,
					  opened_by_org, opened_at, completed_at)
					values (gen_random_uuid(), :person, 'carer', 'completed', :by, 'Test', :org,
					  timestamptz '2025-04-02 10:00+01', timestamptz '2025-04-20 10:00+01')
					""")
				.param("person", p.get(i).id())
				.param("by", practitioner.practitionerId().id())
				.param("org", council.id())
				.update();
		}
		for (int i = 0; i < 6; i++) {
			UUID plan = plan(p.get(i), "2024-05-15 10:00+01");
			review(plan, p.get(i), i < 5 ? "2025-05-01" : "2025-06-01");
		}
		for (int i = 0; i < 6; i++) {
			UUID plan = plan(q.get(i), "2025-04-10 10:00+01");
			UUID objective = objective(plan, q.get(i));
			if (i == 4) {
				view(objective, q.get(i), "DISAGREES");
			}
			view(objective, q.get(i), "AGREES");
			if (i == 5) {
				view(objective, q.get(i), "WITHDRAWN");
			}
		}
		for (int i = 0; i < 6; i++) {
			UUID account = UUID.randomUUID();
			jdbc.sql("""
					insert into door.account (id, username, password_hash, display_name, created_at)
					values (:id, :username, 'x', 'Test', now())
					""").param("id", account).param("username", Fixtures.unique("door")).update();
			jdbc.sql("""
					insert into door.feedback (id, person_id, account_id, listened, explained, agree_plan, easy,
					  given_at)
					values (gen_random_uuid(), :person, :account, :listened, 3, 3, 3, timestamptz '2025-06-03 12:00+01')
					""")
				.param("person", p.get(i).id())
				.param("account", account)
				.param("listened", i < 5 ? 4 : 1)
				.update();
		}
	}

	/**
	 * With a read replica (ADR 48; here the tests' own database behind read-only
	 * connections), the quarterly report's figures are read through it and are the same
	 * hand-worked ones, and the report is still audited: the audit entry is a write,
	 * which the replica's connections would refuse, so it went to the primary.
	 */
	@Test
	void withAReadReplicaTheFiguresComeFromItAndTheReportIsStillAudited() {
		try (ReplicaForTests replica = ReplicaForTests.of(dataSource)) {
			Outcomes onReplica = new Outcomes(new OutcomeRepository(new ReportingDatabase(replica, true)), partnerships,
					directory, clock);
			Returns returns = new Returns(onReplica, funds, auditLog, clock);
			long audited = quarterlyReportsAudited();

			PartnersReport report = transaction
				.execute((status) -> returns.quarterly(commissioner.actor(), partnership, 2025, 1));

			assertThat(replica.connections()).isPositive();
			assertThat(value(report.whole(), Measure.DELAYED_DAYS, null)).isEqualByComparingTo("9");
			assertThat(value(report.whole(), Measure.CARERS_ASSESSED, null)).isEqualByComparingTo("5");
			assertThat(quarterlyReportsAudited()).isEqualTo(audited + 1);
		}
	}

	private long quarterlyReportsAudited() {
		return jdbc
			.sql("select count(*) from audit.entry where action = 'quarterly-report' and record_id = :partnership")
			.param("partnership", partnership.toString())
			.query(Long.class)
			.single();
	}

	@Test
	void theWholePartnershipsFiguresAreTheHandWorkedOnes() {
		OutcomeReport report = outcomes.report(commissioner.actor(), partnership, List.of(Q1),
				Outcomes.Breakdown.PARTNERSHIP);
		assertThat(value(report, Measure.DELAYED_DAYS, null)).isEqualByComparingTo("9");
		assertThat(value(report, Measure.USUAL_RESIDENCE, null)).isEqualByComparingTo("50.0");
		assertThat(value(report, Measure.HOME_91_DAYS, null)).isEqualByComparingTo("83.3");
		assertThat(value(report, Measure.CARE_HOME_ADMISSIONS_65, null)).isEqualByComparingTo("42857.1");
		assertThat(value(report, Measure.CARERS_ASSESSED, null)).isEqualByComparingTo("5");
		assertThat(value(report, Measure.REVIEWS_ON_TIME, null)).isEqualByComparingTo("83.3");
		assertThat(value(report, Measure.PLAN_AGREED, null)).isEqualByComparingTo("83.3");
		assertThat(value(report, Measure.FEEDBACK_LISTENED, null)).isEqualByComparingTo("83.3");
		assertThat(value(report, Measure.FEEDBACK_ANSWERED, null)).isNull();
		Figure usual = figure(report, Measure.USUAL_RESIDENCE, null);
		assertThat(usual.numerator()).isEqualTo(7);
		assertThat(usual.denominator()).isEqualTo(14);
	}

	@Test
	void perPartnerFiguresUnderFiveAreSuppressed() {
		OutcomeReport report = outcomes.report(board.actor(), partnership, List.of(Q1),
				Outcomes.Breakdown.ORGANISATION);
		assertThat(value(report, Measure.DELAYED_DAYS, council)).isEqualByComparingTo("6");
		assertThat(figure(report, Measure.DELAYED_DAYS, trust).suppressed()).isTrue();
		assertThat(figure(report, Measure.DELAYED_DAYS, trust).numerator()).isNull();
		assertThat(figure(report, Measure.CARE_HOME_ADMISSIONS_65, council).suppressed()).isTrue();
		assertThat(value(report, Measure.CARE_HOME_ADMISSIONS_65, trust)).isEqualByComparingTo("83333.3");
	}

	@Test
	void theDashboardAndItsCsvShowAggregatesOnlyAndTheCommissionerReachesNoPerson() throws Exception {
		String page = mvc
			.perform(get("/partnerships/" + partnership + "/outcomes").param("from", "2025-04")
				.param("to", "2025-06")
				.param("by", "QUARTER")
				.param("breakdown", "ORGANISATION")
				.with(httpBasic(commissioner.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("83333.3", "fewer than 5").doesNotContain(p.get(0).id().toString());
		String csv = mvc
			.perform(get("/partnerships/" + partnership + "/outcomes.csv").param("from", "2025-04")
				.param("to", "2025-06")
				.param("by", "QUARTER")
				.param("breakdown", "ORGANISATION")
				.with(httpBasic(board.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("measure,period,organisation,team,numerator,denominator,value");
		assertThat(lines)
			.contains("DELAYED_DAYS,2025/26 Q1," + jdbc.sql("select name from team.organisation where id = :id")
				.param("id", trust.id())
				.query(String.class)
				.single() + ",,fewer than 5,,fewer than 5");
		assertThat(lines).allSatisfy((line) -> assertThat(line).doesNotMatch(".*,[0-4],.*|.*,[0-4]$"));
		String bcf = mvc
			.perform(get("/partnerships/" + partnership + "/returns/2025/q1/bcf.csv")
				.with(httpBasic(board.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> metrics = bcf.lines().toList();
		assertThat(metrics.get(0)).isEqualTo("metric,definition,period,numerator,denominator,value,status,note");
		assertThat(metrics).hasSize(6);
		assertThat(metrics.get(1)).startsWith("Avoidable admissions,").contains(",,,,not computable,");
		assertThat(metrics.get(3)).startsWith("Discharge to normal place of residence,")
			.contains(",7,14,50.0,computed,");
		assertThat(metrics.get(5)).startsWith("Reablement,").contains(",5,6,83.3,computed,");
		byte[] pdf = mvc
			.perform(get("/partnerships/" + partnership + "/returns/2025/q1.pdf")
				.with(httpBasic(commissioner.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		mvc.perform(get("/partnerships/" + partnership + "/returns/2025/q5.csv")
			.with(httpBasic(commissioner.username(), Fixtures.PASSWORD))).andExpect(status().isNotFound());
		// A practitioner without a management role sees no dashboard.
		mvc.perform(get("/partnerships/" + partnership + "/outcomes")
			.with(httpBasic(practitioner.username(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
		// A board member of an organisation outside the partnership does not see its
		// figures.
		mvc.perform(get("/partnerships/" + partnership + "/returns/2025/q1.csv")
			.with(httpBasic(outsiderBoard.username(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
		// The commissioner reads the aggregates of people whose records they cannot open.
		mvc.perform(get("/people/" + p.get(0).id()).with(httpBasic(commissioner.username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
		// A bad month is a message on the page, never a 500.
		String bad = mvc
			.perform(get("/partnerships/" + partnership + "/outcomes").param("from", "2025-13")
				.param("by", "FORTNIGHT")
				.with(httpBasic(commissioner.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(bad).contains("Enter a month like 2026-04", "Choose month or quarter");
	}

	private static @Nullable BigDecimal value(OutcomeReport report, Measure measure,
			@Nullable OrganisationId organisation) {
		return figure(report, measure, organisation).value();
	}

	private static Figure figure(OutcomeReport report, Measure measure, @Nullable OrganisationId organisation) {
		return report.of(measure)
			.stream()
			.filter((r) -> java.util.Objects.equals(r.organisation(), organisation))
			.findFirst()
			.orElseThrow()
			.figure();
	}

	private UUID admission(PersonId person, String admitted, String discharged, int pathway) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into discharge.admission (id, person_id, organisation_id, ward_team_id, hospital, ward,
				  admitted_at, discharged_at, pathway, rule_set_id, recorded_by, recorded_at)
				values (:id, :person, :org, :team, 'General', 'Ward 1', cast(:admitted as date) + time '09:00',
				  cast(:discharged as date) + time '15:00', :pathway, :rules, gen_random_uuid(), now())
				""")
			.param("id", id)
			.param("person", person.id())
			.param("org", trust.id())
			.param("team", board.teamId().id())
			.param("admitted", admitted)
			.param("discharged", discharged)
			.param("pathway", pathway)
			.param("rules", RULE_SET)
			.update();
		return id;
	}

	private void delayedDay(UUID admission, PersonId person, LocalDate day) {
		jdbc.sql("""
				insert into discharge.delayed_day (id, admission_id, person_id, day, reason, recorded_by, recorded_at)
				values (gen_random_uuid(), :admission, :person, :day, 'AWAITING_CARE_HOME', gen_random_uuid(), now())
				""").param("admission", admission).param("person", person.id()).param("day", day).update();
	}

	private UUID plan(PersonId person, String created) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into careplan.care_plan (id, person_id, source_organisation_id, created_by, created_at)
				values (:id, :person, :org, 'test', cast(:created as timestamptz))
				""")
			.param("id", id)
			.param("person", person.id())
			.param("org", council.id())
			.param("created", created)
			.update();
		return id;
	}

	private void review(UUID plan, PersonId person, String held) {
		jdbc.sql(
				"""
						insert into careplan.review (id, plan_id, person_id, kind, held_on, category, source_organisation_id,
						  recorded_by, recorded_at)
						values (gen_random_uuid(), :plan, :person, 'SCHEDULED', cast(:held as date), 'GENERAL', :org, 'test', now())
						""")
			.param("plan", plan)
			.param("person", person.id())
			.param("held", held)
			.param("org", council.id())
			.update();
	}

	private UUID objective(UUID plan, PersonId person) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into careplan.objective (id, plan_id, person_id, section, description, target, measure,
				  target_date, category, source_organisation_id, created_by, created_at)
				values (:id, :plan, :person, 'SOCIAL_CARE', 'Walk to the shop', 'Weekly', 'Diary', date '2025-12-01',
				  'GENERAL', :org, 'test', now())
				""").param("id", id).param("plan", plan).param("person", person.id()).param("org", trust.id()).update();
		return id;
	}

	private void view(UUID objective, PersonId person, String view) {
		jdbc.sql("""
				insert into careplan.agreement (id, objective_id, person_id, view, given_by, recorded_by, recorded_at)
				values (gen_random_uuid(), :objective, :person, :view, 'PERSON', 'test', now())
				""").param("objective", objective).param("person", person.id()).param("view", view).update();
	}

}
