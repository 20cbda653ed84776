package care.seamless.door;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Feedback on being involved, each answer 1 (no, not at all) to 4 (yes, fully), with a
 * comment; {@code weDid} is what the team did about it ("you said, we did").
 */
public record Feedback(UUID id, int listened, int explained, int agreePlan, int easy, String comment, Instant givenAt,
		@Nullable String weDid, @Nullable Instant weDidAt, long version) {

	public static final int MOST = 4;

}
