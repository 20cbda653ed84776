package care.seamless.terminology;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

/**
 * The common language: shows any coded answer in the viewer's words, finds concepts by
 * any of their words, and takes in partners' vocabularies. Starts with the starter
 * vocabulary shipped on the classpath.
 */
@Service
public class Terminology {

	static final String STARTER_VOCABULARY = "terminology/starter-vocabulary.csv";

	// Swapped whole on import, so readers always see one consistent vocabulary without
	// locking.
	private volatile Vocabulary vocabulary;

	public Terminology() {
		this(loadStarterVocabulary());
	}

	Terminology(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	public Vocabulary vocabulary() {
		return this.vocabulary;
	}

	public Optional<Concept> find(String code) {
		return this.vocabulary.find(code);
	}

	public String display(String code, Audience audience) {
		return this.vocabulary.display(code, audience);
	}

	/**
	 * The concept's words for a viewer given by profession code, or {@code person} /
	 * {@code carer}.
	 */
	public String display(String code, String viewer) {
		return display(code, Audience.forViewer(viewer));
	}

	public List<Concept> search(String text) {
		return this.vocabulary.search(text);
	}

	/**
	 * Adds a partner's concepts, replacing any with the same code. All or nothing: one
	 * bad line refuses the file.
	 */
	public synchronized ImportResult importCsv(Reader reader) {
		CsvResult read = VocabularyCsv.read(reader);
		if (read.hasErrors()) {
			return ImportResult.refused(read.errors());
		}
		Vocabulary current = this.vocabulary;
		int replaced = (int) read.concepts().stream().filter((concept) -> current.contains(concept.code())).count();
		this.vocabulary = current.with(read.concepts());
		return new ImportResult(read.concepts().size() - replaced, replaced, List.of());
	}

	public void exportCsv(Writer writer) throws IOException {
		VocabularyCsv.write(writer, this.vocabulary.concepts());
	}

	static Vocabulary loadStarterVocabulary() {
		Resource resource = new ClassPathResource(STARTER_VOCABULARY);
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			CsvResult read = VocabularyCsv.read(reader);
			if (read.hasErrors()) {
				throw new IllegalStateException(
						"The starter vocabulary " + STARTER_VOCABULARY + " has errors: " + read.errors());
			}
			return Vocabulary.of(read.concepts());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + STARTER_VOCABULARY, ex);
		}
	}

}
