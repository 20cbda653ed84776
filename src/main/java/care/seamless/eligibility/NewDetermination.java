package care.seamless.eligibility;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A determination to record. {@code supersedes} and {@code supersedesVersion} name the
 * current determination of the same kind the practitioner saw (none for the first, or for
 * a historic FACS band), so a decision recorded meanwhile by someone else is a conflict
 * rather than silently replaced.
 */
public record NewDetermination(Facts facts, String rationale, @Nullable String personView,
		@Nullable UUID assessmentEpisodeId, @Nullable UUID supersedes, long supersedesVersion) {
}
