package care.seamless;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as an operator runs it: its own JVM, the real configuration, killed
 * with SIGKILL and started again on the same data folder.
 */
class CrashRecoveryTests {

	@Test
	void startsAgainAfterBeingKilledAndKeepsWhatWasCommittedDurably() throws Exception {
		Path dataDir = ChildApplication.preparedDataDir();
		ChildApplication first = ChildApplication.start(dataDir);
		UUID organisation = UUID.randomUUID();
		Object vacuumed;
		try (Connection db = first.database(); Statement statement = db.createStatement()) {
			vacuumed = lastVacuum(db, "person.person");
			statement.executeUpdate("insert into team.organisation (id, code, name, kind) values ('" + organisation
					+ "', 'CRASH-1', 'Crash test', 'HOUSING')");
		}
		first.kill();
		// Its date, not its outcome: a scheduled job's transaction that began before the
		// load committed can hold back the all-visible mark of a one-person load's page.
		assertThat(vacuumed).as("generate vacuumed what it loaded").isNotNull();
		Optional<ProcessHandle> orphan = StaleServer.serverOf(dataDir.resolve("pg"));
		assertThat(orphan).as("the killed application's database server is still running").isPresent();

		ChildApplication second = ChildApplication.start(dataDir);
		try (Connection db = second.database();
				Statement statement = db.createStatement();
				ResultSet rows = statement
					.executeQuery("select name from team.organisation where id = '" + organisation + "'")) {
			assertThat(orphan.get().isAlive()).isFalse();
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("Crash test");
			// What the real configuration runs with, not the test profile's fast
			// settings.
			assertThat(setting(db, "fsync")).isEqualTo("on");
			assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(db, "full_page_writes")).isEqualTo("on");
			assertThat(bytes(db, "shared_buffers")).as("a quarter of the machine's memory, within bounds")
				.isEqualTo(megabytes(
						EmbeddedPostgresConfiguration.sharedBuffers(EmbeddedPostgresConfiguration.machineMemory())));
		}
		finally {
			second.stop();
		}
		assertThat(StaleServer.serverOf(dataDir.resolve("pg"))).as("a clean stop leaves no server").isEmpty();
	}

	@Test
	void aStartingChildIsWaitedForWhileItIsStillWorkingHoweverSlowTheMachine() {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T12:00:00Z"));
		AtomicReference<Duration> cpu = new AtomicReference<>(Duration.ZERO);
		ChildApplication.Patience patience = new ChildApplication.Patience(now::get, cpu::get);
		// At load 30+ a child got a fifteenth of a core: five minutes of wall time, a
		// start's 20 CPU-seconds not yet all spent.
		now.set(now.get().plus(Duration.ofMinutes(5)));
		cpu.set(Duration.ofSeconds(20));
		assertThat(patience.lasts()).as("a slow start on a loaded machine").isTrue();
		cpu.set(ChildApplication.Patience.CPU);
		assertThat(patience.lasts()).as("a child that spent minutes of CPU without becoming healthy").isFalse();
		assertThat(patience.spent()).isEqualTo("after 300 s, 180 CPU-seconds of its own");

		ChildApplication.Patience stuck = new ChildApplication.Patience(now::get, () -> Duration.ZERO);
		now.set(now.get().plus(ChildApplication.Patience.WALL).minusSeconds(1));
		assertThat(stuck.lasts()).isTrue();
		now.set(now.get().plusSeconds(1));
		assertThat(stuck.lasts()).as("a child stuck using no CPU at all").isFalse();
	}

	private static Object lastVacuum(Connection db, String table) throws SQLException {
		try (Statement statement = db.createStatement();
				ResultSet result = statement.executeQuery(
						"select last_vacuum from pg_stat_user_tables where relid = '" + table + "'::regclass")) {
			result.next();
			return result.getObject(1);
		}
	}

	private static long bytes(Connection db, String name) throws SQLException {
		try (Statement statement = db.createStatement();
				ResultSet result = statement
					.executeQuery("select setting::bigint * block_size_bytes from pg_settings, (select setting::bigint"
							+ " as block_size_bytes from pg_settings where name = 'block_size') b where name = '" + name
							+ "'")) {
			result.next();
			return result.getLong(1);
		}
	}

	private static long megabytes(String setting) {
		assertThat(setting).endsWith("MB");
		return Long.parseLong(setting.substring(0, setting.length() - 2)) * 1024 * 1024;
	}

	private static String setting(Connection db, String name) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery("show " + name)) {
			result.next();
			return result.getString(1);
		}
	}

}
