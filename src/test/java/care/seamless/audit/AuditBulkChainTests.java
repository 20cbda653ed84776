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
	AuditRepository repository;

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

	/**
	 * A first load of the log (ADR 79) is copied with the log's keys and indexes dropped
	 * and built again in its transaction: the same indexes afterwards, after a rollback
	 * too, and each person's entry found by the readers of the log (the person's access
	 * history, the guardian's search), chained, with the chain intact.
	 */
	@Test
	void aFirstLoadIsCopiedWithTheLogsIndexesBuiltAgainAndEachPersonFound() {
		String indexesBefore = indexes();
		List<Long> unchainedBefore = unchainedIndexes();
		Actor importer = Actor.system("test-first-load");
		List<PersonId> people = new java.util.ArrayList<>();
		for (int i = 0; i < AuditLog.CHAIN_IN_BULK_FROM + 100; i++) {
			people.add(PersonId.random());
		}
		java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		java.util.function.Consumer<java.util.function.Consumer<AuditEntry>> entries = sink -> people
			.forEach(p -> sink.accept(new AuditEntry(0, null, at, importer.username(), importer.primaryRole().name(),
					null, "create", "Person", p.id().toString(), p.id(), importer.purpose().name(), "PERMITTED",
					// Plain text, then every character COPY's text format escapes.
					p.equals(people.get(1)) ? ESCAPED : null, false, null, null)));

		transaction.executeWithoutResult(status -> {
			assertThat(repository.copyChained(entries, true)).isEqualTo(people.size());
			status.setRollbackOnly();
		});
		assertThat(indexes()).isEqualTo(indexesBefore);
		assertThat(auditLog.historyOf(people.get(0), 5)).isEmpty();

		transaction.executeWithoutResult(status -> repository.copyChained(entries, true));

		assertThat(indexes()).isEqualTo(indexesBefore).contains("audit_entry_by_person", "audit_entry_by_account");
		// The index of entries waiting for the chainer gets none of a chained load's: it
		// is kept through the load, the same index on every partition, not built again.
		assertThat(unchainedIndexes()).isNotEmpty().isEqualTo(unchainedBefore);
		for (int i = 0; i < people.size(); i += 59) {
			PersonId person = people.get(i);
			assertThat(auditLog.historyOf(person, 5)).singleElement().satisfies(entry -> {
				assertThat(entry.account()).isEqualTo(importer.username());
				assertThat(entry.action()).isEqualTo("create");
				assertThat(entry.seq()).isNotNull();
			});
			assertThat(auditLog.search(AuditQuery.forPerson(person.id()), 1, 10).total()).isEqualTo(1);
		}
		assertThat(auditLog.historyOf(people.get(1), 1).get(0).reason()).isEqualTo(ESCAPED);
		assertThat(auditLog.verify().intact()).isTrue();
	}

	private static final String ESCAPED = "plain first\ta\\b\nc\rd";

	/**
	 * Only a write at least {@code from} entries long into a log no longer than itself
	 * counts as a first load; into a bigger log the indexes are kept.
	 */
	@Test
	void onlyAWriteAsBigAsTheLogIsAFirstLoad() {
		long logged = head();
		assertThat(repository.firstLoad(logged + 1, 1)).isTrue();
		assertThat(repository.firstLoad(logged + 1, logged + 2)).isFalse();
		if (logged > 1) {
			assertThat(repository.firstLoad(logged - 1, 1)).isFalse();
		}
	}

	/**
	 * Events recorded together (a bulk registration's) share one time, each still its own
	 * entry with its own person, in the order given.
	 */
	@Test
	void eventsRecordedTogetherShareOneTime() {
		String mark = "together-" + UUID.randomUUID();
		List<AuditEvent> events = new java.util.ArrayList<>();
		for (int i = 0; i < AuditLog.CHAIN_IN_BULK_FROM; i++) {
			events.add(AuditEvent.permitted(Actor.system("test-bulk"), "create", "Person", mark, PersonId.random()));
		}
		transaction.executeWithoutResult(status -> auditLog.recordTogether(events));
		assertThat(jdbc.sql("""
				select count(*), count(distinct occurred_at), count(distinct person_id), count(seq)
				from audit.entry where record_id = :mark""")
			.param("mark", mark)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single()).containsExactly((long) events.size(), 1L, (long) events.size(), (long) events.size());
	}

	private String indexes() {
		return jdbc.sql("""
				select string_agg(indexdef, ';' order by indexname) from pg_indexes
				where schemaname = 'audit' and tablename like 'entry%'""").query(String.class).single();
	}

	// The oid of the unchained index on the log and on each partition: a rebuilt index
	// is a new relation.
	private List<Long> unchainedIndexes() {
		return jdbc.sql("""
				select c.oid::bigint from pg_class c
				where c.relkind in ('i', 'I') and c.relnamespace = 'audit'::regnamespace
				  and (c.relname = 'audit_entry_unchained'
				       or c.oid in (select inhrelid from pg_inherits
				                    where inhparent = 'audit.audit_entry_unchained'::regclass))
				order by 1""").query(Long.class).list();
	}

	/**
	 * The chain's hash is the same whichever thread computes it and however many it
	 * computed before: each thread keeps one digest (ADR 92), reset by every hash.
	 */
	@Test
	void eachHashIsTheDigestOfItsEntryAloneOnEveryThread() throws Exception {
		java.time.Instant at = java.time.Instant.parse("2026-12-06T20:40:00.123456Z");
		List<AuditEntry> placed = new java.util.ArrayList<>();
		String previous = ChainHash.GENESIS;
		// Non-ASCII text, a character beyond the Basic Multilingual Plane, and halves
		// of a pair at either end of a field, which UTF-8 writes as '?' (ADR 98).
		String[] reasons = { null, "reason ✓", "\uD83D\uDE00 ok", "ends half \uD83D", "\uDE00 starts half", "x" };
		for (int i = 0; i < reasons.length; i++) {
			AuditEntry entry = new AuditEntry(0, null, at, "hash-é-" + i, "ADMINISTRATOR", i % 2 == 0 ? null : "X1",
					"create", "Person", i == 4 ? "Łódź" : null, i == 3 ? null : UUID.randomUUID(), "DIRECT_CARE",
					"PERMITTED", reasons[i], i == 2, null, null)
				.chainedAt(i + 1, previous);
			placed.add(entry);
			previous = entry.hash();
		}
		var another = java.util.concurrent.Executors.newSingleThreadExecutor();
		for (AuditEntry entry : placed) {
			String alone = java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(entry.canonical().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			assertThat(entry.hash()).isEqualTo(alone);
			assertThat(another.submit(() -> ChainHash.of(entry)).get()).isEqualTo(alone);
		}
		another.shutdown();
		var verifier = new ChainVerifier();
		placed.forEach(verifier);
		assertThat(verifier.result(0).intact()).isTrue();
	}

	private long head() {
		return jdbc.sql("select seq from audit.chain_head").query(Long.class).single();
	}

}
