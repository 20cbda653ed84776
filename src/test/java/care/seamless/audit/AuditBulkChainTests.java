package care.seamless.audit;

import java.util.List;
import java.util.UUID;

import care.seamless.SeamlessTest;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A transaction that records many entries (an import) writes them by one COPY with their
 * place in the chain (ADR 51): chained when it commits, without the chainer, in the order
 * recorded, and the chain verifies; a rolled-back one leaves neither entries nor a moved
 * head behind.
 */
@SeamlessTest
class AuditBulkChainTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aLargeTransactionsEntriesAreChainedAtCommitInOrderAndVerify() {
		String mark = "bulk-" + UUID.randomUUID();
		int count = AuditLog.CHAIN_IN_BULK_FROM + 7;
		transaction.executeWithoutResult(status -> {
			for (int i = 0; i < count; i++) {
				auditLog.record(AuditEvent.permitted(Actor.system("test-bulk"), "create", "Person", mark + "-" + i,
						PersonId.random()));
			}
		});
		// No chainer round is awaited: the entries arrive chained.
		List<Long> seqs = jdbc.sql("""
				select seq from audit.entry where record_id like :mark
				order by cast(substring(record_id from length(:prefix) + 1) as integer)
				""")
			.param("mark", mark + "-%")
			.param("prefix", mark + "-")
			.query((rs, n) -> rs.getObject("seq", Long.class))
			.list();
		assertThat(seqs).hasSize(count).doesNotContainNull();
		for (int i = 1; i < count; i++) {
			assertThat(seqs.get(i)).as("entry %d follows entry %d", i, i - 1).isEqualTo(seqs.get(i - 1) + 1);
		}
		ChainVerification result = auditLog.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.checked()).isGreaterThanOrEqualTo(seqs.get(count - 1));
	}

	@Test
	void aLargeTransactionThatFailsAtCommitLeavesTheChainAsItWas() {
		String mark = "bulk-rolled-back-" + UUID.randomUUID();
		long headBefore = head();
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			for (int i = 0; i < AuditLog.CHAIN_IN_BULK_FROM; i++) {
				auditLog.record(
						AuditEvent.permitted(Actor.system("test-bulk"), "create", "Person", mark, PersonId.random()));
			}
			// Runs after the audit log has written its entries and moved the head, in the
			// same commit: the failure takes both back.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					assertThat(jdbc.sql("select count(*) from audit.entry where record_id = :mark")
						.param("mark", mark)
						.query(Long.class)
						.single()).isEqualTo(AuditLog.CHAIN_IN_BULK_FROM);
					throw new IllegalStateException("test: fails at commit");
				}
			});
		})).hasMessageContaining("fails at commit");
		assertThat(jdbc.sql("select count(*) from audit.entry where record_id = :mark")
			.param("mark", mark)
			.query(Long.class)
			.single()).isZero();
		assertThat(head()).isGreaterThanOrEqualTo(headBefore);
		assertThat(auditLog.verify().intact()).isTrue();
	}

	private long head() {
		return jdbc.sql("select seq from audit.chain_head").query(Long.class).single();
	}

}
