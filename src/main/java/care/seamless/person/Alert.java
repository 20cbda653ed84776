package care.seamless.person;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** A current alert on a record, with who raised it and when. */
public record Alert(UUID id, PersonId personId, AlertKind kind, DataCategory category,
		OrganisationId sourceOrganisationId, @Nullable String note, String raisedByName, Instant raisedAt,
		long version) {
}
