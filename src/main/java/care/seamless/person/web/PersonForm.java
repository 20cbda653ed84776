package care.seamless.person.web;

import java.time.LocalDate;

import care.seamless.person.PersonDetails;
import care.seamless.person.Sex;
import care.seamless.shared.CalendarDates;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The person form as typed. The date of birth comes as three boxes (the GOV.UK date
 * pattern) so a malformed date can be named precisely instead of failing type conversion.
 */
record PersonForm(String nhsNumber, String title,
		@NotBlank(message = "{person.givenName.required}") @Size(max = 100) String givenName,
		@NotBlank(message = "{person.familyName.required}") @Size(max = 100) String familyName, String preferredName,
		String howAddressed,
		@Pattern(regexp = "\\s*\\d{0,2}\\s*", message = "{person.dateOfBirth.invalid}") String dobDay,
		@Pattern(regexp = "\\s*\\d{0,2}\\s*", message = "{person.dateOfBirth.invalid}") String dobMonth,
		@Pattern(regexp = "\\s*\\d{0,4}\\s*", message = "{person.dateOfBirth.invalid}") String dobYear,
		@NotNull(message = "{person.sex.required}") Sex sex, String gender, String addressLine1, String addressLine2,
		String town,
		@Pattern(regexp = "^$|^\\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\\s*[0-9][A-Za-z]{2}\\s*$",
				message = "{person.postcode.invalid}") String postcode,
		String phone, @Email(message = "{person.email.invalid}") String email, String language,
		Boolean interpreterNeeded, String communicationNeeds, @Size(max = 200) String gpPracticeName,
		@Pattern(regexp = "^\\s*$|^\\s*[A-Za-z0-9]{3,6}\\s*$", message = "{person.gpOdsCode.invalid}") String gpOdsCode,
		Long version) {

	static PersonForm empty() {
		return new PersonForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, false, null, null, null, 0L);
	}

	static PersonForm of(PersonDetails d, long version) {
		LocalDate dob = d.dateOfBirth();
		return new PersonForm(d.nhsNumber(), d.title(), d.givenName(), d.familyName(), d.preferredName(),
				d.howAddressed(), Integer.toString(dob.getDayOfMonth()), Integer.toString(dob.getMonthValue()),
				Integer.toString(dob.getYear()), d.sex(), d.gender(), d.addressLine1(), d.addressLine2(), d.town(),
				d.postcode(), d.phone(), d.email(), d.language(), d.interpreterNeeded(), d.communicationNeeds(),
				d.gpPracticeName(), d.gpOdsCode(), version);
	}

	/** The date of birth, or null when the three boxes do not make a real date. */
	LocalDate dateOfBirth() {
		return CalendarDates.parse(dobDay, dobMonth, dobYear).filter(date -> date.getYear() >= 1890).orElse(null);
	}

	PersonDetails toDetails() {
		return new PersonDetails(nhsNumber, title, givenName, familyName, preferredName, howAddressed, dateOfBirth(),
				sex, gender, addressLine1, addressLine2, town, postcode == null ? null : postcode.trim(), phone, email,
				language, Boolean.TRUE.equals(interpreterNeeded), communicationNeeds, gpPracticeName,
				gpOdsCode == null ? null : gpOdsCode.strip());
	}

}
