package care.seamless.careplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * An action in a work queue. Queues hold only actions the viewer may see; the rest are
 * named in {@link WorkQueues#withheld()}.
 */
public record QueueItem(UUID actionId, PersonId personId, String personName, String description, String ownerName,
		String ownerOrganisationName, LocalDate dueOn, ActionStatus status, @Nullable String offeredToName,
		@Nullable Instant escalatedAt, boolean overdue, boolean offeredToViewer) {
}
