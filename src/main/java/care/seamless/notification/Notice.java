package care.seamless.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One notice in a practitioner's inbox: the kind of change (a message key names its
 * words) and where to look. Never the person's name or the content of the change.
 */
public record Notice(UUID id, String kind, String link, Instant createdAt, @Nullable Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}

}
