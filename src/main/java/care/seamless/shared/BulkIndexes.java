package care.seamless.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys and indexes of tables about to be bulk-loaded, dropped so that rows are
 * appended rather than each placed in every index and checked against every foreign key,
 * and built again in one sort each once the rows are in (ADR 56). Both happen in the
 * loading transaction: PostgreSQL's DDL is transactional, so if the load fails or the
 * process dies before it commits, the drops are rolled back with the rows and every key
 * and index is there again; no later run has anything to repair.
 */
public final class BulkIndexes {

	/*
	 * Everything that a row written to these tables would maintain or be checked by:
	 * foreign keys from or to them, their primary, unique and exclusion keys, and their
	 * other indexes. A partition's own copies (conparentid set, or an index on a
	 * partition) follow the partitioned table's, so only the parent's are taken.
	 */
	private static final String SQL_KEYS = """
			with t as (select unnest(?::text[])::regclass as oid)
			select 1 as step, c.conrelid::regclass::text as tbl, quote_ident(c.conname) as name,
			       pg_get_constraintdef(c.oid) as def, 'c' as kind
			from pg_constraint c
			where c.contype = 'f' and c.conparentid = 0
			  and (c.conrelid in (select oid from t) or c.confrelid in (select oid from t))
			union all
			select 2, c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid), 'c'
			from pg_constraint c
			where c.contype in ('p', 'u', 'x') and c.conparentid = 0 and c.conrelid in (select oid from t)
			union all
			select 3, i.indrelid::regclass::text, quote_ident(n.nspname) || '.' || quote_ident(x.relname),
			       pg_get_indexdef(i.indexrelid), 'i'
			from pg_index i
			join pg_class x on x.oid = i.indexrelid
			join pg_namespace n on n.oid = x.relnamespace
			where i.indrelid in (select oid from t)
			  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid
			                  and k.contype in ('p', 'u', 'x'))
			order by 1, 2, 3
			""";

	/**
	 * A deferred constraint trigger on a loaded table, switched off for the load and its
	 * rule checked once over the whole table instead: fired for every row at commit, it
	 * would run its query a million times, and PostgreSQL builds no index on a table with
	 * trigger events pending. {@code violationsSql} returns one row for each breach.
	 */
	public record Trigger(String table, String name, String violationsSql) {
	}

	private final Connection connection;

	private final List<String> rebuild;

	private final List<Trigger> triggers;

	private boolean rebuilt;

	private BulkIndexes(Connection connection, List<String> rebuild, List<Trigger> triggers) {
		this.connection = connection;
		this.rebuild = rebuild;
		this.triggers = triggers;
	}

	/** {@link #drop(Connection, List, List)} for tables with no deferred trigger. */
	public static BulkIndexes drop(Connection connection, List<String> tables) {
		return drop(connection, tables, List.of());
	}

	/**
	 * Drops the keys and indexes of {@code tables} on the connection (the caller's, in
	 * its transaction) and returns what builds them again. Check constraints and not-null
	 * stay: they cost little per row and keep bad rows out during the load.
	 */
	public static BulkIndexes drop(Connection connection, List<String> tables, List<Trigger> triggers) {
		return drop(connection, tables, triggers, java.util.Set.of());
	}

	/**
	 * {@link #drop(Connection, List, List)}, leaving in place the indexes named in
	 * {@code kept} (schema-qualified): a partial index whose condition no loaded row
	 * meets costs the load one test of that condition a row, where building it again
	 * would read the whole table for nothing (ADR 92).
	 */
	public static BulkIndexes drop(Connection connection, List<String> tables, List<Trigger> triggers,
			java.util.Set<String> kept) {
		List<String> drops = new ArrayList<>();
		for (Trigger trigger : triggers) {
			drops.add("alter table " + trigger.table() + " disable trigger " + trigger.name());
		}
		List<String> creates = new ArrayList<>();
		try (var statement = connection.prepareStatement(SQL_KEYS)) {
			statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
			try (var result = statement.executeQuery()) {
				while (result.next()) {
					String table = result.getString("tbl");
					String name = result.getString("name");
					String def = result.getString("def");
					if ("i".equals(result.getString("kind")) && kept.contains(name)) {
						continue;
					}
					if ("i".equals(result.getString("kind"))) {
						drops.add("drop index " + name);
						// An index of a partitioned table is shown ON ONLY the parent;
						// made on the parent, it is made on every partition again.
						creates.add(def.replaceFirst(" ON ONLY ", " ON "));
					}
					else {
						drops.add("alter table " + table + " drop constraint " + name);
						creates.add("alter table " + table + " add constraint " + name + " " + def);
					}
				}
			}
			// Keys before indexes, foreign keys before the keys they point at; built
			// again the other way round.
			try (var ddl = connection.createStatement()) {
				for (String drop : drops) {
					ddl.execute(drop);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Dropping keys for a bulk load failed: " + ex.getMessage(), ex);
		}
		java.util.Collections.reverse(creates);
		return new BulkIndexes(connection, creates, triggers);
	}

	/** How many keys and indexes were dropped and will be built again. */
	public int count() {
		return rebuild.size();
	}

	/**
	 * Builds every key and index again, in the same transaction, checking every key and
	 * every switched-off trigger's rule over the whole table at once; a row that breaks
	 * one fails the load.
	 */
	public void rebuild() {
		if (rebuilt) {
			return;
		}
		try (var ddl = connection.createStatement()) {
			// Each index is one sort: the more memory it has, the fewer passes over disk.
			ddl.execute("set local maintenance_work_mem = '256MB'");
			for (String create : rebuild) {
				ddl.execute(create);
			}
			for (Trigger trigger : triggers) {
				ddl.execute("alter table " + trigger.table() + " enable trigger " + trigger.name());
				try (var breaches = ddl.executeQuery(trigger.violationsSql())) {
					if (breaches.next()) {
						throw new IllegalStateException(
								"A bulk load broke the rule of " + trigger.table() + "'s trigger " + trigger.name());
					}
				}
			}
			rebuilt = true;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Building keys again after a bulk load failed: " + ex.getMessage(), ex);
		}
	}

}
