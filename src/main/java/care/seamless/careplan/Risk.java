package care.seamless.careplan;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.DataCategory;

/**
 * A risk the person chooses to take (risk enablement): the risk, the person's choice in
 * their words, and how the team helps keep it safe enough.
 */
public record Risk(UUID id, String description, String personsChoice, String howWeReduceIt, DataCategory category,
		String recordedBy, Instant recordedAt) {
}
