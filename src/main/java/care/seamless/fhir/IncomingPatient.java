package care.seamless.fhir;

import java.time.DateTimeException;
import java.time.LocalDate;

import care.seamless.person.PersonDetails;
import care.seamless.person.Sex;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.jspecify.annotations.Nullable;

/**
 * A Patient sent to us, read into the details a registration takes. Anything we cannot
 * store faithfully is refused with a FHIRPath to it rather than stored half: no name or
 * birth date, text with control characters, text longer than any real value.
 */
final class IncomingPatient {

	private static final int LONGEST = 200;

	private IncomingPatient() {
	}

	static PersonDetails details(Patient patient, String at) {
		HumanName name = officialName(patient, at);
		String family = text(name.getFamily(), at, ".name.family");
		String given = name.getGiven().isEmpty() ? null : text(name.getGiven().get(0).getValue(), at, ".name.given");
		if (family == null || given == null) {
			throw invalid(at + ".name", "A Patient needs an official (or first) name with a family and a given name");
		}
		String birthDate = patient.hasBirthDateElement() ? patient.getBirthDateElement().getValueAsString() : null;
		if (birthDate == null || birthDate.length() != 10) {
			throw invalid(at + ".birthDate", "A Patient needs a full birth date (year, month and day)");
		}
		LocalDate born = date(birthDate);
		String title = name.getPrefix().isEmpty() ? null : text(name.getPrefix().get(0).getValue(), at, ".name.prefix");
		Address address = patient.getAddress().isEmpty() ? new Address() : patient.getAddressFirstRep();
		String line1 = address.getLine().isEmpty() ? null
				: text(address.getLine().get(0).getValue(), at, ".address.line");
		String line2 = address.getLine().size() < 2 ? null
				: text(address.getLine().get(1).getValue(), at, ".address.line");
		return new PersonDetails(nhsNumber(patient, at), title, given, family, null, null, born, sex(patient), null,
				line1, line2, text(address.getCity(), at, ".address.city"),
				text(address.getPostalCode(), at, ".address.postalCode"),
				telecom(patient, ContactPoint.ContactPointSystem.PHONE, at),
				telecom(patient, ContactPoint.ContactPointSystem.EMAIL, at), language(patient, at), false, null);
	}

	/**
	 * The ten characters of a full birth date as {@link LocalDate#parse} reads them. The
	 * formatter's general parse was about half of reading a Patient (ADR 135); a plain
	 * year, month and day is read by hand, and anything else (a date that does not exist,
	 * a character that is not a digit) still goes to the formatter, which refuses it as
	 * it always did.
	 */
	static LocalDate date(String text) {
		if (text.charAt(4) == '-' && text.charAt(7) == '-') {
			int year = digits(text, 0, 4);
			int month = digits(text, 5, 7);
			int day = digits(text, 8, 10);
			if (year >= 0 && month >= 0 && day >= 0) {
				try {
					return LocalDate.of(year, month, day);
				}
				catch (DateTimeException ex) {
					// Refused below, in the formatter's own words.
				}
			}
		}
		return LocalDate.parse(text);
	}

	// The ASCII digits from start to end as a number, or -1 if any is not one.
	private static int digits(String text, int start, int end) {
		int value = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static HumanName officialName(Patient patient, String at) {
		if (patient.getName().isEmpty()) {
			throw invalid(at + ".name", "A Patient needs a name");
		}
		for (HumanName name : patient.getName()) {
			if (name.getUse() == HumanName.NameUse.OFFICIAL) {
				return name;
			}
		}
		return patient.getNameFirstRep();
	}

	static @Nullable String nhsNumber(Patient patient, String at) {
		for (Identifier identifier : patient.getIdentifier()) {
			if (PatientTranslator.NHS_NUMBER.equals(identifier.getSystem())) {
				return text(identifier.getValue(), at, ".identifier.value");
			}
		}
		return null;
	}

	private static Sex sex(Patient patient) {
		if (patient.getGender() == null) {
			return Sex.UNKNOWN;
		}
		return switch (patient.getGender()) {
			case FEMALE -> Sex.FEMALE;
			case MALE -> Sex.MALE;
			case OTHER -> Sex.OTHER;
			default -> Sex.UNKNOWN;
		};
	}

	private static @Nullable String telecom(Patient patient, ContactPoint.ContactPointSystem system, String at) {
		for (ContactPoint telecom : patient.getTelecom()) {
			if (telecom.getSystem() == system) {
				return text(telecom.getValue(), at, ".telecom.value");
			}
		}
		return null;
	}

	private static @Nullable String language(Patient patient, String at) {
		if (patient.getCommunication().isEmpty()) {
			return null;
		}
		var language = patient.getCommunicationFirstRep().getLanguage();
		String text = language.hasText() ? language.getText() : language.getCodingFirstRep().getDisplay();
		if (text == null) {
			text = language.getCodingFirstRep().getCode();
		}
		return text(text, at, ".communication.language");
	}

	// The FHIRPath of a refusal is made only for a refusal: every Patient read made nine
	// of them that nobody used (ADR 135).
	private static @Nullable String text(@Nullable String value, String at, String element) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > LONGEST || hasControl(value)) {
			throw invalid(at + element, "Text of up to " + LONGEST + " characters without control characters");
		}
		return value.strip();
	}

	private static boolean hasControl(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	static FhirFailure invalid(String at, String message) {
		return new FhirFailure(FhirError.INVALID_RESOURCE, at, message);
	}

}
