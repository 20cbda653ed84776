package care.seamless.assessment;

import care.seamless.shared.Profession;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One answer with its provenance: who gave it, in what capacity, for which organisation,
 * when, and whose account it is.
 *
 * @param value the stored form: text, {@code true}/{@code false}, a number, an ISO date,
 * concept codes separated by commas, or an ICF qualifier
 * @param reusedFrom where a reused answer was first given
 */
public record Answer(UUID id, String questionId, @Nullable String reuseKey, String value, AnswerSource source,
		String recordedByName, Profession profession, String organisationName, Instant recordedAt,
		@Nullable Origin reusedFrom) {

	/** Who first gave an answer that was carried over. */
	public record Origin(UUID answerId, String recordedByName, String organisationName, Instant recordedAt) {
	}

}
