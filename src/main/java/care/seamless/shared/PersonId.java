package care.seamless.shared;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record PersonId(@JsonValue UUID id) {

	public static PersonId random() {
		return new PersonId(UUID.randomUUID());
	}

	public static PersonId of(String value) {
		return new PersonId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
