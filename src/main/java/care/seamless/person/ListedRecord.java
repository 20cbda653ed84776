package care.seamless.person;

import java.time.Instant;
import java.util.List;

import care.seamless.shared.PersonId;

/**
 * One record as a listing shows it to a viewer who may open it. When the record's details
 * are withheld from the viewer ({@code detailsWithheld}), {@code details} holds only what
 * identifies the person, as the record page shows, and no identifiers.
 */
public record ListedRecord(PersonId id, PersonDetails details, boolean detailsWithheld,
		List<PersonIdentifier> identifiers, boolean restricted, long version, Instant updatedAt) {
}
