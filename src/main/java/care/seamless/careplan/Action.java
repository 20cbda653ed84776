package care.seamless.careplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

/**
 * An action or service with its one accountable owner. While an offer to another
 * organisation waits for acceptance, {@code offeredTo} is set and the owner is still
 * accountable.
 */
public record Action(UUID id, PersonId personId, @Nullable UUID objectiveId, ActionKind kind, String description,
		DataCategory category, OrganisationId ownerOrganisationId, String ownerOrganisationName, PractitionerId ownerId,
		String ownerName, LocalDate dueOn, ActionStatus status, @Nullable OrganisationId offeredToId,
		@Nullable String offeredToName, @Nullable Instant escalatedAt, long version) {

	public boolean overdue(LocalDate today) {
		return status.isOpen() && dueOn.isBefore(today);
	}

	public boolean offered() {
		return offeredToId != null;
	}

}
