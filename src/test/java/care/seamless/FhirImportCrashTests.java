package care.seamless;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import fhir} in its own JVM, killed with SIGKILL after some files are in, then
 * run again on the same data folder: the rerun matches the files already kept, keeps the
 * rest, and every resource is there exactly once.
 */
class FhirImportCrashTests {

	private static final Path SYNTHEA = Path
		.of("src/test/resources/fhir/synthea/Christian_Balistreri_59339691-0270-4c4a-a34d-338e3008b9c3.json");

	private static final int FILES = 30;

	/** What one copy of the bundle keeps: its Patient and 79 resources of history. */
	private static final int KEPT = 80;

	private static final Pattern UUIDS = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	@Test
	void anImportKilledHalfWayCompletesOnRerunWithExactCountsAndNoDuplicates() throws Exception {
		Path dataDir = ChildApplication.preparedDataDir();
		Path folder = copies(dataDir.resolve("bundles"));

		Process killed = importer(dataDir, folder, "killed");
		long keptWhenKilled;
		try (Connection db = ChildApplication.awaitDatabase(dataDir, killed)) {
			ChildApplication.awaitTrue(db, killed, "select to_regclass('fhir.clinical_resource') is not null");
			// Killed after its first file: the faster the import, the less room there is
			// later.
			ChildApplication.awaitTrue(db, killed, "select count(*) >= " + (KEPT - 1) + " from fhir.clinical_resource");
			assertThat(killed.isAlive()).as("still importing when killed").isTrue();
			killed.destroyForcibly();
			assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(Files.readString(dataDir.resolve("killed.log"))).doesNotContain("Imported " + FILES);
		try (EmbeddedPostgres server = EmbeddedPostgresConfiguration.start(dataDir, true);
				Connection db = server.getPostgresDatabase().getConnection()) {
			keptWhenKilled = count(db, "select count(*) from fhir.clinical_resource");
			// Whole files only: each file is one transaction.
			assertThat(keptWhenKilled % (KEPT - 1)).isZero();
			assertThat(keptWhenKilled).isLessThan((long) FILES * (KEPT - 1));
		}
		long filesDone = keptWhenKilled / (KEPT - 1);

		Process rerun = importer(dataDir, folder, "rerun");
		assertThat(rerun.waitFor(10, TimeUnit.MINUTES)).isTrue();
		String log = Files.readString(dataDir.resolve("rerun.log"));
		assertThat(rerun.exitValue()).as(ChildApplication.tail(dataDir.resolve("rerun.log"))).isZero();
		assertThat(log).contains("Imported " + FILES + " files: ")
			.contains(", created " + (FILES - filesDone) * KEPT + ", matched " + filesDone * KEPT + ", skipped "
					+ FILES * 19 + ", failed 0");
		try (EmbeddedPostgres server = EmbeddedPostgresConfiguration.start(dataDir, true);
				Connection db = server.getPostgresDatabase().getConnection()) {
			assertThat(count(db, "select count(*) from fhir.clinical_resource")).isEqualTo((long) FILES * (KEPT - 1));
			assertThat(count(db, "select count(distinct resource->>'id') from fhir.clinical_resource"))
				.isEqualTo((long) FILES * (KEPT - 1));
			assertThat(count(db, "select count(distinct source_file) from fhir.clinical_resource"))
				.isEqualTo((long) FILES);
			assertThat(count(db, "select count(*) from fhir.imported_resource where resource_type = 'Patient'"))
				.isEqualTo((long) FILES);
			assertThat(count(db, """
					select count(*) from fhir.clinical_resource c
					join fhir.imported_resource p on p.person_id = c.person_id and p.source_file = c.source_file"""))
				.as("each file's history is its own Patient's")
				.isEqualTo((long) FILES * (KEPT - 1));
		}
	}

	/** Copies of the Synthea bundle, each with its own ids and family name. */
	private static Path copies(Path folder) throws IOException {
		Files.createDirectories(folder);
		String bundle = Files.readString(SYNTHEA);
		for (int i = 0; i < FILES; i++) {
			Map<String, String> ids = new HashMap<>();
			Matcher m = UUIDS.matcher(bundle);
			String copy = m.replaceAll(r -> ids.computeIfAbsent(r.group(), u -> UUID.randomUUID().toString()));
			copy = copy.replace("\"Balistreri\"",
					"\"Balistreri" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + "\"");
			Files.writeString(folder.resolve(String.format("bundle-%03d.json", i)), copy);
		}
		return folder;
	}

	private static Process importer(Path dataDir, Path folder, String name) throws IOException {
		return ChildApplication.java(SeamlessCommand.class.getName(), dataDir.resolve(name + ".log"),
				List.of("import", "fhir", folder.toString(), "--as", ChildApplication.ADMINISTRATOR,
						"--seamless.data-dir=" + dataDir, "--logging.level.root=WARN"));
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}
