package care.seamless.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The chain under several writers at once, and entries written from nested and
 * rolled-back transactions. Each test marks its entries with a record id of its own, so
 * it can find them among the entries other tests write to the shared database. Entries
 * are chained after they commit (ADR 44): each test waits, with a deadline, until the
 * chainer has reached its entries.
 */
@SeamlessTest
class AuditChainConcurrencyTests {

	private static final int WRITERS = 6;

	private static final int TRANSACTIONS_EACH = 18;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditChainer chainer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Test
	void manyWritersSomeRollingBackWhileTheChainerRunsLeaveAGapFreeVerifiableChain() throws Exception {
		String run = UUID.randomUUID().toString();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
		try {
			// A chainer of the test's own, beside the scheduled one: the two take turns
			// on the chain's head while the writers commit.
			Future<?> chaining = pool.submit(() -> {
				start.await();
				while (writing.get()) {
					chainer.chainPending();
				}
				return null;
			});
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				writers.add(pool.submit(() -> {
					start.await();
					for (int t = 0; t < TRANSACTIONS_EACH; t++) {
						boolean rollBack = t % 3 == 2;
						// Two entries per transaction, about one person: they must stay
						// together in the chain without another writer's entry between
						// them. Every third transaction rolls back after a refusal too.
						PersonId person = PersonId.random();
						transaction.executeWithoutResult(status -> {
							auditLog.record(event(run, "first", person));
							auditLog.record(event(run, "second", person));
							if (rollBack) {
								auditLog.record(refusal(run, person));
								status.setRollbackOnly();
							}
						});
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> writer : writers) {
				writer.get(2, TimeUnit.MINUTES);
			}
			writing.set(false);
			chaining.get(2, TimeUnit.MINUTES);
		}
		finally {
			pool.shutdownNow();
		}
		List<Entry> mine = entriesOf(run);
		int rolledBack = WRITERS * (TRANSACTIONS_EACH / 3);
		int committed = WRITERS * TRANSACTIONS_EACH - rolledBack;
		assertThat(mine).filteredOn(e -> e.action().equals("refused")).hasSize(rolledBack);
		List<Entry> changes = mine.stream().filter(e -> !e.action().equals("refused")).toList();
		assertThat(changes).hasSize(committed * 2);
		Map<UUID, List<Entry>> byTransaction = changes.stream().collect(Collectors.groupingBy(Entry::person));
		assertThat(byTransaction).hasSize(committed).allSatisfy((person, pair) -> {
			assertThat(pair).extracting(Entry::action).containsExactly("first", "second");
			assertThat(pair.get(1).seq()).isEqualTo(pair.get(0).seq() + 1);
		});
		assertThat(mine).filteredOn(e -> e.action().equals("refused"))
			.extracting(Entry::person)
			.doesNotContainAnyElementsOf(byTransaction.keySet());
		assertContiguousAndIntact();
	}

	@Test
	void anEntryIsCommittedAndVisibleToAFreshConnectionBeforeTheRequestAnswers() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Durable"), worker);
		mvc.perform(get("/api/v1/people/{id}", person).with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk());
		// The response is complete: a connection outside the application's pool must see
		// the entry already, whether or not the chainer has reached it yet.
		var pool = (HikariDataSource) dataSource;
		try (Connection fresh = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
				PreparedStatement query = fresh.prepareStatement("""
						select count(*) from audit.entry
						where person_id = ? and account = ? and action = 'read' and outcome = 'PERMITTED'
						""")) {
			query.setObject(1, person.id());
			query.setString(2, worker.username());
			try (ResultSet result = query.executeQuery()) {
				assertThat(result.next()).isTrue();
				assertThat(result.getLong(1)).isEqualTo(1);
			}
		}
	}

	@Test
	void aRolledBackTransactionLeavesNoEntryAndNoGap() {
		String run = UUID.randomUUID().toString();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.executeWithoutResult(status -> auditLog.record(event(run, "before")));
		transaction.executeWithoutResult(status -> {
			auditLog.record(event(run, "rolled-back"));
			status.setRollbackOnly();
		});
		transaction.executeWithoutResult(status -> auditLog.record(event(run, "after")));
		List<Entry> mine = entriesOf(run);
		assertThat(mine).extracting(Entry::action).containsExactly("before", "after");
		assertContiguousAndIntact();
	}

	@Test
	void aRefusalIsKeptWhenItsTransactionRollsBack() {
		String run = UUID.randomUUID().toString();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.executeWithoutResult(status -> {
			auditLog.record(event(run, "read"));
			auditLog.record(refusal(run));
			status.setRollbackOnly();
		});
		assertThat(entriesOf(run)).extracting(Entry::action).containsExactly("refused");
		assertContiguousAndIntact();
	}

	@Test
	void anInnerTransactionCommitsItsOwnEntriesWhenTheOuterOneRollsBack() {
		String run = UUID.randomUUID().toString();
		TransactionTemplate outer = new TransactionTemplate(transactions);
		TransactionTemplate inner = new TransactionTemplate(transactions);
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		outer.executeWithoutResult(status -> {
			auditLog.record(event(run, "outer-change"));
			inner.executeWithoutResult(innerStatus -> auditLog.record(event(run, "inner-change")));
			status.setRollbackOnly();
		});
		assertThat(entriesOf(run)).extracting(Entry::action).containsExactly("inner-change");
		assertContiguousAndIntact();
	}

	@Test
	void anInnerTransactionsEntriesAreWrittenWhenItCommitsNotWhenTheOuterDoes() {
		String run = UUID.randomUUID().toString();
		TransactionTemplate outer = new TransactionTemplate(transactions);
		TransactionTemplate inner = new TransactionTemplate(transactions);
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		outer.executeWithoutResult(status -> {
			auditLog.record(event(run, "outer-first"));
			inner.executeWithoutResult(innerStatus -> auditLog.record(event(run, "inner")));
			auditLog.record(event(run, "outer-second"));
		});
		// The inner transaction committed first, so its entry comes first; the outer
		// transaction's two entries follow together.
		List<Entry> mine = entriesOf(run);
		assertThat(mine).extracting(Entry::action).containsExactly("inner", "outer-first", "outer-second");
		assertContiguousAndIntact();
	}

	@Test
	void anEntryRecordedByAnotherSynchronizationJustBeforeCommitIsWritten() {
		String run = UUID.randomUUID().toString();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			auditLog.record(event(run, "change"));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					auditLog.record(event(run, "late"));
				}

			});
		});
		assertThat(entriesOf(run)).extracting(Entry::action).containsExactly("change", "late");
		assertContiguousAndIntact();
	}

	/**
	 * While an older transaction is open, the un-chained index keeps an entry for every
	 * row chained since (PostgreSQL cannot drop them yet). The round's update finds its
	 * rows by their ids (ADR 97), not by walking that index, and an entry whose
	 * transaction took its id before others but commits after them is still chained,
	 * after them, with no gap.
	 */
	@Test
	void entriesCommittedWhileAnOlderTransactionIsOpenAreChainedByTheirIdsWithNoGap() throws Exception {
		String run = UUID.randomUUID().toString();
		var pool = (HikariDataSource) dataSource;
		try (Connection older = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
				Connection late = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
						pool.getPassword())) {
			older.setAutoCommit(false);
			older.createStatement().execute("select pg_current_xact_id()");
			late.setAutoCommit(false);
			try (PreparedStatement insert = late.prepareStatement(
					"""
							insert into audit.entry (occurred_at, account, role, action, record_type, record_id, purpose, outcome)
							values (now(), 'test-concurrency', 'SYSTEM', 'late', 'Test', ?, 'DIRECT_CARE', 'PERMITTED')
							""")) {
				insert.setString(1, run);
				insert.executeUpdate();
			}
			TransactionTemplate transaction = new TransactionTemplate(transactions);
			for (String action : List.of("first", "second", "third")) {
				transaction.executeWithoutResult(status -> {
					auditLog.record(event(run, action));
					auditLog.record(event(run, action + "-too"));
				});
				chainer.chainPending();
			}
			assertThat(entriesOf(run)).extracting(Entry::action)
				.containsExactly("first", "first-too", "second", "second-too", "third", "third-too");
			late.commit();
			assertThat(entriesOf(run)).extracting(Entry::action)
				.containsExactly("first", "first-too", "second", "second-too", "third", "third-too", "late");
			older.rollback();
		}
		assertContiguousAndIntact();
		// The test's partitions are small enough for a sequential scan to win; without
		// one,
		// the plan shows which index condition finds the rows.
		String plan = new TransactionTemplate(transactions).execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n",
					jdbc.sql("explain (costs off) " + AuditRepository.SQL_CHAIN.formatted("audit.entry"))
						.param("id", new Long[] { 1L, 2L })
						.param("occurredAt", new String[] { "2026-12-06T00:00:00Z", "2026-12-06T00:00:01Z" })
						.param("seq", new Long[] { 1L, 2L })
						.param("prevHash", new String[] { "a", "b" })
						.param("hash", new String[] { "b", "c" })
						.query(String.class)
						.list());
		});
		assertThat(plan).as("the round's rows are found by their ids").containsPattern("Index Cond: .*id = ANY");
	}

	private void assertContiguousAndIntact() {
		ChainVerification verification = auditLog.verify();
		assertThat(verification.intact()).as(String.valueOf(verification.problem())).isTrue();
		var span = jdbc.sql("""
				select count(seq) as n, count(distinct seq) as d, min(seq) as lo, max(seq) as hi from audit.entry
				""")
			.query((rs, n) -> new long[] { rs.getLong("n"), rs.getLong("d"), rs.getLong("lo"), rs.getLong("hi") })
			.single();
		assertThat(span[0]).as("no duplicate seq").isEqualTo(span[1]);
		assertThat(span[2]).as("chain starts at 1").isEqualTo(1);
		assertThat(span[3]).as("no gap in seq").isEqualTo(span[0]);
	}

	/** The run's entries in chain order, once the chainer has reached them all. */
	private List<Entry> entriesOf(String run) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (jdbc.sql("select count(*) from audit.entry where record_id = :run and seq is null")
			.param("run", run)
			.query(Long.class)
			.single() > 0) {
			assertThat(System.nanoTime()).as("the chainer reached the entries in time").isLessThan(deadline);
			chainer.chainPending();
		}
		return jdbc.sql("select seq, action, person_id from audit.entry where record_id = :run order by seq")
			.param("run", run)
			.query((rs, n) -> new Entry(rs.getLong("seq"), rs.getString("action"),
					rs.getObject("person_id", UUID.class)))
			.list();
	}

	private static AuditEvent event(String run, String action) {
		return event(run, action, PersonId.random());
	}

	private static AuditEvent event(String run, String action, PersonId person) {
		return AuditEvent.permitted(Actor.system("test-concurrency"), action, "Test", run, person);
	}

	private static AuditEvent refusal(String run) {
		return refusal(run, PersonId.random());
	}

	private static AuditEvent refusal(String run, PersonId person) {
		return AuditEvent.denied(Actor.system("test-concurrency"), "refused", "Test", run, person,
				"test: not in the care team");
	}

	private record Entry(long seq, String action, UUID person) {
	}

}
