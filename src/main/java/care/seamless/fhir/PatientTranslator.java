package care.seamless.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.regex.Pattern;

import care.seamless.person.ListedRecord;
import care.seamless.person.PersonDetails;
import care.seamless.person.PersonIdentifier;
import care.seamless.person.Sex;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * A person's record as a UK Core Patient. What the viewer may not see is not in the
 * resource at all; a resource with details withheld says so in {@code meta.security}.
 */
final class PatientTranslator {

	static final String UK_CORE_PATIENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";

	static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

	static final String VERIFICATION_STATUS = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";

	static final String VERIFICATION_SYSTEM = "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";

	static final String ODS_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";

	/** Where a local identifier's system is a plain name rather than a URI. */
	static final String LOCAL_IDENTIFIER = "https://seamless.care/fhir/identifier/";

	static final String SECURITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

	/** The languages most often recorded here, by name, as BCP 47 codes. */
	private static final java.util.Map<String, String> LANGUAGES = java.util.Map.ofEntries(
			java.util.Map.entry("english", "en"), java.util.Map.entry("welsh", "cy"),
			java.util.Map.entry("polish", "pl"), java.util.Map.entry("urdu", "ur"),
			java.util.Map.entry("punjabi", "pa"), java.util.Map.entry("bengali", "bn"),
			java.util.Map.entry("gujarati", "gu"), java.util.Map.entry("arabic", "ar"),
			java.util.Map.entry("romanian", "ro"), java.util.Map.entry("portuguese", "pt"),
			java.util.Map.entry("spanish", "es"), java.util.Map.entry("french", "fr"),
			java.util.Map.entry("somali", "so"), java.util.Map.entry("lithuanian", "lt"),
			java.util.Map.entry("italian", "it"), java.util.Map.entry("german", "de"));

	private PatientTranslator() {
	}

	static Patient toFhir(ListedRecord record) {
		PersonDetails d = record.details();
		Patient patient = new Patient();
		patient.setId(record.id().id().toString());
		patient.getMeta()
			.setVersionId(Long.toString(record.version()))
			.setLastUpdated(Date.from(record.updatedAt()))
			.addProfile(UK_CORE_PATIENT);
		if (record.detailsWithheld()) {
			patient.getMeta().addSecurity(SECURITY_SYSTEM, "REDACTED", "redacted");
		}
		if (d.nhsNumber() != null) {
			Identifier nhs = patient.addIdentifier().setSystem(NHS_NUMBER).setValue(d.nhsNumber());
			// We check the number's check digit, not that PDS traced it to this person.
			nhs.addExtension(VERIFICATION_STATUS, new CodeableConcept().addCoding(
					new org.hl7.fhir.r4.model.Coding(VERIFICATION_SYSTEM, "02", "Number present but not traced")));
		}
		for (PersonIdentifier identifier : record.identifiers()) {
			patient.addIdentifier().setSystem(identifierSystem(identifier.system())).setValue(identifier.value());
		}
		HumanName official = patient.addName()
			.setUse(HumanName.NameUse.OFFICIAL)
			.setFamily(d.familyName())
			.addGiven(d.givenName());
		if (d.title() != null) {
			official.addPrefix(d.title());
		}
		if (d.preferredName() != null) {
			patient.addName().setUse(HumanName.NameUse.USUAL).addGiven(d.preferredName()).setFamily(d.familyName());
		}
		patient.setGender(gender(d.sex()));
		patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(d.dateOfBirth().getYear(),
				d.dateOfBirth().getMonthValue() - 1, d.dateOfBirth().getDayOfMonth()));
		if (d.addressLine1() != null || d.town() != null || d.postcode() != null) {
			Address address = patient.addAddress().setUse(Address.AddressUse.HOME);
			if (d.addressLine1() != null) {
				address.addLine(d.addressLine1());
			}
			if (d.addressLine2() != null) {
				address.addLine(d.addressLine2());
			}
			address.setCity(d.town()).setPostalCode(d.postcode());
		}
		if (d.phone() != null) {
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(d.phone());
		}
		if (d.email() != null) {
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(d.email());
		}
		String language = d.language() == null ? null
				: LANGUAGES.get(d.language().strip().toLowerCase(java.util.Locale.ROOT));
		if (language != null) {
			// FHIR requires a BCP 47 code; a language we cannot code is left out rather
			// than sent invalid.
			patient.addCommunication()
				.setLanguage(new CodeableConcept().setText(d.language())
					.addCoding(new org.hl7.fhir.r4.model.Coding("urn:ietf:bcp:47", language, null)));
		}
		if (d.gpOdsCode() != null) {
			patient.addGeneralPractitioner(
					new Reference().setIdentifier(new Identifier().setSystem(ODS_CODE).setValue(d.gpOdsCode()))
						.setDisplay(d.gpPracticeName()));
		}
		return patient;
	}

	// Compiled once: String.matches compiles its pattern on every call, and a search
	// translates every identifier of every Patient on the page.
	private static final Pattern URI_SYSTEM = Pattern.compile("^(https?|urn):\\S+$");

	static String identifierSystem(String system) {
		return URI_SYSTEM.matcher(system).matches() ? system
				: LOCAL_IDENTIFIER + URLEncoder.encode(system, StandardCharsets.UTF_8);
	}

	static AdministrativeGender gender(Sex sex) {
		return switch (sex) {
			case FEMALE -> AdministrativeGender.FEMALE;
			case MALE -> AdministrativeGender.MALE;
			case OTHER -> AdministrativeGender.OTHER;
			case UNKNOWN -> AdministrativeGender.UNKNOWN;
		};
	}

}
