package care.seamless.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import care.seamless.SeamlessTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	@Autowired
	AuditRepository repository;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	TransactionTemplate transaction;

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
				left join pg_trigger t on t.tgrelid = i.inhrelid and t.tgname = :trigger
				where i.inhparent = 'audit.entry'::regclass
				""")
			.param("trigger", "audit_entry_append_only")
			.query()
			.listOfRows()
			.stream()
			.collect(Collectors.toMap(row -> (String) row.get("partition"), row -> String.valueOf(row.get("enabled"))));
		assertThat(triggers).containsKey("audit.entry_other").hasSizeGreaterThan(4);
		assertThat(triggers.values()).as("the trigger is on and enabled on every partition").containsOnly("O");
		assertThat(jdbc.sql("""
				select count(*) from pg_inherits i
				join pg_trigger t on t.tgrelid = i.inhrelid and t.tgname = 'audit_entry_never_deleted'
				where i.inhparent = 'audit.entry'::regclass and t.tgenabled = 'O'
				""").query(Long.class).single()).as("the delete's guard on every partition").isEqualTo(triggers.size());

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
		// Changing an un-chained entry without chaining it is refused too.
		assertThatThrownBy(() -> jdbc.sql("update audit.entry set reason = 'changed' where record_id = :run")
			.param("run", run)
			.update()).hasMessageContaining("append-only");
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

	/**
	 * The chaining update, the one change allowed, is let through by the triggers'
	 * condition without calling PL/pgSQL (ADR 111): the guard's function runs only to
	 * refuse. Counted by PostgreSQL's own statistics of function calls in the
	 * transaction; rolled back.
	 */
	@Test
	void chainingAnEntryCallsNoTriggerFunction() {
		transaction.executeWithoutResult(status -> {
			jdbc.sql("set local track_functions = 'pl'").update();
			String run = UUID.randomUUID().toString();
			jdbc.sql(
					"""
							insert into audit.entry (occurred_at, account, role, action, record_type, record_id, purpose, outcome)
							values (now(), 'test-partitions', 'SYSTEM', 'read', 'Test', :run, 'DIRECT_CARE', 'PERMITTED')
							""")
				.param("run", run)
				.update();
			assertThat(jdbc.sql("update audit.entry set seq = -1, prev_hash = 'p', hash = 'h' where record_id = :run")
				.param("run", run)
				.update()).isEqualTo(1);
			assertThat(jdbc.sql("""
					select coalesce(pg_stat_get_xact_function_calls(
					    cast('audit.refuse_change_but_chaining()' as regprocedure)), 0)
					""").query(Long.class).single()).as("calls of the guard's function").isZero();
			status.setRollbackOnly();
		});
	}

	/**
	 * A scheduled round reads only the partitions from last month on, where requests
	 * write; an entry dated earlier (a bulk insert of old rows) is chained by the next
	 * round that reads every partition, at most {@link AuditChainer#SWEEP} later (ADR
	 * 111). On a chainer of the test's own, with a clock the test moves, in one
	 * transaction holding the chain's head (so the application's chainer stays out),
	 * rolled back with the old month's partition it makes.
	 */
	@Test
	void aScheduledRoundReadsThePartitionsFromLastMonthOnAndEveryPartitionAtItsSweep() {
		transaction.executeWithoutResult(status -> {
			repository.lockHeadWaiting();
			jdbc.sql("select audit.make_month_partitions(date '1990-01-01', date '1990-01-01')").query().singleRow();
			AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
			AuditChainer scheduled = new AuditChainer(repository, transactions, new Clock() {
				@Override
				public ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(ZoneId zone) {
					return this;
				}

				@Override
				public Instant instant() {
					return now.get();
				}
			});
			scheduled.chainCommitted();
			String run = UUID.randomUUID().toString();
			jdbc.sql(
					"""
							insert into audit.entry (occurred_at, account, role, action, record_type, record_id, purpose, outcome)
							select at, 'test-partitions', 'SYSTEM', 'read', 'Test', :run || '-' || n, 'DIRECT_CARE', 'PERMITTED'
							from unnest(array[timestamptz '1990-01-15 10:00:00+00', now()]) with ordinality as t(at, n)
							""")
				.param("run", run)
				.update();

			now.set(now.get().plus(AuditChainer.SWEEP).minusMillis(1));
			scheduled.chainCommitted();
			assertThat(seq(run + "-2")).as("this month's entry, chained by the next round").isNotNull();
			assertThat(seq(run + "-1")).as("the old-dated entry, before the sweep").isNull();
			Instant from = AuditChainer.lastMonth(now.get()).atStartOfDay(ZoneOffset.UTC).toInstant();
			String plan = String.join("\n",
					jdbc.sql("explain " + AuditRepository.nextUnchainedText(">=", from)).query(String.class).list());
			assertThat(plan).contains("entry_" + LocalDate.now(ZoneOffset.UTC).format(MONTH))
				.doesNotContain("entry_1990_01");

			now.set(now.get().plusMillis(1));
			scheduled.chainCommitted();
			assertThat(seq(run + "-1")).as("the old-dated entry, at the sweep").isGreaterThan(seq(run + "-2"));
			status.setRollbackOnly();
		});
	}

	private @Nullable Long seq(String recordId) {
		return jdbc.sql("select seq from audit.entry where record_id = :id")
			.param("id", recordId)
			.query((rs, n) -> rs.getObject("seq", Long.class))
			.list()
			.get(0);
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

	/**
	 * Every write of an entry (its insert, then its chaining) adds an entry to each index
	 * of its partition; the one on its action has one reader, the guardian's count of
	 * searches outside care teams, so it holds only those (ADR 138): on every partition,
	 * the default one and those made later included, and the count is still found through
	 * it.
	 */
	@Test
	void theActionsIndexHoldsOnlySearchesOutsideCareTeamsOnEveryPartitionAndServesTheirCount() {
		chainer.makePartitions();
		String outside = "search-outside-care-teams";
		List<String> partitions = jdbc.sql("""
				select cast(inhrelid as regclass)::text from pg_inherits
				where inhparent = cast('audit.entry' as regclass)
				""").query(String.class).list();
		assertThat(partitions).contains("audit.entry_other");
		Map<String, String> partial = jdbc.sql("""
				select cast(x.indexrelid as regclass)::text as name, cast(x.indrelid as regclass)::text as part
				from pg_index x join pg_inherits i on i.inhrelid = x.indrelid
				where i.inhparent = cast('audit.entry' as regclass)
				  and pg_get_expr(x.indpred, x.indrelid) = :predicate
				""")
			.param("predicate", "(action = '" + outside + "'::text)")
			.query((rs, n) -> Map.entry(rs.getString("name"), rs.getString("part")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(partial.values()).as("partitions with the partial index")
			.containsExactlyInAnyOrderElementsOf(partitions);
		assertThat(jdbc.sql("""
				select count(*) from pg_index x join pg_inherits i on i.inhrelid = x.indrelid
				join pg_attribute a on a.attrelid = x.indrelid and a.attnum = any(x.indkey) and a.attname = 'action'
				where i.inhparent = cast('audit.entry' as regclass)
				""").query(Long.class).single()).as("indexes keyed on the action").isZero();
		String plan = transaction.execute(status -> {
			// A test's partitions hold too few rows for the planner to want any index;
			// the question is which index serves the count.
			jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n",
					jdbc.sql("explain (costs off) " + AuditRepository.busyHoursText(outside))
						.param("since", java.time.OffsetDateTime.now(ZoneOffset.UTC).minusDays(7))
						.param("moreThan", 30)
						.param("organisationCode", null)
						.query(String.class)
						.list());
		});
		List<String> used = java.util.regex.Pattern.compile("(?:Scan using|Bitmap Index Scan on) (\\S+)")
			.matcher(String.valueOf(plan))
			.results()
			.map(m -> "audit." + m.group(1))
			.toList();
		assertThat(used).as(plan).isNotEmpty();
		assertThat(partial.keySet()).as(plan).containsAll(used);
		assertThatThrownBy(() -> AuditRepository.busyHoursText("read' or 'a' = 'a"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
