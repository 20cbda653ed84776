package care.seamless;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A whole-database backup as one zip file: the schema version it was taken at, and every
 * table's rows in PostgreSQL's own COPY format, read in one repeatable-read snapshot so
 * the tables agree with each other (an audit entry never without its change).
 * <p>
 * Not {@code pg_dump}: the embedded server's binaries contain only the server, and an
 * older client (Debian 12 ships 15) refuses a newer server. The schema itself is not in
 * the file: restore re-creates it from the migrations, up to the backup's version, then
 * loads the rows and runs any later migrations over them, which is also how an upgrade
 * runs.
 */
final class DatabaseBackup {

	static final String MANIFEST = "manifest.properties";

	private static final String HISTORY = "flyway_schema_history";

	private static final String TABLES = """
			select c.table_schema, c.table_name,
			       string_agg(quote_ident(c.column_name), ', ' order by c.ordinal_position) as columns
			from information_schema.columns c
			join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
			where t.table_type = 'BASE TABLE'
			  and c.table_schema not in ('pg_catalog', 'information_schema')
			  and c.table_name <> 'flyway_schema_history'
			  and c.is_generated = 'NEVER'
			  -- A partitioned table is copied whole through its parent; its partitions are not
			  -- tables of their own here (a restore routes each row to its partition again).
			  and not exists (select 1 from pg_catalog.pg_class k join pg_catalog.pg_namespace n on n.oid = k.relnamespace
			                  where n.nspname = c.table_schema and k.relname = c.table_name and k.relispartition)
			group by c.table_schema, c.table_name
			order by c.table_schema, c.table_name
			""";

	private static final String IDENTITY_COLUMNS = """
			select quote_ident(table_schema) || '.' || quote_ident(table_name), column_name
			from information_schema.columns
			where is_identity = 'YES' and table_schema not in ('pg_catalog', 'information_schema')
			  and not exists (select 1 from pg_catalog.pg_class k join pg_catalog.pg_namespace n on n.oid = k.relnamespace
			                  where n.nspname = table_schema and k.relname = table_name and k.relispartition)
			order by 1, 2
			""";

	private static final String SCHEMA_VERSION = """
			select version from flyway_schema_history
			where success and version is not null
			order by installed_rank desc limit 1
			""";

	private static final String ANY_TABLE = """
			select exists (select 1 from information_schema.tables
			               where table_schema not in ('pg_catalog', 'information_schema'))
			""";

	private DatabaseBackup() {
	}

	/** Whether the database holds any table of its own (a new one holds none). */
	static boolean hasSchema(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(ANY_TABLE);
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getBoolean(1);
		}
	}

	/** One table's name and the columns copied, in the order they are in the file. */
	record Table(String schema, String name, String columns) {

		String qualified() {
			return quote(schema) + "." + quote(name);
		}

		String key() {
			return schema + "." + name;
		}

		private static String quote(String identifier) {
			return "\"" + identifier.replace("\"", "\"\"") + "\"";
		}

	}

	/** What a backup holds, per table: its row count. */
	record Summary(String schemaVersion, Map<String, Long> rows) {
	}

	static Summary backup(DataSource dataSource, Path file) throws SQLException, IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			String version = schemaVersion(connection);
			List<Table> tables = tables(connection);
			Map<String, Long> rows = new LinkedHashMap<>();
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
				for (Table table : tables) {
					zip.putNextEntry(new ZipEntry("data/" + table.key() + ".copy"));
					long count = copy.copyOut(
							"COPY (select " + table.columns() + " from " + table.qualified() + ") TO STDOUT",
							new NonClosing(zip));
					zip.closeEntry();
					rows.put(table.key(), count);
				}
				zip.putNextEntry(new ZipEntry(MANIFEST));
				manifest(version, tables, rows).store(zip, "Seamless backup");
				zip.closeEntry();
			}
			connection.commit();
			// A backup is either whole or not there: a half-written file never takes the
			// name.
			Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return new Summary(version, rows);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	/**
	 * Replaces everything in the database with the backup, in one transaction: a restore
	 * that fails half-way leaves the database as it was. The schema is first migrated to
	 * the backup's version; a database already past it is refused.
	 */
	static Summary restore(DataSource dataSource, Path file) throws SQLException, IOException {
		Properties manifest = readManifest(file);
		String version = manifest.getProperty("schema-version");
		Flyway flyway = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.target(version)
			.load();
		var current = flyway.info().current();
		if (current != null && current.getVersion().isNewerThan(version)) {
			throw new IllegalStateException("This database is at schema version " + current.getVersion()
					+ ", newer than the backup's " + version + "; restore into a new data folder");
		}
		flyway.migrate();
		List<Table> tables = new ArrayList<>();
		for (String key : manifest.stringPropertyNames()) {
			if (key.startsWith("columns.")) {
				String name = key.substring("columns.".length());
				int dot = name.indexOf('.');
				tables.add(new Table(name.substring(0, dot), name.substring(dot + 1), manifest.getProperty(key)));
			}
		}
		Map<String, Long> rows = new LinkedHashMap<>();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				// Rows arrive table by table, so foreign keys and triggers (the audit
				// log's append-only guard) wait until the snapshot is whole again.
				statement.execute("set local session_replication_role = replica");
				if (!tables.isEmpty()) {
					statement.execute("truncate " + String.join(", ", tables.stream().map(Table::qualified).toList()));
				}
			}
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
				for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
					if (!entry.getName().startsWith("data/")) {
						continue;
					}
					String key = entry.getName()
						.substring("data/".length(), entry.getName().length() - ".copy".length());
					Table table = tables.stream()
						.filter(t -> t.key().equals(key))
						.findFirst()
						.orElseThrow(
								() -> new IOException("The backup holds a table its manifest does not name: " + key));
					long count = copy.copyIn("COPY " + table.qualified() + " (" + table.columns() + ") FROM STDIN",
							new NonClosingInput(zip));
					long expected = Long.parseLong(manifest.getProperty("rows." + key));
					if (count != expected) {
						throw new IOException(key + ": the backup says " + expected + " rows, " + count + " were read");
					}
					rows.put(key, count);
				}
			}
			restartIdentities(connection);
			connection.commit();
		}
		return new Summary(version, rows);
	}

	/**
	 * COPY writes identity columns' values as given without moving their sequences on, so
	 * the first insert after a restore would reuse a number (a duplicate key). Each
	 * sequence starts again after the highest value restored.
	 */
	private static void restartIdentities(Connection connection) throws SQLException {
		List<String[]> identities = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(IDENTITY_COLUMNS);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				identities.add(new String[] { result.getString(1), result.getString(2) });
			}
		}
		for (String[] identity : identities) {
			String table = identity[0];
			String column = identity[1];
			try (PreparedStatement statement = connection
				.prepareStatement("select setval(pg_get_serial_sequence(?, ?), " + "coalesce((select max("
						+ quoteIdent(column) + ") from " + table + "), 0) + 1, false)")) {
				statement.setString(1, table);
				statement.setString(2, column);
				statement.execute();
			}
		}
	}

	private static String quoteIdent(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	static List<Table> tables(Connection connection) throws SQLException {
		List<Table> tables = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(TABLES);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				tables.add(new Table(result.getString(1), result.getString(2), result.getString(3)));
			}
		}
		return tables;
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SCHEMA_VERSION);
				ResultSet result = statement.executeQuery()) {
			if (!result.next()) {
				throw new IllegalStateException("The database has no schema yet (no " + HISTORY + ")");
			}
			return result.getString(1);
		}
	}

	private static Properties manifest(String version, List<Table> tables, Map<String, Long> rows) {
		Properties manifest = new Properties();
		manifest.setProperty("format", "1");
		manifest.setProperty("schema-version", version);
		for (Table table : tables) {
			manifest.setProperty("columns." + table.key(), table.columns());
			manifest.setProperty("rows." + table.key(), Long.toString(rows.get(table.key())));
		}
		return manifest;
	}

	private static Properties readManifest(Path file) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals(MANIFEST)) {
					ByteArrayOutputStream bytes = new ByteArrayOutputStream();
					zip.transferTo(bytes);
					Properties manifest = new Properties();
					manifest.load(new java.io.ByteArrayInputStream(bytes.toByteArray()));
					return manifest;
				}
			}
		}
		catch (java.util.zip.ZipException ex) {
			throw new IOException(file + " is not a Seamless backup", ex);
		}
		throw new IOException(file + " is not a Seamless backup (no " + MANIFEST + ")");
	}

	/** The COPY API closes the stream it is given; the zip must stay open. */
	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			try {
				out.write(bytes, offset, length);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

	private static final class NonClosingInput extends java.io.FilterInputStream {

		NonClosingInput(InputStream in) {
			super(in);
		}

		@Override
		public void close() {
		}

	}

}
