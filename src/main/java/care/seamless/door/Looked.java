package care.seamless.door;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One look at the person's record, in plain words: when, who and from which organisation,
 * what they did (an audit action), why (a purpose), and whether it was allowed.
 */
public record Looked(long seq, Instant at, String who, @Nullable String organisation, String action, String purpose,
		boolean allowed, boolean byYou) {
}
