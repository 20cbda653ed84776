package care.seamless.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One account's entries of one kind within one clock hour (UTC), when they were many. */
public record BusyHour(String account, @Nullable String organisationCode, Instant hourStarting, long entries) {
}
