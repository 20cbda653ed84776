package care.seamless.person;

import java.time.LocalDate;

import care.seamless.shared.PersonId;

import org.jspecify.annotations.Nullable;

/**
 * "This person may already be known to {organisation} as {name}, born {dateOfBirth}": the
 * least a registering practitioner needs to avoid a duplicate, never the record.
 */
public record KnownElsewhere(PersonId person, String name, LocalDate dateOfBirth, @Nullable String organisation,
		double probability) {

}
