package care.seamless.population;

import java.util.concurrent.atomic.AtomicLong;

import care.seamless.SeamlessTest;
import care.seamless.shared.NhsNumber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
			     where a.username ~ '^staff[0-9]+$' or a.username = 'population-admin')))
			""";

	@Autowired
	Population population;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theSameSeedGivesTheSamePopulationAndAFullDatabaseIsRefused() {
		String first = loadAndHash(7, true);
		assertThat(loadAndHash(7, false)).isEqualTo(first);
		assertThat(loadAndHash(8, false)).isNotEqualTo(first);
	}

	private String loadAndHash(long seed, boolean inspect) {
		TransactionTemplate rolledBack = new TransactionTemplate(transactions);
		return rolledBack.execute(tx -> {
			tx.setRollbackOnly();
			AtomicLong progress = new AtomicLong();
			Population.Summary summary = population.load(new Population.Settings(PEOPLE, seed, "pw-" + seed, 6),
					progress::addAndGet);
			assertThat(summary.rows()).containsEntry("people", (long) PEOPLE).containsEntry("accounts", 7L);
			if (inspect) {
				inspect();
			}
			return jdbc.sql(CONTENT_HASH).query(String.class).single();
		});
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
