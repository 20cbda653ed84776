package care.seamless.shared;

import java.io.Serializable;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record PractitionerId(@JsonValue UUID id) implements Serializable {

	public static PractitionerId random() {
		return new PractitionerId(UUID.randomUUID());
	}

	public static PractitionerId of(String value) {
		return new PractitionerId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
