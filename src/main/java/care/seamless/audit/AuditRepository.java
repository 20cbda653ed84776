package care.seamless.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import care.seamless.shared.ArrayParameters;
import care.seamless.shared.BulkIndexes;
import care.seamless.shared.BulkRows;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DataSourceUtils;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

	// Un-chained: no lock, so concurrent requests commit side by side (ADR 44).
	private static final String SQL_INSERT = """
			insert into audit.entry (occurred_at, account, role, organisation_code, action, record_type, record_id,
			                         person_id, purpose, outcome, reason, override)
			values (:occurredAt, :account, :role, :organisationCode, :action, :recordType, :recordId,
			        :personId, :purpose, :outcome, :reason, :override)
			""";

	// A transaction's entries in one statement rather than one each (ADR 60): the rows
	// keep the order of the lists, so the chainer, which orders one transaction's
	// entries by id, places them as it placed the single inserts.
	private static final String SQL_INSERT_ALL = """
			insert into audit.entry (occurred_at, account, role, organisation_code, action, record_type, record_id,
			                         person_id, purpose, outcome, reason, override)
			select occurred_at, account, role, organisation_code, action, record_type, record_id, person_id, purpose,
			       outcome, reason, override
			from unnest(cast(:occurredAt as timestamptz[]), cast(:account as text[]), cast(:role as text[]),
			            cast(:organisationCode as text[]), cast(:action as text[]), cast(:recordType as text[]),
			            cast(:recordId as text[]), cast(:personId as uuid[]), cast(:purpose as text[]),
			            cast(:outcome as text[]), cast(:reason as text[]), cast(:override as boolean[]))
			  with ordinality as e(occurred_at, account, role, organisation_code, action, record_type, record_id,
			                       person_id, purpose, outcome, reason, override, n)
			order by n
			""";

	private static final String SQL_COLUMNS = """
			select id, seq, occurred_at, account, role, organisation_code, action, record_type, record_id, person_id,
			       purpose, outcome, reason, override, prev_hash, hash
			from audit.entry
			""";

	// The head's one row is the chainer's lock across nodes: a chainer that finds it
	// locked leaves the work to the one holding it.
	private static final String SQL_LOCK_HEAD = """
			select seq, hash from audit.chain_head for update skip locked
			""";

	// The oldest committed entries without a place in the chain; one transaction's
	// entries are kept together (xmin is the transaction that inserted them). The round's
	// size is in the text, not a parameter: with no parameters PostgreSQL plans the
	// prepared statement once per connection, where a limit as a parameter was planned
	// afresh every round (about 1 ms over 57 monthly partitions, ADR 85). Each entry's
	// partition comes with it, for the update (ADR 109).
	// The times' bound (>= or <, then the first day of last month) is in the text too, so
	// PostgreSQL prunes at planning: a round of the entries that requests write (last
	// month on) plans and opens a handful of partitions, and the older ones are read by
	// their own statement, whose plan the analyses of the current month's partition no
	// longer throw away in every connection (35-70 ms a plan over 57 partitions, ADR
	// 111).
	private static final String SQL_NEXT_UNCHAINED = """
			with next as (
				select cast(cast(xmin as text) as bigint) as inserted_by, cast(cast(tableoid as regclass) as text) as part,
				       id, seq, occurred_at, account, role,
				       organisation_code, action, record_type, record_id, person_id, purpose, outcome, reason, override,
				       prev_hash, hash
				from audit.entry
				where seq is null and occurred_at %s timestamptz '%s'
				order by id
				limit %d
			)
			select * from next order by inserted_by, id
			""";

	// A round's places in one statement rather than one each: the rows are the same, the
	// statements a round makes go from one per entry to one. Each column is one array
	// parameter, so the text is the same whatever the round's size and is parsed once per
	// connection (a list would be spelt out as one parameter per entry: a new statement
	// for PostgreSQL at every size, ADR 85). The ids again as an index condition (ADR
	// 97): without it PostgreSQL walked the whole un-chained index to join it with the
	// round, and while any older transaction is open that index keeps an entry for every
	// row chained since, each costing a visit to the heap.
	// It names the partition the round's rows are in (%s, from the select), not the
	// partitioned table, and each array is behind a scalar sub-select (ADR 109): on the
	// table, PostgreSQL planned it afresh every call to prune 56 of 57 partitions by the
	// round's times, and a plan kept for all calls set up all 57 on every call; on one
	// partition a plan is small, and with no array it can see PostgreSQL keeps one plan
	// (ADR 102).
	static final String SQL_CHAIN = """
			update %s e set seq = c.seq, prev_hash = c.prev_hash, hash = c.hash
			from unnest(cast((select :id) as bigint[]), cast((select :occurredAt) as timestamptz[]),
			            cast((select :seq) as bigint[]), cast((select :prevHash) as text[]),
			            cast((select :hash) as text[])) as c(id, occurred_at, seq, prev_hash, hash)
			where e.id = c.id and e.occurred_at = c.occurred_at and e.seq is null
			  and e.id = any(cast((select :id) as bigint[]))
			""";

	// Waits for a chainer's round to end, unlike the chainer's own lock: a bulk load
	// must chain its rows, not leave them.
	private static final String SQL_LOCK_HEAD_WAITING = """
			select seq, hash from audit.chain_head for update
			""";

	// Rows written with their place in the chain already (ADR 51): the chain's head is
	// locked for the writing transaction, so no chainer gives out the same seq.
	private static final String SQL_COPY_CHAINED = """
			copy audit.entry (seq, occurred_at, account, role, organisation_code, action, record_type, record_id,
			                  person_id, purpose, outcome, reason, override, prev_hash, hash) from stdin
			""";

	private static final String SQL_MOVE_HEAD = "update audit.chain_head set seq = :seq, hash = :hash";

	private static final String SQL_MAKE_PARTITIONS = """
			select audit.make_month_partitions(cast(:first as date), cast(:last as date))
			""";

	// The action is in the text (%s), not a parameter: the index that serves this is
	// partial on the one action asked for (V472, ADR 138), and PostgreSQL can use a
	// partial index only in a plan that sees the value, which a plan kept for every
	// value of a parameter does not.
	private static final String SQL_BUSY_HOURS = """
			select account, organisation_code, date_trunc('hour', occurred_at, 'UTC') as hour_starting,
			       count(*) as entries
			from audit.entry
			where action = '%s' and occurred_at >= :since
			  and (cast(:organisationCode as text) is null or organisation_code = :organisationCode)
			group by account, organisation_code, date_trunc('hour', occurred_at, 'UTC')
			having count(*) > :moreThan
			order by hour_starting desc, entries desc, account
			""";

	/**
	 * What an action is made of; nothing that could end the literal it is written into.
	 */
	private static final Pattern ACTION = Pattern.compile("[a-z][a-z-]*");

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	AuditRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	record ChainHead(long seq, String hash) {
	}

	/**
	 * The chain's head, locked for this transaction; empty if another chainer holds it.
	 */
	Optional<ChainHead> lockHead() {
		return jdbc.sql(SQL_LOCK_HEAD)
			.query((rs, n) -> new ChainHead(rs.getLong("seq"), rs.getString("hash")))
			.optional();
	}

	/**
	 * An entry not yet in the chain, the partition it is in, and the transaction that
	 * inserted it.
	 */
	record Unchained(AuditEntry entry, String partition, long insertedBy) {

		Unchained chainedAt(long seq, String previous) {
			return new Unchained(entry.chainedAt(seq, previous), partition, insertedBy);
		}

	}

	/**
	 * At most {@link AuditChainer#ROUND} of them, from every partition: those dated from
	 * {@code from} on and those dated before it, read apart and taken together as one
	 * statement over the whole table would take them.
	 */
	List<Unchained> nextUnchained(Instant from) {
		List<Unchained> recent = nextUnchainedFrom(from);
		List<Unchained> older = jdbc.sql(nextUnchainedText("<", from)).query(AuditRepository::unchained).list();
		if (older.isEmpty()) {
			return recent;
		}
		// The round's oldest ids of the two, then one transaction's entries together.
		return Stream.concat(recent.stream(), older.stream())
			.sorted(Comparator.comparingLong((Unchained u) -> u.entry().id()))
			.limit(AuditChainer.ROUND)
			.sorted(Comparator.comparingLong(Unchained::insertedBy).thenComparingLong(u -> u.entry().id()))
			.toList();
	}

	/** At most {@link AuditChainer#ROUND} of those dated from {@code from} on. */
	List<Unchained> nextUnchainedFrom(Instant from) {
		return jdbc.sql(nextUnchainedText(">=", from)).query(AuditRepository::unchained).list();
	}

	static String nextUnchainedText(String comparison, Instant bound) {
		return SQL_NEXT_UNCHAINED.formatted(comparison, bound, AuditChainer.ROUND);
	}

	private static Unchained unchained(ResultSet rs, int n) throws SQLException {
		return new Unchained(map(rs, n), rs.getString("part"), rs.getLong("inserted_by"));
	}

	/** Gives chained entries their place, in one statement a partition. */
	void chain(List<Unchained> chained) {
		Map<String, List<AuditEntry>> byPartition = new LinkedHashMap<>();
		chained.forEach(c -> byPartition.computeIfAbsent(c.partition(), p -> new ArrayList<>()).add(c.entry()));
		int updated = 0;
		for (Map.Entry<String, List<AuditEntry>> partition : byPartition.entrySet()) {
			updated += chain(partition.getKey(), partition.getValue());
		}
		if (updated != chained.size()) {
			throw new IllegalStateException("An audit entry was chained by someone else meanwhile");
		}
	}

	private int chain(String partition, List<AuditEntry> chained) {
		// The driver sends Java arrays as one array parameter each; the times go as their
		// ISO text, which PostgreSQL reads exactly (the driver has no timestamptz array).
		// The partition's name is PostgreSQL's own, quoted where it needs to be.
		return jdbc.sql(SQL_CHAIN.formatted(partition))
			.param("id", chained.stream().map(AuditEntry::id).toArray(Long[]::new))
			.param("occurredAt",
					chained.stream().map(entry -> InstantText.of(entry.occurredAt())).toArray(String[]::new))
			.param("seq", chained.stream().map(AuditEntry::seq).toArray(Long[]::new))
			.param("prevHash", chained.stream().map(AuditEntry::prevHash).toArray(String[]::new))
			.param("hash", chained.stream().map(AuditEntry::hash).toArray(String[]::new))
			.update();
	}

	void moveHead(ChainHead head) {
		jdbc.sql(SQL_MOVE_HEAD).param("seq", head.seq()).param("hash", head.hash()).update();
	}

	/**
	 * Writes un-chained entries with their place in the chain, by one COPY, in the order
	 * they are handed over, after the chain's current head; then moves the head. The head
	 * stays locked until the caller's transaction ends, so a rollback takes the entries
	 * and the head's move back together. Returns how many were written.
	 */
	long copyChained(Consumer<Consumer<AuditEntry>> entries) {
		return copyChained(entries, false);
	}

	/**
	 * {@link #copyChained(Consumer)}, with the log's keys and indexes dropped before the
	 * COPY and built again after it, in the same transaction, when {@code rebuildIndexes}
	 * says so (ADR 79). The head is locked first, as the chainer locks it before the
	 * table, so the two never wait for each other.
	 */
	long copyChained(Consumer<Consumer<AuditEntry>> entries, boolean rebuildIndexes) {
		ChainHead head = lockHeadWaiting();
		@Nullable BulkIndexes dropped = rebuildIndexes ? dropIndexes() : null;
		var tip = new Object() {
			long seq = head.seq();

			String hash = head.hash();

		};
		// Binary, so the server parses no text (ADR 103): a million entries' times, uuids
		// and numbers go as the bytes stored.
		long written = BulkRows.copyBinary(DataSourceUtils.getConnection(dataSource), SQL_COPY_CHAINED,
				out -> entries.accept(entry -> {
					AuditEntry placed = entry.chainedAt(tip.seq + 1, tip.hash);
					out.row(placed.seq(), placed.occurredAt(), placed.account(), placed.role(),
							placed.organisationCode(), placed.action(), placed.recordType(), placed.recordId(),
							placed.personId(), placed.purpose(), placed.outcome(), placed.reason(), placed.override(),
							placed.prevHash(), placed.hash());
					tip.seq = placed.seq();
					tip.hash = String.valueOf(placed.hash());
				}));
		if (dropped != null) {
			dropped.rebuild();
		}
		if (written > 0) {
			moveHead(new ChainHead(tip.seq, tip.hash));
		}
		return written;
	}

	/**
	 * Whether {@code entries} written at once are a first load of the log: at least
	 * {@code from} of them, and no fewer than the log already holds (its chained entries,
	 * which the head counts: {@code seq} is gap-free from 1). Building the indexes again
	 * then costs less than placing every entry in each of them, as for the register (ADR
	 * 65).
	 */
	boolean firstLoad(long entries, long from) {
		return entries >= from && jdbc.sql("select seq from audit.chain_head").query(Long.class).single() <= entries;
	}

	/**
	 * The chain's head, locked for this transaction, waiting for a chainer's round to
	 * end. Taken before anything else a bulk writer locks (a new partition's lock on the
	 * table), in the chainer's own order (head, then table), so the two never deadlock.
	 */
	ChainHead lockHeadWaiting() {
		return jdbc.sql(SQL_LOCK_HEAD_WAITING)
			.query((rs, n) -> new ChainHead(rs.getLong("seq"), rs.getString("hash")))
			.single();
	}

	BulkIndexes dropIndexes() {
		return BulkIndexes.drop(DataSourceUtils.getConnection(dataSource), java.util.List.of("audit.entry"),
				java.util.List.of(), java.util.Set.of(UNCHAINED_INDEX));
	}

	/**
	 * The entries waiting for the chainer. A bulk write's entries are chained as they are
	 * copied, so none goes into it: it stays through a first load (ADR 92).
	 */
	static final String UNCHAINED_INDEX = "audit.audit_entry_unchained";

	void analyse() {
		BulkRows.analyse(DataSourceUtils.getConnection(dataSource), "audit.entry");
	}

	long countUnchained() {
		return jdbc.sql("select count(*) from audit.entry where seq is null").query(Long.class).single();
	}

	int makeMonthPartitions(LocalDate first, LocalDate last) {
		return jdbc.sql(SQL_MAKE_PARTITIONS).param("first", first).param("last", last).query(Integer.class).single();
	}

	void insertUnchained(List<AuditEntry> entries) {
		if (entries.size() == 1) {
			insertUnchained(entries.get(0));
			return;
		}
		// One array parameter per column, as the chainer's update (ADR 85): a list
		// would be spelt out as one parameter per entry, a new statement for
		// PostgreSQL at every size.
		jdbc.sql(SQL_INSERT_ALL)
			.param("occurredAt", ArrayParameters.texts(entries, e -> InstantText.of(e.occurredAt())))
			.param("account", ArrayParameters.texts(entries, AuditEntry::account))
			.param("role", ArrayParameters.texts(entries, AuditEntry::role))
			.param("organisationCode", ArrayParameters.texts(entries, AuditEntry::organisationCode))
			.param("action", ArrayParameters.texts(entries, AuditEntry::action))
			.param("recordType", ArrayParameters.texts(entries, AuditEntry::recordType))
			.param("recordId", ArrayParameters.texts(entries, AuditEntry::recordId))
			.param("personId",
					ArrayParameters.texts(entries, e -> e.personId() == null ? null : e.personId().toString()))
			.param("purpose", ArrayParameters.texts(entries, AuditEntry::purpose))
			.param("outcome", ArrayParameters.texts(entries, AuditEntry::outcome))
			.param("reason", ArrayParameters.texts(entries, AuditEntry::reason))
			.param("override", entries.stream().map(AuditEntry::override).toArray(Boolean[]::new))
			.update();
	}

	void insertUnchained(AuditEntry entry) {
		jdbc.sql(SQL_INSERT)
			.param("occurredAt", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
			.param("account", entry.account())
			.param("role", entry.role())
			.param("organisationCode", entry.organisationCode())
			.param("action", entry.action())
			.param("recordType", entry.recordType())
			.param("recordId", entry.recordId())
			.param("personId", entry.personId())
			.param("purpose", entry.purpose())
			.param("outcome", entry.outcome())
			.param("reason", entry.reason())
			.param("override", entry.override())
			.update();
	}

	List<AuditEntry> forPerson(UUID personId, int limit) {
		return jdbc.sql(SQL_COLUMNS + " where person_id = :personId order by id desc limit :limit")
			.param("personId", personId)
			.param("limit", limit)
			.query(AuditRepository::map)
			.list();
	}

	List<AuditEntry> recent(int limit, boolean overridesAndDenialsOnly) {
		String where = overridesAndDenialsOnly ? " where override or outcome = 'DENIED'" : "";
		return jdbc.sql(SQL_COLUMNS + where + " order by id desc limit :limit")
			.param("limit", limit)
			.query(AuditRepository::map)
			.list();
	}

	/**
	 * The filter of a guardian's search, as one WHERE clause with named parameters; a
	 * missing part matches everything.
	 */
	private static final String SQL_SEARCH_WHERE = """
			 where (cast(:personId as uuid) is null or person_id = cast(:personId as uuid))
			   and (cast(:account as text) is null or account = cast(:account as text))
			   and (cast(:organisationCode as text) is null or organisation_code = cast(:organisationCode as text))
			   and (cast(:from as timestamptz) is null or occurred_at >= cast(:from as timestamptz))
			   and (cast(:to as timestamptz) is null or occurred_at < cast(:to as timestamptz))
			""";

	List<AuditEntry> search(AuditQuery query, int limit, int offset) {
		return bind(jdbc.sql(SQL_COLUMNS + SQL_SEARCH_WHERE + " order by id desc limit :limit offset :offset"), query)
			.param("limit", limit)
			.param("offset", offset)
			.query(AuditRepository::map)
			.list();
	}

	long count(AuditQuery query) {
		return bind(jdbc.sql("select count(*) from audit.entry" + SQL_SEARCH_WHERE), query).query(Long.class).single();
	}

	/** Every matching entry, oldest first, without holding them all in memory. */
	void streamMatching(AuditQuery query, Consumer<AuditEntry> consumer) {
		bind(jdbc.sql(SQL_COLUMNS + SQL_SEARCH_WHERE + " order by id"), query).withFetchSize(1000)
			.query(AuditRepository::map)
			.stream()
			.forEach(consumer);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AuditQuery query) {
		return spec.param("personId", query.personId())
			.param("account", query.account())
			.param("organisationCode", query.organisationCode())
			.param("from", query.from() == null ? null : startOf(query.from()))
			.param("to", query.to() == null ? null : startOf(query.to().plusDays(1)));
	}

	private static OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(LONDON).toOffsetDateTime();
	}

	/** Streams the chained entries in order without holding them in memory. */
	void streamChain(Consumer<AuditEntry> consumer) {
		jdbc.sql(SQL_COLUMNS + " where seq is not null order by seq")
			.withFetchSize(1000)
			.query(AuditRepository::map)
			.stream()
			.forEach(consumer);
	}

	static String busyHoursText(String action) {
		if (!ACTION.matcher(action).matches()) {
			throw new IllegalArgumentException("Not an audit action: " + action);
		}
		return SQL_BUSY_HOURS.formatted(action);
	}

	List<BusyHour> busyHours(String action, Instant since, int moreThan, @Nullable String organisationCode) {
		return jdbc.sql(busyHoursText(action))
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.param("moreThan", moreThan)
			.param("organisationCode", organisationCode)
			.query((rs, n) -> new BusyHour(rs.getString("account"), rs.getString("organisation_code"),
					rs.getObject("hour_starting", OffsetDateTime.class).toInstant(), rs.getLong("entries")))
			.list();
	}

	long count() {
		return jdbc.sql("select count(*) from audit.entry").query(Long.class).single();
	}

	private static AuditEntry map(ResultSet rs, int rowNum) throws SQLException {
		Instant occurredAt = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
		return new AuditEntry(rs.getLong("id"), rs.getObject("seq", Long.class), occurredAt, rs.getString("account"),
				rs.getString("role"), rs.getString("organisation_code"), rs.getString("action"),
				rs.getString("record_type"), rs.getString("record_id"), rs.getObject("person_id", UUID.class),
				rs.getString("purpose"), rs.getString("outcome"), rs.getString("reason"), rs.getBoolean("override"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

}
