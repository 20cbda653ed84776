package care.seamless.assessment.instrument;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import care.seamless.terminology.Vocabulary;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an instrument definition (JSON) and checks it against the common language and the
 * known professions and data categories. A definition is either wholly valid or refused
 * with every problem listed.
 */
public final class InstrumentParser {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Vocabulary vocabulary;

	public InstrumentParser(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	/**
	 * @param source the file name, used in error messages
	 * @throws InvalidInstrumentException listing every problem, each with the file name
	 * and JSON path
	 */
	public Instrument parse(InputStream json, String source) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new InvalidInstrumentException(source,
					List.of(source + ": not valid JSON: " + ex.getOriginalMessage()));
		}
		List<String> errors = new ArrayList<>();
		Instrument instrument = new InstrumentReader(this.vocabulary)
			.read(new DefinitionNode(root, "$", source, errors));
		if (!errors.isEmpty()) {
			throw new InvalidInstrumentException(source, errors);
		}
		return instrument;
	}

}
