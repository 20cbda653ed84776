package care.seamless.person;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * An answer from an assessment offered back to the person's record, with where it came
 * from; the practitioner confirms or declines it. Until confirmed, the record does not
 * change.
 *
 * @param value what the record would show: a name or words, or {@code true}/{@code false}
 * for lives alone and has a carer
 * @param sourceLabel the assessment it came from, in words
 */
public record RecordOffer(UUID id, Field field, String value, UUID sourceEpisode, UUID sourceAnswer, String sourceLabel,
		String recordedByName, OrganisationId organisation, Instant recordedAt, Status status,
		@Nullable String decidedByName, @Nullable Instant decidedAt, long version) {

	/** The parts of the record an assessment may offer to fill. */
	public enum Field {

		PREFERRED_NAME, COMMUNICATION_NEEDS, LANGUAGE, LIVES_ALONE, HAS_CARER;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

		static Field fromCode(String code) {
			return valueOf(code.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		}

	}

	public enum Status {

		OFFERED, CONFIRMED, DECLINED

	}

	/** What an assessment offers: the answer and its provenance. */
	public record New(Field field, String value, UUID sourceEpisode, UUID sourceAnswer, String sourceLabel,
			String recordedByName, OrganisationId organisation, Instant recordedAt) {
	}

}
