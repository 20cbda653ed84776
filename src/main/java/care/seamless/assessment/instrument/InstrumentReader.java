package care.seamless.assessment.instrument;

import care.seamless.shared.DataCategory;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import care.seamless.shared.Profession;
import care.seamless.terminology.SapDomain;
import care.seamless.terminology.Vocabulary;
import org.jspecify.annotations.Nullable;

/**
 * Walks one definition, building the instrument and recording problems. Ids must be
 * unique across the whole instrument, not just within a section, because answers are
 * stored against the question id alone.
 */
final class InstrumentReader {

	private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]*$");

	private static final Pattern REUSE_KEY = Pattern.compile("^[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+$");

	private static final Set<String> INSTRUMENT_FIELDS = Set.of("id", "version", "title", "stage", "description",
			"sections");

	private static final Set<String> SECTION_FIELDS = Set.of("id", "title", "sapDomain", "category", "professions",
			"personsOwnWords", "questions");

	private static final Set<String> QUESTION_FIELDS = Set.of("id", "text", "plainText", "type", "options", "required",
			"reuseKey", "staleAfterDays", "min", "max");

	private final Vocabulary vocabulary;

	private final Set<String> sectionIds = new HashSet<>();

	private final Set<String> questionIds = new HashSet<>();

	InstrumentReader(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	Instrument read(DefinitionNode node) {
		node.allowOnly(INSTRUMENT_FIELDS);
		String id = id(node, "id");
		Integer version = node.integer("version");
		if (version != null && version < 1) {
			node.error(node.at("version"), "must be 1 or more");
		}
		String title = node.text("title");
		Stage stage = node.coded("stage", Stage::fromCode, expected(Stage.values(), Stage::code));
		String description = Objects.requireNonNullElse(node.optionalText("description"), "");
		List<Section> sections = node.objects("sections").stream().map(this::section).toList();
		return new Instrument(id, (version != null) ? version : 0, title, (stage != null) ? stage : Stage.CONTACT,
				description, sections);
	}

	private Section section(DefinitionNode node) {
		node.allowOnly(SECTION_FIELDS);
		String id = unique(node, this.sectionIds, "section");
		SapDomain domain = node.coded("sapDomain", SapDomain::fromCode, expected(SapDomain.values(), SapDomain::code));
		DataCategory category = node.coded("category", DataCategory::fromCode,
				expected(DataCategory.values(), DataCategory::code));
		boolean anyProfession = node.isString("professions") && node.text("professions").equals("any");
		Set<Profession> professions = anyProfession ? Set.of() : professions(node);
		boolean ownWords = node.flag("personsOwnWords");
		List<Question> questions = node.objects("questions").stream().map(this::question).toList();
		if (ownWords) {
			checkOnlyText(node, questions);
		}
		return new Section(id, node.text("title"), (domain != null) ? domain : SapDomain.USER_PERSPECTIVE,
				(category != null) ? category : DataCategory.GENERAL, anyProfession, professions, ownWords, questions);
	}

	private Set<Profession> professions(DefinitionNode node) {
		Set<Profession> professions = EnumSet.noneOf(Profession.class);
		List<DefinitionNode.Item> items = node.strings("professions");
		if (items.isEmpty() && node.has("professions")) {
			node.error(node.at("professions"), "must be \"any\" or a non-empty list of profession codes");
		}
		for (DefinitionNode.Item item : items) {
			Profession.fromCode(item.value())
				.ifPresentOrElse(professions::add, () -> node.error(item.path(), "unknown profession '" + item.value()
						+ "' (expected \"any\" or one of " + expected(Profession.values(), Profession::code) + ")"));
		}
		return professions;
	}

	// The person's own words are kept verbatim (PRSB About Me), so such a section cannot
	// hold coded or scored answers.
	private static void checkOnlyText(DefinitionNode node, List<Question> questions) {
		for (int i = 0; i < questions.size(); i++) {
			if (questions.get(i).type() != AnswerType.TEXT) {
				node.error(node.at("questions") + "[" + i + "].type",
						"a section in the person's own words may hold only text questions");
			}
		}
	}

	private Question question(DefinitionNode node) {
		node.allowOnly(QUESTION_FIELDS);
		String id = unique(node, this.questionIds, "question");
		AnswerType type = node.coded("type", AnswerType::fromCode, expected(AnswerType.values(), AnswerType::code));
		List<String> options = options(node, type);
		String reuseKey = node.optionalText("reuseKey");
		if (reuseKey != null && !REUSE_KEY.matcher(reuseKey).matches()) {
			node.error(node.at("reuseKey"),
					"'" + reuseKey + "' must be dotted lower-case words, like mobility.indoors");
		}
		Integer staleAfterDays = node.optionalInteger("staleAfterDays");
		if (staleAfterDays != null && staleAfterDays < 1) {
			node.error(node.at("staleAfterDays"), "must be 1 or more");
		}
		Integer min = bound(node, "min", type);
		Integer max = bound(node, "max", type);
		if (min != null && max != null && min > max) {
			node.error(node.at("min"), "must not be more than max");
		}
		return new Question(id, node.text("text"), node.text("plainText"), (type != null) ? type : AnswerType.TEXT,
				options, node.flag("required"), reuseKey, staleAfterDays, min, max);
	}

	private List<String> options(DefinitionNode node, @Nullable AnswerType type) {
		boolean coded = type != null && type.isCoded();
		if (!coded) {
			if (node.has("options")) {
				node.error(node.at("options"), "only coded questions have options");
			}
			return List.of();
		}
		List<DefinitionNode.Item> items = node.strings("options");
		if (items.isEmpty()) {
			node.error(node.at("options"), "a coded question needs at least one option");
		}
		Set<String> seen = new HashSet<>();
		for (DefinitionNode.Item item : items) {
			if (!this.vocabulary.contains(item.value())) {
				node.error(item.path(), "unknown concept code '" + item.value() + "' (not in the common language)");
			}
			if (!seen.add(item.value())) {
				node.error(item.path(), "option '" + item.value() + "' is listed twice");
			}
		}
		return items.stream().map(DefinitionNode.Item::value).toList();
	}

	private static @Nullable Integer bound(DefinitionNode node, String field, @Nullable AnswerType type) {
		if (node.has(field) && type != AnswerType.INTEGER) {
			node.error(node.at(field), "only integer questions have " + field);
			return null;
		}
		return node.optionalInteger(field);
	}

	private static String unique(DefinitionNode node, Set<String> seen, String what) {
		String id = id(node, "id");
		if (!id.isEmpty() && !seen.add(id)) {
			node.error(node.at("id"), "duplicate " + what + " id '" + id + "'");
		}
		return id;
	}

	private static String id(DefinitionNode node, String field) {
		String id = node.text(field);
		if (!id.isEmpty() && !ID.matcher(id).matches()) {
			node.error(node.at(field), "'" + id + "' must be lower-case letters, digits and hyphens");
		}
		return id;
	}

	private static <T> String expected(T[] values, Function<T, String> code) {
		return Arrays.stream(values).map(code).collect(Collectors.joining(", "));
	}

}
