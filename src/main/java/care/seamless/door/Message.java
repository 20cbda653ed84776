package care.seamless.door;

import java.time.Instant;
import java.util.UUID;

/** One message in a conversation between the door and the care team. */
public record Message(UUID id, boolean fromPersonSide, String authorName, String words, Instant sentAt) {
}
