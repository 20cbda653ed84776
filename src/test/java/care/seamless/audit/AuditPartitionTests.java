package care.seamless.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import care.seamless.SeamlessTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit table partitioned by month (ADR 44): entries of any month, including ones
 * bulk-inserted without a place in the chain, are chained across partitions, and every
 * partition refuses changes.
 */
@SeamlessTest
class AuditPartitionTests {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditChainer chainer;

	@Test
	void bulkInsertedEntriesOfSeveralMonthsAreChainedAcrossTheirPartitions() {
		String run = UUID.randomUUID().toString();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		// The bulk path (a population's history, an import): rows without seq or hash,
		// which the chainer then places like any other. 2001 has no partition of its own.
		jdbc.sql("""
				insert into audit.entry (occurred_at, account, role, action, record_type, record_id, purpose, outcome)
				select at, 'test-partitions', 'SYSTEM', 'read', 'Test', :run, 'DIRECT_CARE', 'PERMITTED'
				from unnest(array[now(), now() - interval '1 month', timestamptz '2001-03-04 05:06:07+00']) as at
				""").param("run", run).update();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (jdbc.sql("select count(*) from audit.entry where record_id = :run and seq is null")
			.param("run", run)
			.query(Long.class)
			.single() > 0) {
			assertThat(System.nanoTime()).as("the chainer reached the entries in time").isLessThan(deadline);
			chainer.chainPending();
		}
		List<String> partitions = jdbc
			.sql("select cast(tableoid::regclass as text) from audit.entry where record_id = :run order by seq")
			.param("run", run)
			.query(String.class)
			.list();
		assertThat(partitions).containsExactlyInAnyOrder("audit.entry_" + today.format(MONTH),
				"audit.entry_" + today.minusMonths(1).format(MONTH), "audit.entry_other");
		ChainVerification verification = auditLog.verify();
		assertThat(verification.intact()).as(String.valueOf(verification.problem())).isTrue();
	}

	@Test
	void everyPartitionRefusesUpdatesAndDeletesButAnEntryMayBeChainedOnce() {
		Map<String, String> triggers = jdbc.sql("""
				select cast(i.inhrelid::regclass as text) as partition, coalesce(t.tgenabled, '-') as enabled
				from pg_inherits i
				left join pg_trigger t on t.tgrelid = i.inhrelid and t.tgname = 'audit_entry_append_only'
				where i.inhparent = 'audit.entry'::regclass
				""")
			.query()
			.listOfRows()
			.stream()
			.collect(Collectors.toMap(row -> (String) row.get("partition"), row -> String.valueOf(row.get("enabled"))));
		assertThat(triggers).containsKey("audit.entry_other").hasSizeGreaterThan(4);
		assertThat(triggers.values()).as("the trigger is on and enabled on every partition").containsOnly("O");

		String run = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into audit.entry (occurred_at, account, role, action, record_type, record_id, purpose, outcome)
				values (now(), 'test-partitions', 'SYSTEM', 'read', 'Test', :run, 'DIRECT_CARE', 'PERMITTED')
				""").param("run", run).update();
		String partition = "audit.entry_" + LocalDate.now(ZoneOffset.UTC).format(MONTH);
		// Placing it in the chain while changing what it says is refused, on the
		// partition as on the parent.
		assertThatThrownBy(() -> jdbc.sql("update " + partition + """
				 set seq = -1, prev_hash = 'x', hash = 'y', outcome = 'DENIED' where record_id = :run
				""").param("run", run).update()).hasMessageContaining("append-only");
		assertThatThrownBy(
				() -> jdbc.sql("delete from " + partition + " where record_id = :run").param("run", run).update())
			.hasMessageContaining("append-only");
		// The scheduled chainer may hold the chain's head just now (one chainer at a
		// time): keep offering until the entry has its place, with a deadline.
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
		while (jdbc.sql("select seq is null from audit.entry where record_id = :run")
			.param("run", run)
			.query(Boolean.class)
			.single()) {
			assertThat(System.nanoTime()).as("the entry was chained in time").isLessThan(deadline);
			chainer.chainPending();
		}
		assertThatThrownBy(() -> jdbc.sql("update audit.entry set seq = seq + 1000000 where record_id = :run")
			.param("run", run)
			.update()).hasMessageContaining("append-only");
	}

	@Test
	void partitionsAreMadeMonthsAheadAndMakingThemAgainChangesNothing() {
		chainer.makePartitions();
		LocalDate ahead = LocalDate.now(ZoneOffset.UTC).plusMonths(3).withDayOfMonth(1);
		assertThat(jdbc.sql("select to_regclass(:name) is not null")
			.param("name", "audit.entry_" + ahead.format(MONTH))
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("select audit.make_month_partitions(cast(:first as date), cast(:last as date))")
			.param("first", ahead.minusMonths(4))
			.param("last", ahead)
			.query(Integer.class)
			.single()).isZero();
	}

}
