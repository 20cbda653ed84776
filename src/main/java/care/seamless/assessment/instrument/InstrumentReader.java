package care.seamless.assessment.instrument;

import care.seamless.shared.DataCategory;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import care.seamless.assessment.instrument.InstrumentDefinition.QuestionDefinition;
import care.seamless.assessment.instrument.InstrumentDefinition.SectionDefinition;
import care.seamless.shared.Profession;
import care.seamless.terminology.SapDomain;
import care.seamless.terminology.Vocabulary;
import org.jspecify.annotations.Nullable;

/**
 * Checks the meaning of one definition as Jackson mapped it, building the instrument and
 * recording every problem with its JSON path. Ids must be unique across the whole
 * instrument, not just within a section, because answers are stored against the question
 * id alone.
 */
final class InstrumentReader {

	private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]*$");

	private static final Pattern REUSE_KEY = Pattern.compile("^[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+$");

	private static final String ANY_PROFESSION = "any";

	private final Vocabulary vocabulary;

	private final String source;

	private final List<String> errors;

	private final Set<String> sectionIds = new HashSet<>();

	private final Set<String> questionIds = new HashSet<>();

	InstrumentReader(Vocabulary vocabulary, String source, List<String> errors) {
		this.vocabulary = vocabulary;
		this.source = source;
		this.errors = errors;
	}

	Instrument read(InstrumentDefinition definition) {
		String id = id("$.id", definition.id());
		Integer version = definition.version();
		if (version == null) {
			error("$.version", "must be a whole number");
		}
		else if (version < 1) {
			error("$.version", "must be 1 or more");
		}
		String title = text("$.title", definition.title());
		Stage stage = coded("$.stage", "stage", definition.stage(), Stage::fromCode,
				expected(Stage.values(), Stage::code));
		String description = (definition.description() == null) ? "" : text("$.description", definition.description());
		List<Section> sections = each("$.sections", definition.sections(), this::section);
		return new Instrument(id, (version != null) ? version : 0, title, (stage != null) ? stage : Stage.CONTACT,
				description, sections);
	}

	private Section section(String path, SectionDefinition definition) {
		String id = unique(path, definition.id(), this.sectionIds, "section");
		SapDomain domain = coded(path + ".sapDomain", "sapDomain", definition.sapDomain(), SapDomain::fromCode,
				expected(SapDomain.values(), SapDomain::code));
		DataCategory category = coded(path + ".category", "category", definition.category(), DataCategory::fromCode,
				expected(DataCategory.values(), DataCategory::code));
		List<String> named = definition.professions();
		boolean anyProfession = named != null && named.equals(List.of(ANY_PROFESSION));
		Set<Profession> professions = anyProfession ? Set.of() : professions(path + ".professions", named);
		boolean ownWords = Boolean.TRUE.equals(definition.personsOwnWords());
		List<Question> questions = each(path + ".questions", definition.questions(), this::question);
		if (ownWords) {
			checkOnlyText(path, questions);
		}
		return new Section(id, text(path + ".title", definition.title()),
				(domain != null) ? domain : SapDomain.USER_PERSPECTIVE,
				(category != null) ? category : DataCategory.GENERAL, anyProfession, professions, ownWords, questions);
	}

	private Set<Profession> professions(String path, @Nullable List<String> named) {
		Set<Profession> professions = EnumSet.noneOf(Profession.class);
		if (named == null || named.isEmpty()) {
			error(path, "must be \"any\" or a non-empty list of profession codes");
			return professions;
		}
		for (int i = 0; i < named.size(); i++) {
			String code = Objects.requireNonNullElse(named.get(i), "").strip();
			String itemPath = path + "[" + i + "]";
			Profession.fromCode(code)
				.ifPresentOrElse(professions::add, () -> error(itemPath, "unknown profession '" + code
						+ "' (expected \"any\" or one of " + expected(Profession.values(), Profession::code) + ")"));
		}
		return professions;
	}

	// The person's own words are kept verbatim (PRSB About Me), so such a section cannot
	// hold coded or scored answers.
	private void checkOnlyText(String path, List<Question> questions) {
		for (int i = 0; i < questions.size(); i++) {
			if (questions.get(i).type() != AnswerType.TEXT) {
				error(path + ".questions[" + i + "].type",
						"a section in the person's own words may hold only text questions");
			}
		}
	}

	private Question question(String path, QuestionDefinition definition) {
		String id = unique(path, definition.id(), this.questionIds, "question");
		AnswerType type = coded(path + ".type", "type", definition.type(), AnswerType::fromCode,
				expected(AnswerType.values(), AnswerType::code));
		List<String> options = options(path + ".options", definition.options(), type);
		String reuseKey = (definition.reuseKey() == null) ? null : text(path + ".reuseKey", definition.reuseKey());
		if (reuseKey != null && !reuseKey.isEmpty() && !REUSE_KEY.matcher(reuseKey).matches()) {
			error(path + ".reuseKey", "'" + reuseKey + "' must be dotted lower-case words, like mobility.indoors");
		}
		Integer staleAfterDays = definition.staleAfterDays();
		if (staleAfterDays != null && staleAfterDays < 1) {
			error(path + ".staleAfterDays", "must be 1 or more");
		}
		Integer min = bound(path, "min", definition.min(), type);
		Integer max = bound(path, "max", definition.max(), type);
		if (min != null && max != null && min > max) {
			error(path + ".min", "must not be more than max");
		}
		return new Question(id, text(path + ".text", definition.text()),
				text(path + ".plainText", definition.plainText()), (type != null) ? type : AnswerType.TEXT, options,
				Boolean.TRUE.equals(definition.required()), reuseKey, staleAfterDays, min, max);
	}

	private List<String> options(String path, @Nullable List<String> options, @Nullable AnswerType type) {
		boolean coded = type != null && type.isCoded();
		if (!coded) {
			if (options != null) {
				error(path, "only coded questions have options");
			}
			return List.of();
		}
		if (options == null || options.isEmpty()) {
			error(path, (options == null) ? "must be a list" : "a coded question needs at least one option");
			return List.of();
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < options.size(); i++) {
			String option = Objects.requireNonNullElse(options.get(i), "").strip();
			String itemPath = path + "[" + i + "]";
			if (!this.vocabulary.contains(option)) {
				error(itemPath, "unknown concept code '" + option + "' (not in the common language)");
			}
			if (!seen.add(option)) {
				error(itemPath, "option '" + option + "' is listed twice");
			}
		}
		return options.stream().map(option -> Objects.requireNonNullElse(option, "").strip()).toList();
	}

	private @Nullable Integer bound(String path, String field, @Nullable Integer value, @Nullable AnswerType type) {
		if (value != null && type != AnswerType.INTEGER) {
			error(path + "." + field, "only integer questions have " + field);
			return null;
		}
		return value;
	}

	private <D, T> List<T> each(String path, @Nullable List<D> definitions, Item<D, T> reader) {
		if (definitions == null || definitions.isEmpty()) {
			error(path, "must be a non-empty list");
			return List.of();
		}
		return IntStream.range(0, definitions.size()).mapToObj(i -> {
			D definition = definitions.get(i);
			if (definition == null) {
				error(path + "[" + i + "]", "must be an object");
				return null;
			}
			return reader.read(path + "[" + i + "]", definition);
		}).filter(Objects::nonNull).toList();
	}

	private String unique(String path, @Nullable String value, Set<String> seen, String what) {
		String id = id(path + ".id", value);
		if (!id.isEmpty() && !seen.add(id)) {
			error(path + ".id", "duplicate " + what + " id '" + id + "'");
		}
		return id;
	}

	private String id(String path, @Nullable String value) {
		String id = text(path, value);
		if (!id.isEmpty() && !ID.matcher(id).matches()) {
			error(path, "'" + id + "' must be lower-case letters, digits and hyphens");
		}
		return id;
	}

	private String text(String path, @Nullable String value) {
		if (value == null || value.isBlank()) {
			error(path, "must be a non-empty string");
			return "";
		}
		return value.strip();
	}

	private <T> @Nullable T coded(String path, String field, @Nullable String value,
			Function<String, Optional<T>> lookup, String expected) {
		String code = text(path, value);
		if (code.isEmpty()) {
			return null;
		}
		Optional<T> found = lookup.apply(code);
		if (found.isEmpty()) {
			error(path, "unknown " + field + " '" + code + "' (expected one of " + expected + ")");
		}
		return found.orElse(null);
	}

	private void error(String path, String message) {
		this.errors.add(this.source + ": " + path + ": " + message);
	}

	private static <T> String expected(T[] values, Function<T, String> code) {
		return Arrays.stream(values).map(code).collect(Collectors.joining(", "));
	}

	@FunctionalInterface
	private interface Item<D, T> {

		T read(String path, D definition);

	}

}
