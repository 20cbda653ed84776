package care.seamless;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import care.seamless.audit.AuditLog;
import care.seamless.audit.ChainVerification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

		@Unmatched
		List<String> springArguments = new ArrayList<>();

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			Settings settings = Settings.of(springArguments);
			try (Database database = settings.open(true)) {
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
			args.add("--spring.main.banner-mode=off");
			args.add("--logging.level.root=WARN");
			try (var context = new SpringApplicationBuilder(SeamlessApplication.class).web(WebApplicationType.NONE)
				.run(args.toArray(String[]::new))) {
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
				return new Database(external, null);
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
				return new Database(shared, null);
			}
			EmbeddedPostgres embedded = EmbeddedPostgresConfiguration.start(dataDir, true);
			return new Database(embedded.getPostgresDatabase(), embedded);
		}

	}

	record Database(DataSource dataSource, EmbeddedPostgres embedded) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			if (embedded != null) {
				embedded.close();
			}
		}

	}

}
