package care.seamless.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import care.seamless.SeamlessTest;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain under several writers at once, and entries written from nested and
 * rolled-back transactions. Each test marks its entries with a record id of its own, so
 * it can find them among the entries other tests write to the shared database.
 */
@SeamlessTest
class AuditChainConcurrencyTests {

	private static final int WRITERS = 6;

	private static final int TRANSACTIONS_EACH = 15;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void severalWritersAtOnceLeaveAnIntactContiguousChain() throws Exception {
		String run = UUID.randomUUID().toString();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				writers.add(pool.submit(() -> {
					start.await();
					for (int t = 0; t < TRANSACTIONS_EACH; t++) {
						// Two entries per transaction: a batch must stay together in the
						// chain's order without another writer's entry between them.
						transaction.executeWithoutResult(status -> {
							auditLog.record(event(run, "first"));
							auditLog.record(event(run, "second"));
						});
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> writer : writers) {
				writer.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<Entry> mine = entriesOf(run);
		assertThat(mine).hasSize(WRITERS * TRANSACTIONS_EACH * 2);
		for (int i = 0; i < mine.size(); i += 2) {
			assertThat(mine.get(i).action()).isEqualTo("first");
			assertThat(mine.get(i + 1).action()).isEqualTo("second");
			assertThat(mine.get(i + 1).seq()).isEqualTo(mine.get(i).seq() + 1);
		}
		assertContiguousAndIntact();
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

	private void assertContiguousAndIntact() {
		ChainVerification verification = auditLog.verify();
		assertThat(verification.intact()).as(String.valueOf(verification.problem())).isTrue();
		var span = jdbc
			.sql("select count(*) as n, count(distinct seq) as d, min(seq) as lo, max(seq) as hi from audit.entry")
			.query((rs, n) -> new long[] { rs.getLong("n"), rs.getLong("d"), rs.getLong("lo"), rs.getLong("hi") })
			.single();
		assertThat(span[0]).as("no duplicate seq").isEqualTo(span[1]);
		assertThat(span[2]).as("chain starts at 1").isEqualTo(1);
		assertThat(span[3]).as("no gap in seq").isEqualTo(span[0]);
	}

	private List<Entry> entriesOf(String run) {
		return jdbc.sql("select seq, action from audit.entry where record_id = :run order by seq")
			.param("run", run)
			.query((rs, n) -> new Entry(rs.getLong("seq"), rs.getString("action")))
			.list();
	}

	private static AuditEvent event(String run, String action) {
		return AuditEvent.permitted(Actor.system("test-concurrency"), action, "Test", run, PersonId.random());
	}

	private static AuditEvent refusal(String run) {
		return AuditEvent.denied(Actor.system("test-concurrency"), "refused", "Test", run, PersonId.random(),
				"test: not in the care team");
	}

	private record Entry(long seq, String action) {
	}

}
