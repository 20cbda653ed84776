package care.seamless.careplan;

import java.time.LocalDate;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

/**
 * What a practitioner enters for an action or service. The owner's organisation follows
 * from the owner; an action without an owner is refused.
 */
public record NewAction(@Nullable UUID objectiveId, @Nullable ActionKind kind, @Nullable String description,
		@Nullable DataCategory category, @Nullable PractitionerId owner, @Nullable LocalDate dueOn) {
}
