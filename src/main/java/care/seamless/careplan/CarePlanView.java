package care.seamless.careplan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * The plan as one viewer may see it. {@code agreed} is decided over every objective,
 * including any withheld from this viewer; {@code outstanding} lists what is missing
 * among the objectives they can see.
 */
public record CarePlanView(UUID id, PersonId personId, @Nullable UUID assessmentEpisodeId,
		@Nullable LocalDate nextReviewOn, long version, List<Outcome> outcomes, List<Objective> objectives,
		List<Action> actions, @Nullable Contingency contingency, List<Risk> risks, List<Decision> decisions,
		List<Review> reviews, boolean agreed, List<Outstanding> outstanding, List<WithheldPart> withheld) {

	public @Nullable Objective objective(UUID objectiveId) {
		return objectives.stream().filter(o -> o.id().equals(objectiveId)).findFirst().orElse(null);
	}

	public List<Objective> section(Section section) {
		return objectives.stream().filter(o -> o.section() == section).toList();
	}

}
