package care.seamless.assessment;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record EpisodeId(@JsonValue UUID id) {

	public static EpisodeId random() {
		return new EpisodeId(UUID.randomUUID());
	}

	public static EpisodeId of(String value) {
		return new EpisodeId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
