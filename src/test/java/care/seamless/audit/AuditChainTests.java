package care.seamless.audit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import care.seamless.SeamlessCommand;
import care.seamless.SeamlessTest;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.PgConnection;
import picocli.CommandLine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tampering is simulated the way an insider would do it: directly in SQL, with the
 * append-only trigger switched off. Each test puts the row back afterwards so the shared
 * database stays intact for the others.
 */
@SeamlessTest
class AuditChainTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditChainer chainer;

	@Autowired
	AuditRepository repository;

	@Test
	void anUntouchedChainVerifies() {
		long seq = appendOne();
		ChainVerification result = auditLog.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.checked()).isGreaterThanOrEqualTo(seq);
	}

	@Test
	void detectsAnAlteredEntryAndNamesIt() {
		long seq = appendOne();
		appendOne();
		String original = jdbc.sql("select outcome from audit.entry where seq = :seq")
			.param("seq", seq)
			.query(String.class)
			.single();
		tamper("update audit.entry set outcome = 'PERMITTED', reason = null where seq = " + seq);
		try {
			ChainVerification result = auditLog.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBrokenSeq()).isEqualTo(seq);
			assertThat(result.problem()).contains("altered");
		}
		finally {
			tamper("update audit.entry set outcome = '" + original + "', reason = 'test: denied' where seq = " + seq);
		}
		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void detectsARemovedEntry() {
		long seq = appendOne();
		appendOne();
		Map<String, Object> row = jdbc.sql("select * from audit.entry where seq = :seq")
			.param("seq", seq)
			.query()
			.singleRow();
		tamper("delete from audit.entry where seq = " + seq);
		try {
			ChainVerification result = auditLog.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).contains("entry " + seq + " is missing");
		}
		finally {
			transaction.executeWithoutResult(status -> {
				jdbc.sql("alter table audit.entry disable trigger user").update();
				jdbc.sql(
						"insert into audit.entry select * from json_populate_record(null::audit.entry, cast(:row as json))")
					.param("row", toJson(row))
					.update();
				jdbc.sql("alter table audit.entry enable trigger user").update();
			});
		}
		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void theDatabaseRefusesUpdatesAndDeletesOfAuditEntries() {
		long seq = appendOne();
		assertThatThrownBy(() -> jdbc.sql("delete from audit.entry where seq = :seq").param("seq", seq).update())
			.hasMessageContaining("append-only");
		// A chained entry cannot be changed, not even to itself.
		for (String set : List.of("reason = 'changed'", "seq = seq", "hash = prev_hash")) {
			assertThatThrownBy(
					() -> jdbc.sql("update audit.entry set " + set + " where seq = :seq").param("seq", seq).update())
				.as(set)
				.hasMessageContaining("append-only");
		}
	}

	@Test
	void recordingOutsideATransactionIsRefused() {
		assertThatThrownBy(
				() -> auditLog.record(AuditEvent.permitted(Actor.system("test"), "read", "Person", null, null)))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
	}

	@Test
	void theCommandLineExitsNonZeroAndNamesTheFirstBrokenEntry() {
		long seq = appendOne();
		String url = ((HikariDataSource) dataSource).getJdbcUrl();
		tamper("update audit.entry set account = 'someone-else' where seq = " + seq);
		try {
			StringWriter err = new StringWriter();
			CommandLine cli = new CommandLine(new SeamlessCommand());
			cli.setErr(new PrintWriter(err, true));
			int exit = cli.execute("audit", "verify", "--spring.datasource.url=" + url,
					"--spring.datasource.username=postgres", "--spring.flyway.enabled=false");
			assertThat(exit).isEqualTo(1);
			assertThat(err.toString()).contains("BROKEN at entry " + seq);
		}
		finally {
			tamper("update audit.entry set account = 'test-chain' where seq = " + seq);
		}
		StringWriter out = new StringWriter();
		CommandLine cli = new CommandLine(new SeamlessCommand());
		cli.setOut(new PrintWriter(out, true));
		assertThat(cli.execute("audit", "verify", "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--spring.flyway.enabled=false"))
			.isZero();
		assertThat(out.toString()).contains("intact");
	}

	/**
	 * The chainer's select and update are each one text whatever a round's size, so each
	 * is prepared once per connection, and the select, with no parameters, is planned
	 * once rather than every round (ADR 85). On one connection that prepares every text
	 * on the server from its first use, rounds of one, two and three entries leave one
	 * update and one select there, the select only ever run on its generic plan and the
	 * update on one once PostgreSQL's first five plans are made (ADR 109); and each entry
	 * holds the place and hash worked out for it from the entries as found. Rolled back,
	 * so the shared chain is as it was.
	 */
	@Test
	void theChainersStatementsAreOneTextWhateverTheRoundsSizeAndTheSelectIsPlannedOnce() {
		transaction.executeWithoutResult(status -> {
			PgConnection connection = connection();
			int threshold = connection.getPrepareThreshold();
			connection.setPrepareThreshold(1);
			try {
				// Held from here to the rollback: the background chainer's rounds skip
				// it, so
				// each round below chains the entries it was given (and any committed
				// meanwhile).
				repository.lockHeadWaiting();
				chainer.chainPending();
				Set<String> ours = new LinkedHashSet<>();
				for (int size : new int[] { 1, 2, 3, 2, 1, 3, 1, 2 }) {
					List<AuditEntry> round = new ArrayList<>();
					for (int i = 0; i < size; i++) {
						round.add(new AuditEntry(0, null, Instant.now(), "test-rounds", "SYSTEM", null, "read",
								"Person", "round-" + size + "-" + i, null, "DIRECT_CARE", "PERMITTED", null, false,
								null, null));
					}
					repository.insertUnchained(round);
					// The round's entries as the chainer finds them, and what it must
					// write for each: the update's form may change how PostgreSQL finds
					// the rows (ADR 97, 109), never which row gets which place and hash.
					// Entries other tests commit meanwhile may take places between them.
					Map<Long, AuditEntry> found = new LinkedHashMap<>();
					repository
						.nextUnchained(AuditChainer.lastMonth(Instant.now()).atStartOfDay(ZoneOffset.UTC).toInstant())
						.forEach(entry -> {
							found.put(entry.entry().id(), entry.entry());
							if (entry.entry().account().equals("test-rounds")) {
								ours.add(entry.partition());
							}
						});
					assertThat(chainer.chainPending()).isGreaterThanOrEqualTo(size);
					List<Long> placedInOrder = new ArrayList<>();
					jdbc.sql("select id, seq, prev_hash, hash from audit.entry where id = any(:ids) order by seq")
						.param("ids", found.keySet().toArray(Long[]::new))
						.query((rs, n) -> {
							AuditEntry expected = found.get(rs.getLong("id"))
								.chainedAt(rs.getLong("seq"), rs.getString("prev_hash"));
							assertThat(rs.getString("hash")).as("entry %s's hash", expected.id())
								.isEqualTo(expected.hash());
							return placedInOrder.add(expected.id());
						})
						.list();
					assertThat(placedInOrder).as("placed in the order found").containsExactlyElementsOf(found.keySet());
				}
				// The pool prepares every text from its first run (ADR 132), so this
				// connection may hold the updates of other partitions from earlier work:
				// the one asked about is that of this test's entries.
				assertThat(ours).as("this test's entries are in one partition").hasSize(1);
				List<Map<String, Object>> updates = prepared(
						"^\\s*update " + ours.iterator().next().replace(".", "\\.") + " e set seq");
				// Those of this month's rounds: work under another clock left its own.
				String bound = "'" + AuditChainer.lastMonth(Instant.now()).atStartOfDay(ZoneOffset.UTC).toInstant()
						+ "'";
				List<Map<String, Object>> selects = prepared("^\\s*with next as").stream()
					.filter(select -> ((String) select.get("statement")).contains(bound))
					.toList();
				assertThat(updates).as("one prepared text for every round's update").hasSize(1);
				assertThat((Long) updates.get(0).get("generic_plans"))
					.as("the update's plan kept after the five PostgreSQL always makes first")
					.isGreaterThanOrEqualTo(1);
				// The log's own insert, not those other tests write entries with.
				assertThat(prepared(
						"^\\s*insert into audit\\.entry \\(occurred_at, account, role, organisation_code,.*from unnest\\(cast"))
					.as("one prepared text for a transaction's entries, whatever their number")
					.hasSize(1);
				// One for the entries from last month on, one for the older ones (ADR
				// 111).
				assertThat(selects).as("one prepared text for every round's select of each age").hasSize(2);
				for (Map<String, Object> select : selects) {
					assertThat(select.get("custom_plans")).as("the select planned for its parameters").isEqualTo(0L);
					assertThat((Long) select.get("generic_plans")).isGreaterThanOrEqualTo(5);
				}
			}
			finally {
				connection.setPrepareThreshold(threshold);
			}
			status.setRollbackOnly();
		});
		assertThat(auditLog.verify().intact()).isTrue();
	}

	private PgConnection connection() {
		try {
			return DataSourceUtils.getConnection(dataSource).unwrap(PgConnection.class);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Map<String, Object>> prepared(String pattern) {
		return jdbc
			.sql("select statement, generic_plans, custom_plans from pg_prepared_statements where statement ~ :p")
			.param("p", pattern)
			.query()
			.listOfRows();
	}

	/**
	 * Records one entry and returns its place in the chain once the chainer has given it
	 * one.
	 */
	private long appendOne() {
		String mark = UUID.randomUUID().toString();
		transaction.executeWithoutResult(status -> auditLog.record(AuditEvent.denied(Actor.system("test-chain"), "read",
				"Person", mark, PersonId.random(), "test: denied")));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			Long seq = jdbc.sql("select seq from audit.entry where record_id = :mark")
				.param("mark", mark)
				.query((rs, n) -> rs.getObject("seq", Long.class))
				.list()
				.get(0);
			if (seq != null) {
				return seq;
			}
			assertThat(System.nanoTime()).as("the chainer reached the entry in time").isLessThan(deadline);
			chainer.chainPending();
		}
	}

	private void tamper(String sql) {
		transaction.executeWithoutResult(status -> {
			// Both guards, the update's and the delete's (ADR 111).
			jdbc.sql("alter table audit.entry disable trigger user").update();
			jdbc.sql(sql).update();
			jdbc.sql("alter table audit.entry enable trigger user").update();
		});
	}

	private static String toJson(Map<String, Object> row) {
		StringBuilder json = new StringBuilder("{");
		row.forEach((key, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(key).append("\":");
			if (value == null) {
				json.append("null");
			}
			else if (value instanceof Number || value instanceof Boolean) {
				json.append(value);
			}
			else {
				String text = value instanceof java.sql.Timestamp ts ? ts.toInstant().toString() : value.toString();
				json.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
			}
		});
		return json.append('}').toString();
	}

}
