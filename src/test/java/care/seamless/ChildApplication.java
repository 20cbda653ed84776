package care.seamless;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seamless started in its own JVM on the test classpath, with the real (non-test)
 * configuration, so a test can kill it as the operating system would.
 */
final class ChildApplication {

	private final Process process;

	private final int port;

	private final Path dataDir;

	private ChildApplication(Process process, int port, Path dataDir) {
		this.process = process;
		this.port = port;
		this.dataDir = dataDir;
	}

	/** Starts {@code mainClass} with {@code args}; its output goes to {@code log}. */
	static Process java(String mainClass, Path log, List<String> args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass);
		command.addAll(args);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/**
	 * The administrator of every {@link #preparedDataDir()}: the account {@code generate}
	 * makes, with {@link #PASSWORD}.
	 */
	static final String ADMINISTRATOR = "population-admin";

	static final String PASSWORD = "seamless-demo";

	private static Path prepared;

	/**
	 * A new data folder whose database is already migrated and holds an administrator,
	 * organisations and one person: a copy of a folder that {@code generate} fills once
	 * per run of the suite. The crash tests start from it, as an operator's installation
	 * would, rather than each migrating a new database and loading the demo partnership
	 * just for an administrator to import as (about 20 s a test on a quiet machine, a
	 * minute under load). Test JVMs of one run share it (ADR 121): the first to need it
	 * makes it while holding a lock that the others wait on. Made with the fast,
	 * non-durable settings: it is scaffolding, and every child started on a copy runs
	 * with the real configuration's durable ones.
	 */
	static synchronized Path preparedDataDir() throws IOException, InterruptedException {
		if (prepared == null) {
			prepared = sharedPreparedDataDir();
		}
		Path copy = tempDataDir();
		try (Stream<Path> files = Files.walk(prepared)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				// With their permissions: PostgreSQL refuses a data directory others can
				// read.
				if (!file.equals(prepared)) {
					Files.copy(file, copy.resolve(prepared.relativize(file).toString()),
							StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
		return copy;
	}

	/**
	 * The folder {@code generate} filled for this run, made here unless another test JVM
	 * of the run made it. A run is one Maven build ({@code seamless.test.run}, set by the
	 * POM), so a later build never takes a folder of an older schema.
	 */
	private static Path sharedPreparedDataDir() throws IOException, InterruptedException {
		Path target = Path.of("target", "test-data").toAbsolutePath();
		Files.createDirectories(target);
		String run = System.getProperty("seamless.test.run", "jvm-" + ProcessHandle.current().pid());
		Path dataDir = target.resolve("prepared-" + run);
		Path ready = target.resolve("prepared-" + run + ".ready");
		try (FileChannel lock = FileChannel.open(target.resolve("prepared-" + run + ".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock held = lock.lock()) {
			if (!Files.exists(ready)) {
				generateInto(dataDir);
				Files.createFile(ready);
			}
		}
		return dataDir;
	}

	private static void generateInto(Path dataDir) throws IOException, InterruptedException {
		// What an earlier JVM of this run left when its generate failed.
		if (Files.exists(dataDir)) {
			try (Stream<Path> files = Files.walk(dataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
		// As a temporary folder is made: for its owner only, as PostgreSQL wants.
		Files.createDirectory(dataDir,
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Path log = Files.createTempFile(dataDir.getParent(), "seamless-prepare", ".log");
		Process generate = java(SeamlessCommand.class.getName(), log,
				List.of("generate", "--people", "1", "--staff", "1", "--password", PASSWORD,
						"--seamless.data-dir=" + dataDir, "--seamless.demo=false", "--seamless.database.durable=false",
						"--logging.level.root=WARN"));
		// The checkpoint after the vacuum is what keeps a large load's stop inside the
		// embedded server's five-second wait; the embedded server's superuser may run it.
		if (!generate.waitFor(10, TimeUnit.MINUTES) || generate.exitValue() != 0
				|| !Files.readString(log).contains(ADMINISTRATOR + " (administrator)")
				|| !Files.readString(log).contains("Vacuumed and written to disk in")) {
			generate.destroyForcibly();
			throw new IllegalStateException("generate did not prepare a data folder:\n" + tail(log));
		}
		if (Files.exists(dataDir.resolve("pg").resolve("postmaster.pid"))) {
			throw new IllegalStateException("generate left its database server running in " + dataDir);
		}
	}

	static ChildApplication start(Path dataDir) throws IOException {
		int port = freePort();
		// Beside its data under target/, so a run leaves nothing in the machine's /tmp.
		Path log = Files.createTempFile(dataDir.toAbsolutePath().getParent(), "seamless-child", ".log");
		Process process = java(SeamlessApplication.class.getName(), log, List.of("--seamless.data-dir=" + dataDir,
				"--server.port=" + port, "--seamless.demo=false", "--logging.level.root=WARN"));
		ChildApplication child = new ChildApplication(process, port, dataDir);
		child.awaitHealthy(log);
		return child;
	}

	private void awaitHealthy(Path log) throws IOException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Patience patience = new Patience(process);
		while (patience.lasts()) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Seamless exited with " + process.exitValue() + ":\n" + tail(log));
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			pause();
		}
		process.destroyForcibly();
		throw new IllegalStateException("Seamless did not become healthy " + patience.spent() + ":\n" + tail(log));
	}

	/**
	 * A connection to a child's database once its migrations have begun; the child must
	 * stay alive meanwhile.
	 */
	static Connection awaitDatabase(Path dataDir, Process child) throws InterruptedException {
		Patience patience = new Patience(child);
		while (patience.lasts()) {
			assertThat(child.isAlive()).as("the child is running").isTrue();
			Connection db = null;
			try {
				db = connect(dataDir);
				try (Statement statement = db.createStatement();
						ResultSet result = statement.executeQuery("select count(*) from flyway_schema_history")) {
					if (result.next() && result.getLong(1) > 0) {
						Connection started = db;
						db = null;
						return started;
					}
				}
			}
			catch (IOException | SQLException | IndexOutOfBoundsException ex) {
				// not started yet
			}
			finally {
				// before the history table exists the query throws; the connection must
				// not be left open
				closeQuietly(db);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the child's database did not start " + patience.spent());
	}

	/**
	 * Waits until {@code condition} (one boolean) holds, polled often enough to catch a
	 * child half way through its work; the child must stay alive meanwhile.
	 */
	static void awaitTrue(Connection db, Process child, String condition) throws InterruptedException {
		Patience patience = new Patience(child);
		while (patience.lasts()) {
			assertThat(child.isAlive()).as("the child is running").isTrue();
			try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(condition)) {
				result.next();
				if (result.getBoolean(1)) {
					return;
				}
			}
			catch (SQLException ex) {
				// the table is not there yet
			}
			Thread.sleep(20);
		}
		throw new AssertionError("never true " + patience.spent() + ": " + condition);
	}

	private static void closeQuietly(Connection db) {
		if (db != null) {
			try {
				db.close();
			}
			catch (SQLException ex) {
				// nothing more to release
			}
		}
	}

	static String tail(Path log) throws IOException {
		String text = Files.readString(log);
		return text.substring(Math.max(0, text.length() - 4000));
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** SIGKILL on Linux: no shutdown hook, no chance to stop the database server. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	/** A direct connection to the child's own database, found from its pid file. */
	Connection database() throws IOException, SQLException {
		return connect(dataDir);
	}

	static Connection connect(Path dataDir) throws IOException, SQLException {
		List<String> pidFile = Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"));
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + pidFile.get(3).trim() + "/postgres",
				"postgres", "");
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static Path tempDataDir() throws IOException {
		Path target = Path.of("target", "test-data");
		Files.createDirectories(target);
		return Files.createTempDirectory(target, "child").toAbsolutePath();
	}

	/**
	 * How long a child is waited for. A start needs CPU, and a child on a machine at load
	 * 30 gets a fifteenth of a core: three minutes of wall time once ran out while the
	 * child's own start was far from done. So a child is given up on when it has used
	 * {@link #CPU} of its own CPU time (a start that is going wrong; a quiet start takes
	 * about 20 CPU-seconds), or, if it is stuck and using none, after {@link #WALL}.
	 */
	static final class Patience {

		static final Duration WALL = Duration.ofMinutes(15);

		static final Duration CPU = Duration.ofMinutes(3);

		private final Supplier<Instant> clock;

		private final Supplier<Duration> cpu;

		private final Instant started;

		Patience(Process child) {
			this(Instant::now, () -> child.toHandle().info().totalCpuDuration().orElse(Duration.ZERO));
		}

		Patience(Supplier<Instant> clock, Supplier<Duration> cpu) {
			this.clock = clock;
			this.cpu = cpu;
			this.started = clock.get();
		}

		boolean lasts() {
			return clock.get().isBefore(started.plus(WALL)) && cpu.get().compareTo(CPU) < 0;
		}

		String spent() {
			return "after " + Duration.between(started, clock.get()).toSeconds() + " s, " + cpu.get().toSeconds()
					+ " CPU-seconds of its own";
		}

	}

}
