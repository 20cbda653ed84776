package care.seamless.shared;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record TeamId(@JsonValue UUID id) {

	public static TeamId random() {
		return new TeamId(UUID.randomUUID());
	}

	public static TeamId of(String value) {
		return new TeamId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
