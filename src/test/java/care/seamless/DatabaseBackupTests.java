package care.seamless;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

	@TempDir
	Path folder;

	@Test
	void restoresEveryTableExactly() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.PRACTITIONER);
		PersonId person = fixtures.person(Fixtures.unique("Backup"), worker);
		Path file = folder.resolve("seamless.zip");

		DatabaseBackup.Summary written = DatabaseBackup.backup(dataSource, file);
		Map<String, String> before = fingerprints(dataSource);

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

	/** For each identity column: would the next insert get a number no row holds yet? */
	private static java.util.List<Boolean> identitiesPastTheirRows(DataSource database) {
		org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient
			.create(database);
		return jdbc.sql("""
				select quote_ident(table_schema) || '.' || quote_ident(table_name) as name, column_name
				from information_schema.columns where is_identity = 'YES'
				and table_schema not in ('pg_catalog', 'information_schema')""")
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
