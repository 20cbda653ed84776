package care.seamless.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A notice at the person's door: what kind, when, and whether it has been opened. */
public record PersonSideNoticeView(UUID id, String kind, Instant createdAt, @Nullable Instant readAt) {
}
