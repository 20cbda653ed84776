package care.seamless;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Module boundaries hold in SQL too: the SQL text in a module's sources names only its
 * own schema. Another module's tables are reached through a fragment that module
 * publishes (such as {@code CareTeams.currentMemberSql} or
 * {@code People.matchingRecordsSql}), whose text lives in the owner's sources and so
 * never trips this test. Foreign keys in migrations are not checked here: they follow
 * declared dependencies by design.
 */
class SqlBoundaryTests {

	private static final Path MAIN = Path.of("src/main/java/care/seamless");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);

	private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	// A schema-qualified name where SQL names a table or calls a function.
	private static final Pattern QUALIFIED = Pattern.compile(
			"(?i)(?:\\b(?:from|join|into|update|table|references)\\s+([a-z_]+)\\.([a-z_][a-z0-9_]*))|(?:\\b([a-z_]+)\\.([a-z_][a-z0-9_]*)\\s*\\()");

	@Test
	void noModuleNamesAnotherModulesSchemaInItsSql() {
		Set<String> schemas = moduleSchemas();
		assertThat(schemas).contains("person", "team", "consent", "linkage", "careplan");
		List<String> crossings = new ArrayList<>();
		for (Path file : javaSources()) {
			String relative = MAIN.relativize(file).toString().replace('\\', '/');
			String module = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
			for (String name : schemaNames(read(file), schemas)) {
				String schema = name.substring(0, name.indexOf('.'));
				String crossing = relative + ": " + name;
				if (!schema.equals(module)) {
					crossings.add(crossing);
				}
			}
		}
		assertThat(crossings).as("SQL naming another module's schema; use a fragment the owner publishes").isEmpty();
	}

	@Test
	void theScanFindsTablesAndFunctionsInSqlButNotMessageKeysOrJava() {
		Set<String> schemas = Set.of("person", "team", "consent");
		String source = """
				class Example {
					static final String SQL = \"""
							select p.id from person.person p
							  join team.team_membership m on m.team_id = p.team_id
							where consent.effective_choice(p.id, null, 'GENERAL') is null
							\""";
					String label = "person.name";
					String fragment = CareTeams.currentMemberSql("p.id");
					void use() { jdbc.sql("insert into team.account (id) values (:id)"); person.id(); }
				}
				""";
		assertThat(schemaNames(source, schemas)).containsExactlyInAnyOrder("person.person", "team.team_membership",
				"consent.effective_choice", "team.account");
	}

	/** Schema-qualified names in the SQL-looking string literals of one source file. */
	static Set<String> schemaNames(String source, Set<String> schemas) {
		Set<String> found = new TreeSet<>();
		List<String> literals = new ArrayList<>();
		Matcher blocks = TEXT_BLOCK.matcher(source);
		while (blocks.find()) {
			literals.add(blocks.group(1));
		}
		Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
		while (strings.find()) {
			literals.add(strings.group(1));
		}
		for (String literal : literals) {
			Matcher names = QUALIFIED.matcher(literal);
			while (names.find()) {
				String schema = names.group(1) != null ? names.group(1) : names.group(3);
				String name = names.group(1) != null ? names.group(2) : names.group(4);
				if (schemas.contains(schema.toLowerCase(java.util.Locale.ROOT))) {
					found.add(schema.toLowerCase(java.util.Locale.ROOT) + "." + name);
				}
			}
		}
		return found;
	}

	private static Set<String> moduleSchemas() {
		Set<String> schemas = new TreeSet<>();
		Pattern create = Pattern.compile("(?i)create schema (?:if not exists )?([a-z_]+)");
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
				Matcher m = create.matcher(read(f));
				while (m.find()) {
					schemas.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return schemas;
	}

	private static List<Path> javaSources() {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
