package care.seamless.population;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import care.seamless.SeamlessTest;
import care.seamless.audit.AuditLog;
import care.seamless.audit.ChainVerification;
import care.seamless.shared.NhsNumber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A small population loaded into the shared test database inside a transaction that is
 * rolled back, so the other tests never see it.
 */
@SeamlessTest
class PopulationTests {

	private static final int PEOPLE = 150;

	// The generated rows, found by the organisations' Z codes; created_at and the
	// salted password hash are left out (a hash differs each time by design).
	private static final String CONTENT_HASH = """
			with org as (select id from team.organisation where code like 'Z%'),
			     who as (select id from person.person where source_organisation_id in (select id from org))
			select md5(concat_ws('|',
			  (select string_agg(to_jsonb(o)::text, ',' order by o.id) from team.organisation o where o.id in (select id from org)),
			  (select string_agg(to_jsonb(p)::text, ',' order by p.id) from person.person p where p.id in (select id from who)),
			  (select string_agg(to_jsonb(r)::text, ',' order by r.id) from person.related_person r where r.person_id in (select id from who)),
			  (select string_agg(to_jsonb(c)::text, ',' order by c.id) from team.care_team_member c where c.person_id in (select id from who)),
			  (select string_agg(to_jsonb(c)::text, ',' order by c.id) from consent.choice c where c.person_id in (select id from who)),
			  (select string_agg((to_jsonb(a) - 'password_hash')::text, ',' order by a.id) from team.account a
			     where a.username ~ '^staff[0-9]+$' or a.username = 'population-admin'),
			  (select string_agg(to_jsonb(e)::text, ',' order by e.id) from assessment.episode e where e.person_id in (select id from who)),
			  (select string_agg(to_jsonb(s)::text, ',' order by s.id) from assessment.section s where s.person_id in (select id from who)),
			  (select string_agg(to_jsonb(a)::text, ',' order by a.id) from assessment.answer a where a.person_id in (select id from who)),
			  (select string_agg(to_jsonb(c)::text, ',' order by c.id) from careplan.care_plan c where c.person_id in (select id from who)),
			  (select string_agg(to_jsonb(o)::text, ',' order by o.id) from careplan.objective o where o.person_id in (select id from who)),
			  (select string_agg(to_jsonb(a)::text, ',' order by a.id) from careplan.action a where a.person_id in (select id from who)),
			  (select string_agg(to_jsonb(r)::text, ',' order by r.id) from referral.referral r where r.person_id in (select id from who)),
			  (select string_agg(to_jsonb(s)::text, ',' order by s.id) from referral.step s where s.person_id in (select id from who)),
			  (select string_agg(to_jsonb(b)::text, ',' order by b.referral_id, b.kind) from referral.breach b where b.person_id in (select id from who)),
			  (select string_agg(to_jsonb(b)::text, ',' order by b.id) from funding.personal_budget b where b.person_id in (select id from who)),
			  (select string_agg(to_jsonb(c)::text, ',' order by c.action_id) from funding.support_cost c where c.person_id in (select id from who)),
			  -- the history's place in the chain depends on what the shared database holds already
			  (select string_agg((to_jsonb(e) - 'id' - 'seq' - 'prev_hash' - 'hash')::text, ','
			     order by e.person_id, e.occurred_at, e.action, e.record_id, e.account)
			   from audit.entry e where e.person_id in (select id from who))))
			""";

	// Every key and index of a table (partitions' own copies follow their parent's, and a
	// load makes partitions of the audit table), with whether each key was checked.
	private static final String KEYS_AND_INDEXES = """
			select n.nspname || ' ' || pg_get_indexdef(i.indexrelid)
			from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
			where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and not t.relispartition
			union all
			select c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) || ' '
			       || c.convalidated
			from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
			where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and not t.relispartition
			order by 1
			""";

	@Autowired
	Population population;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditLog auditLog;

	@Autowired
	MockMvc mvc;

	@Test
	void theSameSeedGivesTheSamePopulationAndAFullDatabaseIsRefused() {
		String first = loadAndHash(7, true);
		assertThat(loadAndHash(7, false)).isEqualTo(first);
		assertThat(loadAndHash(8, false)).isNotEqualTo(first);
	}

	/**
	 * A load whose rows break a key fails when the keys are built again, and its
	 * transaction takes the dropped keys and indexes back with its rows (ADR 56).
	 */
	@Test
	void aFailedLoadLeavesEveryKeyAndIndexInPlace() {
		List<String> before = jdbc.sql(KEYS_AND_INDEXES).query(String.class).list();
		long seed = 21;
		UUID first = SyntheticPerson.id(seed, 0);
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
			jdbc.sql("""
					insert into person.person (id, given_name, family_name, date_of_birth, sex, address_line_1, town,
					  postcode, source_organisation_id)
					values (:id, 'Ada', 'Taken', date '1950-01-01', 'FEMALE', '1 Any Street', 'Leeds', 'LS1 1AA',
					  (select id from team.organisation order by id limit 1))
					""").param("id", first).update();
			population.load(new Population.Settings(10, seed, "pw", 2), n -> {
			}, true);
		})).isInstanceOf(IllegalStateException.class).hasMessageContaining("person_pkey");
		assertThat(jdbc.sql(KEYS_AND_INDEXES).query(String.class).list()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from person.person where id = :id")
			.param("id", first)
			.query(Long.class)
			.single()).isZero();
	}

	private String loadAndHash(long seed, boolean inspect) {
		TransactionTemplate rolledBack = new TransactionTemplate(transactions);
		List<String> keys = jdbc.sql(KEYS_AND_INDEXES).query(String.class).list();
		return rolledBack.execute(tx -> {
			tx.setRollbackOnly();
			AtomicLong progress = new AtomicLong();
			// The first load drops the keys for the load, as a large one does, and the
			// second keeps them: both give the same population.
			Population.Summary summary = population.load(new Population.Settings(PEOPLE, seed, "pw-" + seed, 6),
					progress::addAndGet, inspect);
			assertThat(summary.rows()).containsEntry("people", (long) PEOPLE).containsEntry("accounts", 7L);
			// Every key and index dropped for the load is there again, as it was.
			assertThat(jdbc.sql(KEYS_AND_INDEXES).query(String.class).list()).isEqualTo(keys);
			if (inspect) {
				inspect();
				inspectCareRecords(summary);
				try {
					openTheRecords("pw-" + seed);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
			return jdbc.sql(CONTENT_HASH).query(String.class).single();
		});
	}

	// The shares the population documents, within what 150 people can show.
	private void inspectCareRecords(Population.Summary summary) {
		assertThat(summary.rows().get("assessments")).isBetween(70L, 110L);
		assertThat(summary.rows().get("care plans")).isBetween(40L, 80L);
		assertThat(summary.rows().get("referrals")).isBetween(8L, 40L);
		assertThat(summary.rows().get("personal budgets")).isBetween(12L, 50L);
		assertThat(summary.rows().get("assessment answers")).isGreaterThan(summary.rows().get("assessments") * 10);
		// About five audit entries a person, and the chain still verifies with them in
		// it.
		assertThat(summary.rows().get("audit entries")).isBetween(PEOPLE * 3L, PEOPLE * 8L);
		ChainVerification chain = auditLog.verify();
		assertThat(chain.problem()).isNull();
		assertThat(chain.firstBrokenSeq()).isNull();
		assertThat(jdbc.sql("""
				select count(*) from audit.entry e join person.person p on p.id = e.person_id
				join team.organisation o on o.id = p.source_organisation_id
				where o.code like 'Z%' and e.seq is null
				""").query(Long.class).single()).isZero();
		inspectReferralBreaches();
		// Money is pounds and pence exactly: every weekly amount has two decimals.
		assertThat(jdbc.sql("""
				select count(*) from funding.personal_budget b join person.person p on p.id = b.person_id
				join team.organisation o on o.id = p.source_organisation_id
				where o.code like 'Z%' and b.indicative_weekly <> round(b.indicative_weekly, 2)
				""").query(Long.class).single()).isZero();
	}

	/**
	 * The referral clock, run at the end of the history, finds nothing left to record:
	 * each target an unanswered referral missed is in the history already, once, with its
	 * audit entry, and nothing else is (the condition below is the clock's own).
	 */
	private void inspectReferralBreaches() {
		String generated = """
				join person.person p on p.id = r.person_id join team.organisation o on o.id = p.source_organisation_id
				where o.code like 'Z%'
				""";
		OffsetDateTime end = SyntheticPerson.REFERENCE_DATE.atStartOfDay().atOffset(ZoneOffset.UTC);
		assertThat(jdbc.sql("select count(*) from referral.referral r " + generated + """
				  and ((r.status = 'SENT' and r.acknowledge_due <= :end and not exists (select 1 from referral.breach b
				          where b.referral_id = r.id and b.kind = 'ACKNOWLEDGE'))
				    or (r.status in ('SENT', 'ACKNOWLEDGED') and r.accept_due <= :end and not exists (
				          select 1 from referral.breach b where b.referral_id = r.id and b.kind = 'ACCEPT')))
				""").param("end", end).query(Long.class).single()).isZero();
		List<String> breaches = jdbc
			.sql("""
					select b.kind || ' ' || r.status
					       || ' ' || (b.due_at = case b.kind when 'ACKNOWLEDGE' then r.acknowledge_due else r.accept_due end)
					       || ' ' || (b.noticed_at >= b.due_at and b.noticed_at < b.due_at + interval '5 minutes'
					                  and b.noticed_at <= :end)
					       || ' ' || (b.team_id = r.to_team_id and b.person_id = r.person_id)
					       || ' ' || (select count(*) from audit.entry e where e.action = 'referral-breach'
					                    and e.record_id = r.id::text and e.person_id = r.person_id
					                    and e.occurred_at = b.noticed_at and e.account = 'referral-clock'
					                    and e.reason = b.kind || ' target passed at '
					                        || to_char(b.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
					from referral.breach b join referral.referral r on r.id = b.referral_id
					"""
					+ generated)
			.param("end", end)
			.query(String.class)
			.list();
		assertThat(breaches).isNotEmpty()
			.allSatisfy(breach -> assertThat(breach)
				.matches("(ACKNOWLEDGE SENT|ACCEPT (SENT|ACKNOWLEDGED)) true true true 1"));
		assertThat(jdbc
			.sql("select count(*) from audit.entry e join referral.referral r on e.record_id = r.id::text " + generated
					+ " and e.action = 'referral-breach'")
			.query(Long.class)
			.single()).isEqualTo(breaches.size());
	}

	// The pages open the generated records, in the loading transaction (MockMvc runs on
	// this thread, so the requests join it and see the rows before the rollback).
	private void openTheRecords(String password) throws Exception {
		record Found(UUID person, UUID record) {
		}
		String mine = """
				select p.id from person.person p
				join team.care_team_member c on c.person_id = p.id and c.lead
				join team.account a on a.practitioner_id = c.practitioner_id and a.username = 'staff1'
				""";
		Found assessed = jdbc
			.sql("select e.person_id, e.id from assessment.episode e where e.person_id in (" + mine
					+ ") and e.status = 'completed' order by e.id limit 1")
			.query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.single();
		assertThat(page("/people/" + assessed.person() + "/assessments/" + assessed.record(), password))
			.contains("Contact assessment", "Signed");
		Found planned = jdbc
			.sql("select c.person_id, o.id from careplan.care_plan c "
					+ "join careplan.objective o on o.plan_id = c.id where c.person_id in (" + mine
					+ ") order by o.id limit 1")
			.query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.single();
		String objective = jdbc.sql("select description from careplan.objective where id = :id")
			.param("id", planned.record())
			.query(String.class)
			.single();
		assertThat(page("/people/" + planned.person() + "/care-plan", password)).contains(objective);
		Found referred = jdbc
			.sql("select r.person_id, r.id from referral.referral r where r.person_id in (" + mine
					+ ") order by r.id limit 1")
			.query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.single();
		String reason = jdbc.sql("select reason_text from referral.referral where id = :id")
			.param("id", referred.record())
			.query(String.class)
			.single();
		assertThat(page("/referrals/" + referred.record(), password)).contains(reason);
		Found budgeted = jdbc
			.sql("select b.person_id, b.id from funding.personal_budget b where b.person_id in (" + mine
					+ ") order by b.id limit 1")
			.query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.single();
		java.math.BigDecimal weekly = jdbc.sql("select indicative_weekly from funding.personal_budget where id = :id")
			.param("id", budgeted.record())
			.query(java.math.BigDecimal.class)
			.single();
		assertThat(page("/people/" + budgeted.person() + "/budget", password))
			.contains(String.format(java.util.Locale.UK, "%,.2f", weekly));
	}

	private String page(String path, String password) throws Exception {
		return mvc.perform(get(path).with(httpBasic("staff1", password)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private void inspect() {
		// Every practitioner has a caseload: people whose care team they lead.
		assertThat(jdbc.sql("""
				select count(distinct c.practitioner_id) from team.care_team_member c
				join team.account a on a.practitioner_id = c.practitioner_id
				where c.lead and a.username ~ '^staff[1-6]$'
				""").query(Integer.class).single()).isEqualTo(6);
		var numbers = jdbc.sql("""
				select nhs_number from person.person p join team.organisation o on o.id = p.source_organisation_id
				where o.code like 'Z%'
				""").query(String.class).list();
		assertThat(numbers).hasSize(PEOPLE)
			.filteredOn(n -> n != null)
			.allMatch(NhsNumber::isValid)
			.hasSizeBetween(120, 149);
		// The database holds people now, so generating again is refused, nothing written.
		assertThatThrownBy(() -> population.generate(new Population.Settings(1, 1, "pw", 1), n -> {
		})).isInstanceOf(PopulationRefused.class);
	}

}
