package care.seamless;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import command in its own JVM, killed with SIGKILL while its transaction is writing
 * people, then run again on the same data folder: the first run leaves nothing, the
 * second imports every line exactly once.
 */
class ImportCrashTests {

	/**
	 * Enough for the COPY of the file to grow the person table past the 8 pages the test
	 * waits for (500 did not: that import ran to the end unkilled), with the matching
	 * after it keeping the transaction open long after that.
	 */
	private static final int PEOPLE = 800;

	@Test
	void anImportKilledHalfWayLeavesNothingAndARerunImportsEveryoneOnce() throws Exception {
		Path dataDir = ChildApplication.preparedDataDir();
		Path people = csv(dataDir.resolve("people.csv"), PEOPLE);

		Process killed = importer(dataDir, people, "killed");
		long before;
		try (Connection db = ChildApplication.awaitDatabase(dataDir, killed)) {
			before = count(db, "select count(*) from person.person");
			long size = count(db, "select pg_relation_size('person.person')");
			// Rows the open transaction has written extend the table before they commit:
			// once it has grown by some hundreds of people, the import is half way.
			ChildApplication.awaitTrue(db, killed, "select pg_relation_size('person.person') > " + (size + 8 * 8192));
			assertThat(killed.isAlive()).as("still importing when killed").isTrue();
			killed.destroyForcibly();
			assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(Files.readString(dataDir.resolve("killed.log"))).doesNotContain("Imported");
		assertThat(imported(dataDir)).as("nothing of the killed import").containsExactly(0L, 0L);

		Process rerun = importer(dataDir, people, "rerun");
		assertThat(rerun.waitFor(10, TimeUnit.MINUTES)).isTrue();
		assertThat(rerun.exitValue()).as(ChildApplication.tail(dataDir.resolve("rerun.log"))).isZero();
		assertThat(Files.readString(dataDir.resolve("rerun.log"))).contains("Imported " + PEOPLE + " people");
		assertThat(imported(dataDir)).as("every line once").containsExactly((long) PEOPLE, (long) PEOPLE);

		// The same file once more, now that it has been imported: asked about, not
		// imported.
		Process again = importer(dataDir, people, "again");
		assertThat(again.waitFor(10, TimeUnit.MINUTES)).isTrue();
		String told = Files.readString(dataDir.resolve("again.log"));
		assertThat(again.exitValue()).as(told).isEqualTo(1);
		assertThat(told).contains("Your organisation imported this file on", PEOPLE + " people", "--again")
			.doesNotContain("Imported " + PEOPLE);
		try (EmbeddedPostgres server = EmbeddedPostgresConfiguration.start(dataDir, true);
				Connection db = server.getPostgresDatabase().getConnection()) {
			assertThat(count(db, "select count(*) from person.person")).isEqualTo(before + PEOPLE);
		}
	}

	private static Process importer(Path dataDir, Path csv, String name) throws IOException {
		return ChildApplication.java(SeamlessCommand.class.getName(), dataDir.resolve(name + ".log"),
				List.of("import", csv.toString(), "--as", ChildApplication.ADMINISTRATOR,
						"--seamless.data-dir=" + dataDir, "--logging.level.root=WARN"));
	}

	/** How many imported people there are, and how many different ones. */
	private static List<Long> imported(Path dataDir) throws Exception {
		// A killed run leaves its server behind; starting one here stops it first, as
		// the application does.
		try (EmbeddedPostgres server = EmbeddedPostgresConfiguration.start(dataDir, true);
				Connection db = server.getPostgresDatabase().getConnection()) {
			return List.of(count(db, "select count(*) from person.person where family_name like 'Crash%'"),
					count(db, """
							select count(distinct (given_name, family_name, date_of_birth)) from person.person
							where family_name like 'Crash%'"""));
		}
	}

	private static Path csv(Path file, int people) throws IOException {
		StringBuilder csv = new StringBuilder("given_name,family_name,date_of_birth,postcode\n");
		for (int i = 0; i < people; i++) {
			csv.append("Given")
				.append(letters(i))
				.append(",Crash")
				.append(letters(i * 7 + 3))
				.append(",19")
				.append(40 + i % 60)
				.append("-0")
				.append(1 + i % 9)
				.append('-')
				.append(10 + i % 18)
				.append(",RV1 2AB\n");
		}
		return Files.writeString(file, csv);
	}

	private static String letters(int number) {
		StringBuilder letters = new StringBuilder();
		for (int n = number + 26 * 26; n > 0; n /= 26) {
			letters.append((char) ('a' + n % 26));
		}
		return letters.toString();
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}
