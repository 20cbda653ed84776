package care.seamless.fhir;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A subscription as checked from what the partner sent: the topic, where to POST, extra
 * headers ("Name: value"), the payload ({@code empty} or {@code id-only}), why, and when
 * it ends, and how many seconds of silence ask for a heartbeat (none: no heartbeats).
 */
record NewSubscription(SubscriptionTopic topic, String endpoint, List<String> headers, String payload, String reason,
		@Nullable Instant end, @Nullable Integer heartbeatPeriod) {

	NewSubscription {
		headers = List.copyOf(headers);
	}

}
