package care.seamless.assessment.instrument;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import care.seamless.terminology.Vocabulary;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads an instrument definition (JSON) and checks it against the common language and the
 * known professions and data categories. A definition is either wholly valid or refused
 * with every problem listed.
 * <p>
 * Jackson maps the file onto {@link InstrumentDefinition} strictly: no unknown fields, no
 * quiet conversion of {@code "3"} to 3 or of 3 to {@code "3"}, no text holding control
 * characters (PostgreSQL refuses NUL, and none has a place in a question). A file that
 * fails there is refused with the JSON path, line and column of the fault; one that maps
 * is then checked for meaning by {@link InstrumentReader}, which reports every problem.
 */
public final class InstrumentParser {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.addModule(new SimpleModule("instrument-text").addDeserializer(String.class, new PlainText()))
		.build();

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
		InstrumentDefinition definition;
		try {
			definition = JSON.readValue(json, InstrumentDefinition.class);
		}
		catch (JacksonException ex) {
			throw new InvalidInstrumentException(source, List.of(source + ": " + describe(ex)));
		}
		if (definition == null) {
			throw new InvalidInstrumentException(source, List.of(source + ": $: must be an object"));
		}
		List<String> errors = new ArrayList<>();
		Instrument instrument = new InstrumentReader(this.vocabulary, source, errors).read(definition);
		if (!errors.isEmpty()) {
			throw new InvalidInstrumentException(source, errors);
		}
		return instrument;
	}

	private static String describe(JacksonException ex) {
		String where = where(ex.getLocation());
		// Jackson reports text after the definition as a mismatch, but to an author it is
		// a file that is not one JSON value.
		boolean trailing = String.valueOf(ex.getOriginalMessage()).startsWith("Trailing token");
		if (trailing || (ex instanceof StreamReadException && !(ex instanceof MismatchedInputException))) {
			return "not valid JSON" + where + ": " + ex.getOriginalMessage();
		}
		return path(ex) + ": " + problem(ex) + where;
	}

	private static String problem(JacksonException ex) {
		if (ex instanceof PropertyBindingException unknown) {
			return "unknown field (expected one of " + names(unknown.getKnownPropertyIds()) + ")";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			Class<?> target = mismatch.getTargetType();
			if (target == Integer.class || target == int.class) {
				return "must be a whole number";
			}
			if (target == Boolean.class || target == boolean.class) {
				return "must be true or false";
			}
			if (Collection.class.isAssignableFrom(target)) {
				return "must be a list";
			}
			if (target.isRecord()) {
				return "must be an object";
			}
		}
		return ex.getOriginalMessage();
	}

	private static String names(Collection<Object> names) {
		return names.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
	}

	/** As {@code $.sections[2].questions[0].options[1]}, the form the reader uses too. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder("$");
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String where(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	/**
	 * Text, and only text: no number or true standing in for it, no control characters.
	 */
	private static final class PlainText extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				return context.reportInputMismatch(this, "must be a string");
			}
			String text = parser.getString();
			if (text.chars().anyMatch(PlainText::isControl)) {
				return context.reportInputMismatch(this,
						"contains a control character (such as NUL), which cannot be stored; remove it");
			}
			return text;
		}

		private static boolean isControl(int c) {
			return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
		}

	}

}
