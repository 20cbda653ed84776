package care.seamless.linkage;

import java.time.LocalDate;

import care.seamless.shared.PersonId;

import org.jspecify.annotations.Nullable;

/**
 * The minimal demographics a reviewer compares side by side, never the record itself.
 */
public record Demographics(PersonId id, String givenName, String familyName, LocalDate dateOfBirth, String sex,
		@Nullable String nhsNumber, @Nullable String postcode, @Nullable String address, @Nullable String town,
		@Nullable String organisation) {

	public String name() {
		return givenName + " " + familyName;
	}

}
