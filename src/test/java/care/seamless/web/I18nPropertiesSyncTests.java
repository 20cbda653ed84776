package care.seamless.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text people read comes from messages.properties: templates may not carry literal
 * text in th:text, and every literal message key they name must exist.
 */
class I18nPropertiesSyncTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)[}(]");

	private static final Pattern LITERAL_TEXT = Pattern.compile("th:text=\"'[A-Za-z ]{3,}'\"");

	@Test
	void everyMessageKeyUsedInATemplateExists() throws IOException {
		Properties messages = new Properties();
		// One bundle per module, all named in spring.messages.basename.
		try (Stream<Path> bundles = Files.list(Path.of("src/main/resources/messages"))) {
			for (Path bundle : bundles.filter((f) -> f.toString().endsWith(".properties")).toList()) {
				try (InputStream in = Files.newInputStream(bundle)) {
					messages.load(in);
				}
			}
		}
		TreeSet<String> missing = new TreeSet<>();
		TreeSet<String> literals = new TreeSet<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file);
				Matcher matcher = KEY.matcher(html);
				while (matcher.find()) {
					if (!messages.containsKey(matcher.group(1))) {
						missing.add(file.getFileName() + ": " + matcher.group(1));
					}
				}
				Matcher literal = LITERAL_TEXT.matcher(html);
				while (literal.find()) {
					literals.add(file.getFileName() + ": " + literal.group());
				}
			}
		}
		assertThat(missing).as("message keys used in templates but not defined").isEmpty();
		assertThat(literals).as("literal text in templates").isEmpty();
	}

	@Test
	void everyProfessionAndCategoryHasItsWords() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages/messages.properties"))) {
			messages.load(in);
		}
		for (care.seamless.shared.Profession profession : care.seamless.shared.Profession.values()) {
			assertThat(messages).as("words for %s", profession).containsKey("profession." + profession.name());
		}
		for (care.seamless.shared.DataCategory category : care.seamless.shared.DataCategory.values()) {
			assertThat(messages).as("words for %s", category).containsKey("category." + category.name());
		}
	}

}
