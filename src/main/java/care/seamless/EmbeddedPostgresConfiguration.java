package care.seamless;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts a real PostgreSQL inside the application when no external database is
 * configured, so a fresh machine needs nothing but a JDK. The data directory survives
 * restarts. An external server is used as soon as {@code spring.datasource.url} is set,
 * and then this configuration does nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	/**
	 * The server the server's start began beside the context (EarlyDatabaseStart), or,
	 * where none was begun (tests, commands), one started here; both read their settings
	 * the same way ({@link EarlyDatabaseStart.Settings#of}), so the early start is taken
	 * whenever it was made for this context.
	 */
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(Environment environment, ObjectProvider<EarlyDatabaseStart> early)
			throws IOException {
		EarlyDatabaseStart.Settings settings = EarlyDatabaseStart.Settings.of(environment);
		EarlyDatabaseStart started = early.getIfAvailable();
		EmbeddedPostgres server = started == null ? null : started.claim(settings);
		return server != null ? server : start(settings.dataDir(), settings.durable(), settings.sharedBuffers());
	}

	static EmbeddedPostgres start(Path dataDir, boolean durable) throws IOException {
		return start(dataDir, durable, "");
	}

	/**
	 * The embedded library turns off every write-ahead guarantee to make tests fast; a
	 * care record must keep what it said it saved through a power cut, so the server runs
	 * with PostgreSQL's own safe defaults unless a test profile says otherwise.
	 */
	static EmbeddedPostgres start(Path dataDir, boolean durable, String sharedBuffers) throws IOException {
		Path pgData = dataDir.toAbsolutePath().normalize().resolve("pg");
		Files.createDirectories(pgData);
		// A server left running by a killed application would hold the folder and make
		// this start time out.
		StaleServer.stopIfOrphaned(pgData);
		String safe = durable ? "on" : "off";
		EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			// Spring stops the server when the context closes, after the beans that still
			// use it; zonky's own hook
			// would race that and leave them waiting on a dead database.
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "60")
			.setServerConfig("timezone", "UTC")
			.setServerConfig("fsync", safe)
			.setServerConfig("synchronous_commit", safe)
			.setServerConfig("full_page_writes", safe)
			.setServerConfig("shared_buffers", sharedBuffers.isBlank() ? sharedBuffers(machineMemory()) : sharedBuffers)
			.start();
		removeLeftoverScripts(Path.of(System.getProperty("java.io.tmpdir")), Instant.now());
		return server;
	}

	/**
	 * Older than this, a distribution script has long been run by whoever wrote it.
	 */
	static final Duration LEFTOVER_AGE = Duration.ofMinutes(1);

	/**
	 * zonky copies a script that detects the Linux distribution into the temporary folder
	 * the first time a JVM starts a server, runs it at once, and deletes it only when
	 * that JVM exits normally: every server that was killed (kill -9, an out-of-memory
	 * kill, the crash tests) left one behind. One older than {@link #LEFTOVER_AGE} is
	 * such a leftover, whichever process wrote it; a newer one may be a start beside this
	 * one, still running it, and is left.
	 */
	static void removeLeftoverScripts(Path folder, Instant now) {
		Instant before = now.minus(LEFTOVER_AGE);
		try (DirectoryStream<Path> scripts = Files.newDirectoryStream(folder, "detect_linux_distribution_*.sh")) {
			for (Path script : scripts) {
				removeIfOlder(script, before);
			}
		}
		catch (IOException | RuntimeException ex) {
			// Tidying leftovers must never stop the database's start.
		}
	}

	private static void removeIfOlder(Path script, Instant before) {
		try {
			if (Files.getLastModifiedTime(script).toInstant().isBefore(before)) {
				Files.deleteIfExists(script);
			}
		}
		catch (IOException ex) {
			// Gone already, or another user's file: the others are still tidied.
		}
	}

	/**
	 * PostgreSQL ships with 128 MB of shared buffers so that it starts on any machine
	 * beside anything else; the embedded server is this application's own database, so it
	 * takes what PostgreSQL's documentation advises for a dedicated server, a quarter of
	 * the memory, capped at 8 GB (beyond that the operating system's cache serves as
	 * well). At a million people the tables and indexes a request touches no longer fit
	 * in 128 MB, and every miss is a copy from the kernel's cache and often the eviction
	 * of a dirty page first.
	 */
	static String sharedBuffers(long machineBytes) {
		long quarterInMb = machineBytes / 4 / (1024 * 1024);
		return Math.max(128, Math.min(quarterInMb, 8192)) + "MB";
	}

	/**
	 * The machine's memory as the JVM sees it, which inside a container is the
	 * container's limit.
	 */
	static long machineMemory() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
	}

	/**
	 * PostgreSQL's error detail quotes the row's values ("Key (nhs_number)=(…) already
	 * exists"), and pgjdbc copies it into the exception's message, which is what gets
	 * logged; off, the message keeps only the error, while the constraint, table and
	 * detail stay readable in code through {@code getServerErrorMessage()}.
	 */
	static final String NO_VALUES_IN_ERRORS = "logServerErrorDetail";

	/**
	 * HikariCP ends each connection after {@code maxLifetime} (30 minutes, less up to a
	 * quarter at random) so that it never holds one that a firewall, a load balancer or
	 * the database's own timeout may already have cut. None stands between this
	 * application and the server it started itself, on the same machine, which lives and
	 * dies with it; and each new connection planned the record read about ten times
	 * (about 150 ms each at 1M) before its prepared statement settled, so the whole
	 * pool's renewal every half hour was a wave of planning that cut views from hundreds
	 * a second to tens (ADRs 117 and 125). A connection that does break is still found
	 * and replaced when it is next handed out. An external database keeps Hikari's
	 * default unless its configuration sets one.
	 */
	static final long EMBEDDED_MAX_LIFETIME = 0;

	/**
	 * The driver runs a statement unnamed, parsed and planned afresh, for its first four
	 * executions on a connection and prepares it on the server from the fifth (its
	 * default {@code prepareThreshold} of 5). PostgreSQL then plans a prepared statement
	 * five times more before it settles on its generic plan, so each of a new server's
	 * ten connections planned the record read (ADR 80, 100–150 ms a plan at 1M) about ten
	 * times in its first minutes. Prepared from the first execution, each plans it about
	 * six times; a statement run once costs a named parse instead of an unnamed one, and
	 * the driver's cache of them is bounded as before (ADR 132).
	 */
	static final String PREPARE_FROM_FIRST_EXECUTION = "1";

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres, @Value("${seamless.datasource.pool-size:10}") int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("seamless");
		config.addDataSourceProperty(NO_VALUES_IN_ERRORS, "false");
		config.setMaxLifetime(EMBEDDED_MAX_LIFETIME);
		config.addDataSourceProperty("prepareThreshold", PREPARE_FROM_FIRST_EXECUTION);
		return new HikariDataSource(config);
	}

}
