package care.seamless;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's embedded database is started beside the context (ADR 116): the initializer
 * starts it before any bean exists, the database bean takes that very server, and a start
 * that no bean took is stopped.
 */
class EarlyDatabaseStartTests {

	@TempDir
	Path folder;

	@Test
	void theDatabaseStartsBeforeAnyBeanAndTheBeanTakesThatServer() throws Exception {
		// As a killed server leaves zonky's distribution script, and as a start beside
		// this one has just written its own.
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		Path leftover = Files.createTempFile(tmp, "detect_linux_distribution_", ".sh");
		Files.setLastModifiedTime(leftover,
				FileTime.from(Instant.now().minus(EmbeddedPostgresConfiguration.LEFTOVER_AGE).minusSeconds(5)));
		Path running = Files.createTempFile(tmp, "detect_linux_distribution_", ".sh");
		// Young whenever the tidying runs, however long the start takes on a loaded
		// machine.
		Files.setLastModifiedTime(running,
				FileTime.from(Instant.now().plus(EmbeddedPostgresConfiguration.LEFTOVER_AGE.multipliedBy(60))));
		GenericApplicationContext context = contextFor(this.folder);
		new EarlyDatabaseStart().initialize(context);
		EarlyDatabaseStart early = context.getBeanFactory().getBean(EarlyDatabaseStart.class);

		try (EmbeddedPostgres server = new EmbeddedPostgresConfiguration().embeddedPostgres(context.getEnvironment(),
				context.getBeanFactory().getBeanProvider(EarlyDatabaseStart.class))) {
			assertThat(dataDirectory(server)).isEqualTo(this.folder.resolve("pg").toRealPath().toString());
			// Taken once: a second bean (there is none) would start a server of its own.
			assertThat(early.claim(EarlyDatabaseStart.Settings.of(context.getEnvironment()))).isNull();
			assertThat(leftover).doesNotExist();
			assertThat(running).exists();
		}
		finally {
			early.stopIfUnclaimed();
			Files.deleteIfExists(leftover);
			Files.deleteIfExists(running);
		}
		assertThat(this.folder.resolve("pg/postmaster.pid")).doesNotExist();
	}

	@Test
	void anExternalDatabaseStartsNoEmbeddedOne() {
		GenericApplicationContext context = contextFor(this.folder);
		((MockEnvironment) context.getEnvironment()).setProperty("spring.datasource.url",
				"jdbc:postgresql://localhost:1/none");
		new EarlyDatabaseStart().initialize(context);

		assertThat(context.getBeanFactory().getBeanProvider(EarlyDatabaseStart.class).getIfAvailable()).isNull();
		assertThat(this.folder.resolve("pg")).doesNotExist();
	}

	@Test
	void aStartNoBeanTookIsStoppedWhenTheApplicationFails() throws Exception {
		GenericApplicationContext context = contextFor(this.folder);
		EarlyDatabaseStart early = new EarlyDatabaseStart();
		early.initialize(context);

		early.stopIfUnclaimed();

		assertThat(Files.exists(this.folder.resolve("pg/PG_VERSION"))).isTrue();
		assertThat(this.folder.resolve("pg/postmaster.pid")).doesNotExist();
		assertThat(early.claim(EarlyDatabaseStart.Settings.of(context.getEnvironment()))).isNull();
	}

	private static GenericApplicationContext contextFor(Path folder) {
		GenericApplicationContext context = new GenericApplicationContext();
		MockEnvironment environment = new MockEnvironment().withProperty("seamless.data-dir", folder.toString())
			.withProperty("seamless.database.durable", "false");
		context.setEnvironment(environment);
		return context;
	}

	private static String dataDirectory(EmbeddedPostgres server) throws Exception {
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("show data_directory")) {
			row.next();
			return row.getString(1);
		}
	}

}
