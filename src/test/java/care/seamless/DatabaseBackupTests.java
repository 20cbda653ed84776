package care.seamless;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import care.seamless.audit.AuditChainer;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A backup of the test database, with people, teams and audit entries in it, restored
 * into a new embedded server: every table comes back with the same rows.
 */
@SeamlessTest
class DatabaseBackupTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditChainer chainer;

	@TempDir
	Path folder;

	@Test
	void restoresEveryTableExactly() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.PRACTITIONER);
		PersonId person = fixtures.person(Fixtures.unique("Backup"), worker);
		Path file = folder.resolve("seamless.zip");
		// The chainer places new audit entries moments after they commit (ADR 44): let it
		// finish, so the database does not change between the backup and its
		// fingerprints.
		awaitChained();

		// Scheduled jobs still write while the test runs (their lock rows in
		// cluster.job_lock, an outbox row): the backup is compared with the database only
		// when nothing changed while it was written, so a job's turn is not taken for a
		// faulty restore.
		DatabaseBackup.Summary written;
		Map<String, String> before;
		int attempts = 0;
		while (true) {
			Map<String, String> start = fingerprints(dataSource);
			written = DatabaseBackup.backup(dataSource, file);
			before = fingerprints(dataSource);
			if (before.equals(start)) {
				break;
			}
			assertThat(++attempts).as("a backup written while no job changed the database").isLessThan(20);
			awaitChained();
		}

		try (EmbeddedPostgres fresh = EmbeddedPostgresConfiguration.start(folder.resolve("restored"), false)) {
			DatabaseBackup.restore(fresh.getPostgresDatabase(), file);
			Map<String, String> after = fingerprints(fresh.getPostgresDatabase());
			assertThat(after).isEqualTo(before);
			assertThat(identitiesPastTheirRows(fresh.getPostgresDatabase())).isNotEmpty().doesNotContain(false);
		}
		assertThat(before.get("person.person")).doesNotStartWith("0 ");
		assertThat(before.get("audit.entry")).doesNotStartWith("0 ");
		assertThat(written.rows()).containsKeys("person.person", "audit.entry", "team.organisation");
		assertThat(person).isNotNull();
	}

	private void awaitChained() {
		org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient
			.create(dataSource);
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
		while (jdbc.sql("select count(*) from audit.entry where seq is null").query(Long.class).single() > 0) {
			assertThat(System.nanoTime()).as("the audit chainer caught up in time").isLessThan(deadline);
			chainer.chainPending();
		}
	}

	/** For each identity column: would the next insert get a number no row holds yet? */
	private static java.util.List<Boolean> identitiesPastTheirRows(DataSource database) {
		org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient
			.create(database);
		return jdbc.sql("""
				select quote_ident(table_schema) || '.' || quote_ident(table_name) as name, column_name
				from information_schema.columns where is_identity = 'YES'
				and table_schema not in ('pg_catalog', 'information_schema')
				and not exists (select 1 from pg_class k join pg_namespace n on n.oid = k.relnamespace
				                where n.nspname = table_schema and k.relname = table_name and k.relispartition)""")
			.query((row, n) -> jdbc
				.sql("select nextval(pg_get_serial_sequence(:table, :column)) > coalesce(max(" + row.getString(2)
						+ "), 0) from " + row.getString(1))
				.param("table", row.getString(1))
				.param("column", row.getString(2))
				.query(Boolean.class)
				.single())
			.list();
	}

	@Test
	void refusesAFileThatIsNotABackup() throws Exception {
		Path file = Files.writeString(folder.resolve("notes.zip"), "not a zip");
		try (EmbeddedPostgres fresh = EmbeddedPostgresConfiguration.start(folder.resolve("other"), false)) {
			assertThatThrownBy(() -> DatabaseBackup.restore(fresh.getPostgresDatabase(), file))
				.hasMessageContaining("not a Seamless backup");
		}
	}

	/**
	 * The machine's pg_dump (Debian 12: 15) cannot dump the embedded PostgreSQL 17: the
	 * command says so in a sentence, not a stack trace, and writes the Seamless backup
	 * instead.
	 */
	@Test
	void anOlderPgDumpIsRefusedPlainlyAndTheSeamlessBackupWrittenInstead() throws Exception {
		Path pgDump = Path.of("/usr/bin/pg_dump");
		assumeTrue(Files.isExecutable(pgDump), "no pg_dump on this machine");
		PgDump.Client client = PgDump.client("pg_dump", pgDump);
		int server = PgDump.serverMajor(dataSource);
		assumeTrue(client.major() < server, "this machine's pg_dump can dump the server");
		Path file = folder.resolve("with-pg-dump.zip");

		Command backup = command("backup", file.toString(), "--pg-dump", pgDump.toString());

		assertThat(backup.exit()).isZero();
		assertThat(backup.err())
			.contains("pg_dump " + client.major() + " (" + pgDump + ") cannot work with this PostgreSQL " + server
					+ " server: pg_dump must be version " + server + " or newer.")
			.contains("Writing the Seamless backup instead")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
		assertThat(PgDump.isArchive(file)).isFalse();
		try (var zip = new java.util.zip.ZipFile(file.toFile())) {
			assertThat(zip.getEntry(DatabaseBackup.MANIFEST)).isNotNull();
		}
	}

	@Test
	void aProgramThatIsNotPgDumpIsRefusedAndNothingWritten() throws Exception {
		Path file = folder.resolve("not-written.zip");
		Command backup = command("backup", file.toString(), "--pg-dump", "/bin/true");
		assertThat(backup.exit()).isEqualTo(2);
		assertThat(backup.err()).contains("/bin/true does not say it is PostgreSQL's pg_dump").doesNotContain("\tat ");
		assertThat(file).doesNotExist();
		assertThat(command("backup", file.toString(), "--pg-dump", folder.resolve("nowhere").toString()).err())
			.contains("is not a program that can be run");
		assertThat(file).doesNotExist();
	}

	/**
	 * A pg_dump archive needs a pg_restore that can serve the server; the older one is
	 * refused before anything is touched (the test database here is not empty either).
	 */
	@Test
	void aPgDumpArchiveIsRestoredOnlyWithAFittingPgRestore() throws Exception {
		Path archive = Files.write(folder.resolve("archive.dump"), "PGDMP and the rest".getBytes());
		long people = countPeople();

		Command withoutClient = command("restore", archive.toString());
		assertThat(withoutClient.exit()).isEqualTo(2);
		assertThat(withoutClient.err()).contains("is a pg_dump archive: give --pg-restore PATH");

		Path pgRestore = Path.of("/usr/bin/pg_restore");
		if (Files.isExecutable(pgRestore)
				&& PgDump.client("pg_restore", pgRestore).major() < PgDump.serverMajor(dataSource)) {
			Command older = command("restore", archive.toString(), "--pg-restore", pgRestore.toString());
			assertThat(older.exit()).isEqualTo(2);
			assertThat(older.err()).contains("cannot work with this PostgreSQL").doesNotContain("\tat ");
		}
		assertThat(countPeople()).isEqualTo(people);
	}

	private long countPeople() {
		return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
			.sql("select count(*) from person.person")
			.query(Long.class)
			.single();
	}

	private record Command(int exit, String out, String err) {
	}

	/** The jar's command line, on the test database as an external server. */
	private Command command(String... arguments) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine cli = new CommandLine(new SeamlessCommand());
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add("--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl());
		all.add("--spring.datasource.username=postgres");
		int exit = cli.execute(all.toArray(String[]::new));
		return new Command(exit, out.toString(), err.toString());
	}

	/** Per table: its row count and a checksum of all its rows, in a stable order. */
	private static Map<String, String> fingerprints(DataSource dataSource) throws Exception {
		Map<String, String> fingerprints = new LinkedHashMap<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (DatabaseBackup.Table table : DatabaseBackup.tables(connection)) {
				try (ResultSet result = statement.executeQuery("select count(*), coalesce(md5(string_agg(t::text, '|'"
						+ " order by t::text)), '') from " + table.qualified() + " t")) {
					result.next();
					fingerprints.put(table.key(), result.getLong(1) + " " + result.getString(2));
				}
			}
		}
		return fingerprints;
	}

}
