package care.seamless.door;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation with the care team, its messages oldest first. */
public record Conversation(UUID id, Instant startedAt, List<Message> messages) {
}
