package care.seamless.careplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import care.seamless.consent.WithheldReason;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * An action in a work queue. When the viewer may not see the action itself (a manager
 * outside the person's care team, say), {@code withheld} says why and the person's name
 * and the description are null: the queue still shows who owns it and when it was due.
 */
public record QueueItem(UUID actionId, PersonId personId, @Nullable String personName, @Nullable String description,
		String ownerName, String ownerOrganisationName, LocalDate dueOn, ActionStatus status,
		@Nullable String offeredToName, @Nullable Instant escalatedAt, @Nullable WithheldReason withheld,
		boolean overdue, boolean offeredToViewer) {
}
