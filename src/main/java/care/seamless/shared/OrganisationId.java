package care.seamless.shared;

import java.io.Serializable;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record OrganisationId(@JsonValue UUID id) implements Serializable {

	public static OrganisationId random() {
		return new OrganisationId(UUID.randomUUID());
	}

	public static OrganisationId of(String value) {
		return new OrganisationId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
