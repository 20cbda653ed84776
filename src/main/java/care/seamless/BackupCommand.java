package care.seamless;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import care.seamless.audit.AuditLog;
import care.seamless.audit.ChainVerification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code backup FILE} and {@code restore FILE}. Both take the same settings as the
 * application ({@code --seamless.data-dir=…}, or {@code --spring.datasource.url=…} for an
 * external server).
 */
final class BackupCommand {

	private BackupCommand() {
	}

	@Command(name = "backup",
			description = "Write the whole database to FILE (a zip). Safe while Seamless is running: it reads one consistent snapshot.")
	static class Backup implements Callable<Integer> {

		@Parameters(index = "0", paramLabel = "FILE")
		Path file;

		@Option(names = "--pg-dump", paramLabel = "PATH",
				description = "Write a pg_dump custom-format archive with this pg_dump instead, if its version can serve the server (the server's major version or newer); otherwise say why and write the Seamless backup.")
		@Nullable Path pgDump;

		@Unmatched
		List<String> springArguments = new ArrayList<>();

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			try {
				return backup();
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				spec.commandLine().getErr().println("Backup not written: " + ex.getMessage());
				return 2;
			}
		}

		private int backup() throws Exception {
			Settings settings = Settings.of(springArguments);
			PgDump.Client client = (pgDump != null) ? PgDump.client("pg_dump", pgDump) : null;
			try (Database database = settings.open(true)) {
				if (client != null) {
					Optional<String> mismatch = PgDump.mismatch(client, PgDump.serverMajor(database.dataSource()));
					if (mismatch.isEmpty()) {
						PgDump.dump(client, database.target(), file);
						spec.commandLine()
							.getOut()
							.println("Backed up with pg_dump " + client.major() + " to " + file
									+ " (a pg_dump archive: restore it with restore --pg-restore PATH)");
						return 0;
					}
					spec.commandLine()
						.getErr()
						.println(mismatch.get()
								+ " Writing the Seamless backup instead (the same consistent snapshot, see docs/operations.md).");
				}
				DatabaseBackup.Summary summary = DatabaseBackup.backup(database.dataSource(), file);
				spec.commandLine()
					.getOut()
					.println("Backed up " + summary.rows().size() + " tables, "
							+ summary.rows().values().stream().mapToLong(Long::longValue).sum()
							+ " rows, schema version " + summary.schemaVersion() + ", to " + file);
				return 0;
			}
		}

	}

	@Command(name = "restore",
			description = "Replace everything in the database with the backup in FILE, then check the audit log's hash chain. Stop Seamless first.")
	static class Restore implements Callable<Integer> {

		@Parameters(index = "0", paramLabel = "FILE")
		Path file;

		@Option(names = "--pg-restore", paramLabel = "PATH",
				description = "The pg_restore to load a pg_dump archive with (the server's major version or newer). Only for archives written by backup --pg-dump, and only into an empty database.")
		@Nullable Path pgRestore;

		@Unmatched
		List<String> springArguments = new ArrayList<>();

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			if (!Files.isRegularFile(file)) {
				spec.commandLine().getErr().println("No such file: " + file);
				return 2;
			}
			try {
				return PgDump.isArchive(file) ? restoreArchive() : restore();
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				spec.commandLine().getErr().println("Nothing restored: " + ex.getMessage());
				return 2;
			}
		}

		/** A pg_dump archive, through pg_restore, into an empty database only. */
		private int restoreArchive() throws Exception {
			if (pgRestore == null) {
				throw new IllegalArgumentException(file
						+ " is a pg_dump archive: give --pg-restore PATH, a pg_restore of the server's major version or newer");
			}
			PgDump.Client client = PgDump.client("pg_restore", pgRestore);
			try (Database database = Settings.of(springArguments).open(false)) {
				Optional<String> mismatch = PgDump.mismatch(client, PgDump.serverMajor(database.dataSource()));
				if (mismatch.isPresent()) {
					throw new IllegalStateException(mismatch.get());
				}
				if (DatabaseBackup.hasSchema(database.dataSource())) {
					// pg_restore would add to what is there rather than replace it.
					throw new IllegalStateException(
							"the database is not empty: restore a pg_dump archive into a new data folder (or an empty database)");
				}
				PgDump.restore(client, database.target(), file);
			}
			spec.commandLine().getOut().println("Restored " + file + " with pg_restore " + client.major());
			return verifyAuditChain();
		}

		private int restore() throws Exception {
			Settings settings = Settings.of(springArguments);
			DatabaseBackup.Summary summary;
			try (Database database = settings.open(false)) {
				summary = DatabaseBackup.restore(database.dataSource(), file);
			}
			spec.commandLine()
				.getOut()
				.println("Restored " + summary.rows().size() + " tables, "
						+ summary.rows().values().stream().mapToLong(Long::longValue).sum() + " rows, from " + file);
			return verifyAuditChain();
		}

		/**
		 * Through the application itself, which also runs any migrations newer than the
		 * backup.
		 */
		private int verifyAuditChain() {
			List<String> args = new ArrayList<>(springArguments);
			args.add("--seamless.demo=false");
			// A default, not an argument: one given on the command line replaces it
			// instead of being joined to it ("WARN,WARN", which fails to start).
			try (var context = new SpringApplicationBuilder(SeamlessApplication.class).web(WebApplicationType.NONE)
				.properties("logging.level.root=WARN")
				.run(CommandContext.arguments(args))) {
				ChainVerification result = context.getBean(AuditLog.class).verify();
				if (result.intact()) {
					spec.commandLine().getOut().println("Audit log intact: " + result.checked() + " entries checked");
					return 0;
				}
				spec.commandLine()
					.getErr()
					.println("Audit log BROKEN at entry " + result.firstBrokenSeq() + ": " + result.problem());
				return 1;
			}
		}

	}

	/** The few application settings these commands read, given as Spring arguments. */
	record Settings(Path dataDir, String url, String username, String password) {

		static Settings of(List<String> arguments) {
			return new Settings(Path.of(value(arguments, "seamless.data-dir", "./data")),
					value(arguments, "spring.datasource.url", ""), value(arguments, "spring.datasource.username", ""),
					value(arguments, "spring.datasource.password", ""));
		}

		private static String value(List<String> arguments, String name, String otherwise) {
			String prefix = "--" + name + "=";
			return arguments.stream()
				.filter(argument -> argument.startsWith(prefix))
				.map(argument -> argument.substring(prefix.length()))
				.reduce((first, last) -> last)
				.orElse(otherwise);
		}

		/**
		 * The external server if one is named; else the embedded server, reached where a
		 * running Seamless already has it (backup only) or started here.
		 */
		Database open(boolean mayShareRunningServer) throws Exception {
			if (!url.isEmpty()) {
				PGSimpleDataSource external = new PGSimpleDataSource();
				external.setURL(url);
				external.setUser(username);
				external.setPassword(password);
				return new Database(external, null, externalTarget());
			}
			Path pgData = dataDir.toAbsolutePath().normalize().resolve("pg");
			Optional<ProcessHandle> running = StaleServer.serverOf(pgData);
			if (running.isPresent() && StaleServer.heldByLiveApplication(pgData)) {
				if (!mayShareRunningServer) {
					throw new IllegalStateException("Seamless is running on " + dataDir + "; stop it before restoring");
				}
				PGSimpleDataSource shared = new PGSimpleDataSource();
				shared.setURL("jdbc:postgresql://localhost:" + StaleServer.port(pgData) + "/postgres");
				shared.setUser("postgres");
				return new Database(shared, null,
						new PgDump.Target("localhost", StaleServer.port(pgData), "postgres", "postgres", ""));
			}
			EmbeddedPostgres embedded = EmbeddedPostgresConfiguration.start(dataDir, true);
			return new Database(embedded.getPostgresDatabase(), embedded,
					new PgDump.Target("localhost", embedded.getPort(), "postgres", "postgres", ""));
		}

		/** The external server's address, as the JDBC driver reads it from the URL. */
		private PgDump.Target externalTarget() {
			Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
			if (parsed == null) {
				throw new IllegalArgumentException("spring.datasource.url is not a PostgreSQL JDBC URL: " + url);
			}
			String user = username.isEmpty() ? parsed.getProperty("user", "") : username;
			String secret = password.isEmpty() ? parsed.getProperty("password", "") : password;
			return new PgDump.Target(parsed.getProperty("PGHOST", "localhost").split(",")[0],
					Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]),
					parsed.getProperty("PGDBNAME", ""), user, secret);
		}

	}

	record Database(DataSource dataSource, @Nullable EmbeddedPostgres embedded,
			PgDump.Target target) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			if (embedded != null) {
				embedded.close();
			}
		}

	}

}
