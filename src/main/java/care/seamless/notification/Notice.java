package care.seamless.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One notice in a practitioner's inbox: the kind of change (a message key names its
 * words), where to look, who made the change and, where the reader may open that person's
 * record today, whom it concerns. The name is read through the access rules each time the
 * inbox is shown; the notice stores only ids.
 */
public record Notice(UUID id, String kind, String link, Instant createdAt, @Nullable Instant readAt,
		@Nullable String personName, @Nullable String byName) {

	public boolean unread() {
		return readAt == null;
	}

}
