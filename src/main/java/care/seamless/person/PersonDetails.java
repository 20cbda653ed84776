package care.seamless.person;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** Everything about a person that a practitioner may edit in one go. */
public record PersonDetails(@Nullable String nhsNumber, @Nullable String title, String givenName, String familyName,
		@Nullable String preferredName, @Nullable String howAddressed, LocalDate dateOfBirth, Sex sex,
		@Nullable String gender, @Nullable String addressLine1, @Nullable String addressLine2, @Nullable String town,
		@Nullable String postcode, @Nullable String phone, @Nullable String email, @Nullable String language,
		boolean interpreterNeeded, @Nullable String communicationNeeds, @Nullable String gpPracticeName,
		@Nullable String gpOdsCode) {

	/** Details with no GP practice recorded (importers and older callers know none). */
	public PersonDetails(@Nullable String nhsNumber, @Nullable String title, String givenName, String familyName,
			@Nullable String preferredName, @Nullable String howAddressed, LocalDate dateOfBirth, Sex sex,
			@Nullable String gender, @Nullable String addressLine1, @Nullable String addressLine2,
			@Nullable String town, @Nullable String postcode, @Nullable String phone, @Nullable String email,
			@Nullable String language, boolean interpreterNeeded, @Nullable String communicationNeeds) {
		this(nhsNumber, title, givenName, familyName, preferredName, howAddressed, dateOfBirth, sex, gender,
				addressLine1, addressLine2, town, postcode, phone, email, language, interpreterNeeded,
				communicationNeeds, null, null);
	}

	public String displayName() {
		return givenName + " " + familyName;
	}

}
