package care.seamless.careplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * An action in a work queue. The organisation's queues hold only actions the viewer may
 * see; the rest are named in {@link WorkQueues#withheld()}. A manager's team queue holds
 * every overdue action of their teams, with {@code personId} and {@code personName} null
 * where the manager may not open the person's record and {@code description} null where
 * they may not see the action ({@code openable} false: no link to follow).
 */
public record QueueItem(UUID actionId, @Nullable PersonId personId, @Nullable String personName,
		@Nullable String description, String ownerName, String ownerOrganisationName, LocalDate dueOn,
		ActionStatus status, @Nullable String offeredToName, @Nullable Instant escalatedAt, boolean overdue,
		boolean offeredToViewer, long version, boolean openable) {
}
