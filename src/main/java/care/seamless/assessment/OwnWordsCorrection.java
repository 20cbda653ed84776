package care.seamless.assessment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A correction the person (or their carer or advocate) asked for to their own words. It
 * stands beside the original, which is never changed.
 *
 * @param statedBy who asked for the correction
 * @param reason why, as they gave it
 */
public record OwnWordsCorrection(UUID id, UUID answerId, String words, AnswerSource statedBy,
		@Nullable String statedByName, String reason, String recordedByName, String organisationName,
		Instant recordedAt) {
}
