package care.seamless.assessment.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object in a definition file together with its path, so every value read can
 * report a problem at {@code $.sections[2].questions[0].options[1]} rather than somewhere
 * in the file.
 */
final class DefinitionNode {

	private final JsonNode json;

	private final String path;

	private final List<String> errors;

	private final String source;

	DefinitionNode(JsonNode json, String path, String source, List<String> errors) {
		this.json = json;
		this.path = path;
		this.source = source;
		this.errors = errors;
	}

	void allowOnly(Set<String> fields) {
		if (!this.json.isObject()) {
			error(this.path, "must be an object");
			return;
		}
		this.json.propertyNames()
			.stream()
			.filter((name) -> !fields.contains(name))
			.forEach((name) -> error(at(name), "unknown field (expected one of " + String.join(", ", fields) + ")"));
	}

	String text(String field) {
		JsonNode value = this.json.get(field);
		if (value == null || !value.isString() || value.stringValue().isBlank()) {
			error(at(field), "must be a non-empty string");
			return "";
		}
		return value.stringValue().strip();
	}

	@Nullable String optionalText(String field) {
		return has(field) ? text(field) : null;
	}

	@Nullable Integer integer(String field) {
		JsonNode value = this.json.get(field);
		if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
			error(at(field), "must be a whole number");
			return null;
		}
		return value.intValue();
	}

	@Nullable Integer optionalInteger(String field) {
		return has(field) ? integer(field) : null;
	}

	boolean flag(String field) {
		if (!has(field)) {
			return false;
		}
		JsonNode value = this.json.get(field);
		if (!value.isBoolean()) {
			error(at(field), "must be true or false");
			return false;
		}
		return value.booleanValue();
	}

	<T> @Nullable T coded(String field, Function<String, Optional<T>> lookup, String expected) {
		String value = text(field);
		if (value.isEmpty()) {
			return null;
		}
		Optional<T> found = lookup.apply(value);
		if (found.isEmpty()) {
			error(at(field), "unknown " + field + " '" + value + "' (expected one of " + expected + ")");
		}
		return found.orElse(null);
	}

	List<DefinitionNode> objects(String field) {
		JsonNode array = this.json.get(field);
		if (array == null || !array.isArray() || array.isEmpty()) {
			error(at(field), "must be a non-empty list");
			return List.of();
		}
		return IntStream.range(0, array.size())
			.mapToObj((i) -> new DefinitionNode(array.get(i), at(field) + "[" + i + "]", this.source, this.errors))
			.toList();
	}

	/**
	 * The strings of a list, each paired with its own path for error messages.
	 */
	List<Item> strings(String field) {
		JsonNode array = this.json.get(field);
		if (array == null || !array.isArray()) {
			error(at(field), "must be a list");
			return List.of();
		}
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < array.size(); i++) {
			String itemPath = at(field) + "[" + i + "]";
			if (array.get(i).isString()) {
				items.add(new Item(array.get(i).stringValue().strip(), itemPath));
			}
			else {
				error(itemPath, "must be a string");
			}
		}
		return items;
	}

	boolean has(String field) {
		return this.json.has(field) && !this.json.get(field).isNull();
	}

	boolean isString(String field) {
		return has(field) && this.json.get(field).isString();
	}

	String at(String field) {
		return this.path + "." + field;
	}

	void error(String path, String message) {
		this.errors.add(this.source + ": " + path + ": " + message);
	}

	record Item(String value, String path) {
	}

}
