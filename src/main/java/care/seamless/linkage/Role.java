package care.seamless.linkage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a column means to the matcher. Only columns whose header is one of the known
 * aliases (or that the user maps explicitly) are read; anything else is ignored rather
 * than guessed at.
 */
public enum Role {

	ID("rec_id", "unique_id", "id", "record_id"),
	GIVEN_NAME("given_name", "first_name", "forename", "firstname", "givenname"),
	FAMILY_NAME("surname", "family_name", "last_name", "lastname", "familyname"),
	DATE_OF_BIRTH("date_of_birth", "dob", "birth_date", "birthdate"),
	POSTCODE("postcode", "post_code", "postal_code", "zip"), STREET_NUMBER("street_number", "house_number"),
	ADDRESS_1("address_1", "address1", "address_line_1", "address"),
	ADDRESS_2("address_2", "address2", "address_line_2"), LOCALITY("suburb", "city", "town", "locality"),
	EMAIL("email", "email_address"), PHONE("phone", "phone_number", "telephone", "mobile"), SEX("sex", "gender"),
	NHS_NUMBER("nhs_number", "nhs_no"), SOC_SEC_ID("soc_sec_id", "ssn", "national_id");

	private final List<String> aliases;

	Role(String... aliases) {
		this.aliases = List.of(aliases);
	}

	public static Optional<Role> forHeader(String header) {
		String wanted = header.trim().toLowerCase(Locale.ROOT);
		for (Role role : values()) {
			if (role.aliases.contains(wanted)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	public static Role named(String name) {
		String wanted = name.trim().toLowerCase(Locale.ROOT);
		for (Role role : values()) {
			if (role.name().toLowerCase(Locale.ROOT).equals(wanted) || role.aliases.contains(wanted)) {
				return role;
			}
		}
		throw new IllegalArgumentException("Unknown column role: " + name);
	}

}
