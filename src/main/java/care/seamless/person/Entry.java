package care.seamless.person;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;

/**
 * A piece of recorded information about the person, with the category that decides who
 * may see it. {@code personId} is the record it was written in, which for a person with
 * linked records may be another record than the one being viewed.
 */
public record Entry(UUID id, DataCategory category, OrganisationId sourceOrganisationId, String author, String title,
		String body, Instant recordedAt, PersonId personId) {
}
