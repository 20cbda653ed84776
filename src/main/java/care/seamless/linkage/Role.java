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

	ID("rec_id", "unique_id", "id", "record_id", "person_id", "patient_id", "client_id", "reference"),
	GIVEN_NAME("given_name", "first_name", "forename", "forenames", "firstname", "givenname", "given_names",
			"first_names", "christian_name", "first"),
	FAMILY_NAME("surname", "family_name", "last_name", "lastname", "familyname", "last"),
	/**
	 * A whole name in one column ("Anne Smith" or "Smith, Anne"), split into given and
	 * family name when the file has no separate name columns.
	 */
	FULL_NAME("full_name", "fullname", "name", "patient_name", "person_name", "client_name"),
	DATE_OF_BIRTH("date_of_birth", "dob", "birth_date", "birthdate", "born", "birth_day"),
	POSTCODE("postcode", "post_code", "postal_code", "zip", "zip_code", "zipcode", "pcode"),
	STREET_NUMBER("street_number", "house_number", "house_no", "house_name", "flat"),
	ADDRESS_1("address_1", "address1", "address_line_1", "address", "addr1", "address_line1", "street",
			"street_address", "address_street"),
	ADDRESS_2("address_2", "address2", "address_line_2", "addr2", "address_line2", "address_3", "address3",
			"address_line_3"),
	LOCALITY("suburb", "city", "town", "locality", "town_city", "town_or_city", "post_town", "village"),
	BIRTH_PLACE("birth_place", "place_of_birth", "birthplace", "pob", "town_of_birth", "country_of_birth"),
	EMAIL("email", "email_address", "e_mail"),
	PHONE("phone", "phone_number", "telephone", "mobile", "tel", "telephone_number", "mobile_number", "home_phone"),
	SEX("sex", "gender", "sex_at_birth", "birth_sex"), NHS_NUMBER("nhs_number", "nhs_no", "nhsno", "nhs"),
	SOC_SEC_ID("soc_sec_id", "ssn", "national_id", "ni_number", "national_insurance_number");

	private final List<String> aliases;

	Role(String... aliases) {
		this.aliases = List.of(aliases).stream().map(Role::normalise).toList();
	}

	/**
	 * The role a header names, comparing letters and digits only, so that "First Name",
	 * "first_name", "FIRST-NAME" and "D.O.B." are recognised alike.
	 */
	public static Optional<Role> forHeader(String header) {
		String wanted = normalise(header);
		for (Role role : values()) {
			if (role.aliases.contains(wanted)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	public static Role named(String name) {
		String wanted = normalise(name);
		for (Role role : values()) {
			if (normalise(role.name()).equals(wanted) || role.aliases.contains(wanted)) {
				return role;
			}
		}
		throw new IllegalArgumentException("Unknown column role: " + name);
	}

	static String normalise(String header) {
		StringBuilder out = new StringBuilder(header.length());
		for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				out.append(c);
			}
		}
		return out.toString();
	}

}
