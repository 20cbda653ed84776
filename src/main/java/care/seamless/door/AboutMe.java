package care.seamless.door;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The person's own words about themselves: how they wish to be addressed, what matters to
 * them, how they like to be supported, and their communication needs. Shown to the care
 * team as the person's, never merged into what a professional wrote. {@code updatedAt} is
 * null (and {@code version} 0) until they first save it.
 */
public record AboutMe(String addressedAs, String whatMatters, String support, String communication,
		@Nullable Instant updatedAt, long version) {

	public static final AboutMe EMPTY = new AboutMe("", "", "", "", null, 0);

	public boolean empty() {
		return updatedAt == null;
	}

}
