package care.seamless.shared;

import java.io.Serializable;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record AccountId(@JsonValue UUID id) implements Serializable {

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	public static AccountId of(String value) {
		return new AccountId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
