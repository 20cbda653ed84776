package care.seamless.fhir;

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
		String family = text(name.getFamily(), at + ".name.family");
		String given = name.getGiven().isEmpty() ? null : text(name.getGiven().get(0).getValue(), at + ".name.given");
		if (family == null || given == null) {
			throw invalid(at + ".name", "A Patient needs an official (or first) name with a family and a given name");
		}
		if (!patient.hasBirthDateElement() || patient.getBirthDateElement().getValueAsString() == null
				|| patient.getBirthDateElement().getValueAsString().length() != 10) {
			throw invalid(at + ".birthDate", "A Patient needs a full birth date (year, month and day)");
		}
		LocalDate born = LocalDate.parse(patient.getBirthDateElement().getValueAsString());
		String title = name.getPrefix().isEmpty() ? null
				: text(name.getPrefix().get(0).getValue(), at + ".name.prefix");
		Address address = patient.getAddress().isEmpty() ? new Address() : patient.getAddressFirstRep();
		String line1 = address.getLine().isEmpty() ? null
				: text(address.getLine().get(0).getValue(), at + ".address.line");
		String line2 = address.getLine().size() < 2 ? null
				: text(address.getLine().get(1).getValue(), at + ".address.line");
		return new PersonDetails(nhsNumber(patient, at), title, given, family, null, null, born, sex(patient), null,
				line1, line2, text(address.getCity(), at + ".address.city"),
				text(address.getPostalCode(), at + ".address.postalCode"),
				telecom(patient, ContactPoint.ContactPointSystem.PHONE, at),
				telecom(patient, ContactPoint.ContactPointSystem.EMAIL, at), language(patient, at), false, null);
	}

	private static HumanName officialName(Patient patient, String at) {
		if (patient.getName().isEmpty()) {
			throw invalid(at + ".name", "A Patient needs a name");
		}
		return patient.getName()
			.stream()
			.filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
			.findFirst()
			.orElse(patient.getNameFirstRep());
	}

	static @Nullable String nhsNumber(Patient patient, String at) {
		for (Identifier identifier : patient.getIdentifier()) {
			if (PatientTranslator.NHS_NUMBER.equals(identifier.getSystem())) {
				return text(identifier.getValue(), at + ".identifier.value");
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
		return patient.getTelecom()
			.stream()
			.filter(t -> t.getSystem() == system)
			.findFirst()
			.map(t -> text(t.getValue(), at + ".telecom.value"))
			.orElse(null);
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
		return text(text, at + ".communication.language");
	}

	private static @Nullable String text(@Nullable String value, String at) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > LONGEST || value.chars().anyMatch(Character::isISOControl)) {
			throw invalid(at, "Text of up to " + LONGEST + " characters without control characters");
		}
		return value.strip();
	}

	static FhirFailure invalid(String at, String message) {
		return new FhirFailure(FhirError.INVALID_RESOURCE, at, message);
	}

}
