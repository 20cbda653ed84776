package care.seamless.person;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;

/**
 * A piece of recorded information about the person, with the category that decides who
 * may see it.
 */
public record Entry(UUID id, DataCategory category, OrganisationId sourceOrganisationId, String author, String title,
		String body, Instant recordedAt) {
}
