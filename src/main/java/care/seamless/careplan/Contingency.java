package care.seamless.careplan;

import java.time.Instant;

/** What to do in a crisis and who to call out of hours. */
public record Contingency(String inACrisis, String outOfHoursContact, String updatedBy, Instant updatedAt,
		long version) {
}
