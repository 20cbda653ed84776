package care.seamless.careplan;

import java.time.Instant;
import java.util.UUID;

/** "What matters to me", in the person's own words. */
public record Outcome(UUID id, String words, String recordedBy, Instant recordedAt, long version) {
}
