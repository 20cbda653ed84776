package care.seamless.careplan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A review of the plan with the goal attainment scores given at it. */
public record Review(UUID id, Kind kind, LocalDate heldOn, @Nullable String notes, String recordedBy,
		List<Score> scores) {

	public enum Kind {

		SCHEDULED, AD_HOC

	}

	public enum Scorer {

		PERSON, PRACTITIONER

	}

	/** Goal attainment: -2 much less than expected, 0 as expected, +2 much more. */
	public record Score(UUID objectiveId, Scorer scorer, int score) {
	}

	public @Nullable Integer score(UUID objectiveId, Scorer scorer) {
		return scores.stream()
			.filter(s -> s.objectiveId().equals(objectiveId) && s.scorer() == scorer)
			.map(Score::score)
			.findFirst()
			.orElse(null);
	}

}
