package care.seamless.person;

import java.time.LocalDate;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * Just enough to tell people apart in search results: never the record. The postcode is
 * cut to its outward part and withheld entirely for restricted (S-flagged) people.
 * {@code linked}: the record is linked with other records of the same person, which a
 * caseload shows once.
 */
public record PersonSummary(PersonId id, String givenName, String familyName, LocalDate dateOfBirth,
		@Nullable String nhsNumber, @Nullable String partialPostcode, boolean inCareTeam, boolean linked) {
}
