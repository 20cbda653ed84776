package care.seamless.linkage;

import java.util.EnumMap;
import java.util.Map;

/**
 * One person record as the matcher sees it: an id and the values of the roles it
 * recognised, already trimmed. Missing values are simply absent.
 */
public record Record(String id, Map<Role, String> values) {

	public Record {
		values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
	}

	public String value(Role role) {
		return values.getOrDefault(role, "");
	}

	public static Record of(String id, Map<Role, String> values) {
		return new Record(id, values);
	}

}
