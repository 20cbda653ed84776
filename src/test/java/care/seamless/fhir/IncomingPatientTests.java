package care.seamless.fhir;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;

import care.seamless.person.PersonDetails;
import care.seamless.person.Sex;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Reading a Patient sent to us, which every create and every entry of a bundle pays (ADR
 * 135): the same details and refusals as {@link LocalDate#parse} and the FHIRPaths made
 * up front gave, without making what only a refusal needs.
 */
class IncomingPatientTests {

	@Test
	void everyBirthDateIsReadAsTheFormatterReadsIt() {
		for (LocalDate day = LocalDate.of(1800, 1, 1); day.isBefore(LocalDate.of(2101, 1, 1)); day = day.plusDays(1)) {
			assertThat(IncomingPatient.date(day.toString())).isEqualTo(day);
		}
		assertThat(IncomingPatient.date("0000-01-01")).isEqualTo(LocalDate.parse("0000-01-01"));
		assertThat(IncomingPatient.date("9999-12-31")).isEqualTo(LocalDate.parse("9999-12-31"));
		for (String wrong : List.of("1950-02-30", "1951-02-29", "1950-13-01", "1950-00-10", "1950-01-00", "195a-01-01",
				"1950/01/01", "+950-01-01", "1950-1-011", "１９５０-01-01", "1950-01-3 ")) {
			Throwable expected = catchThrowable(() -> LocalDate.parse(wrong));
			assertThat(expected).as(wrong).isNotNull();
			assertThatThrownBy(() -> IncomingPatient.date(wrong)).as(wrong)
				.isInstanceOf(expected.getClass())
				.hasMessage(expected.getMessage());
		}
	}

	@Test
	void aPatientIsReadAsBeforeAndItsRefusalsNameTheirElements() {
		PersonDetails details = IncomingPatient.details(patient(), "Bundle.entry[3].resource");
		assertThat(details.givenName()).isEqualTo("Ann");
		assertThat(details.familyName()).isEqualTo("Smith");
		assertThat(details.title()).isEqualTo("Mrs");
		assertThat(details.dateOfBirth()).isEqualTo(LocalDate.of(1950, 3, 4));
		assertThat(details.sex()).isEqualTo(Sex.FEMALE);
		assertThat(details.addressLine1()).isEqualTo("1 High Street");
		assertThat(details.postcode()).isEqualTo("LS1 4AP");
		assertThat(details.phone()).isEqualTo("0113 496 0000");
		assertThat(details.email()).isEqualTo("ann@example.org");

		Patient control = patient();
		control.getTelecom().get(1).setValue("ann\u0007@example.org");
		assertThat(refusal(control)).isEqualTo("Bundle.entry[3].resource.telecom.value");
		Patient longCity = patient();
		longCity.getAddressFirstRep().setCity("L".repeat(201));
		assertThat(refusal(longCity)).isEqualTo("Bundle.entry[3].resource.address.city");
		Patient noDay = patient();
		noDay.getBirthDateElement().setValueAsString("1950-03");
		assertThat(refusal(noDay)).isEqualTo("Bundle.entry[3].resource.birthDate");
	}

	/**
	 * What reading a Patient makes, counted by the JVM: with a FHIRPath made for every
	 * element and the formatter's parse of the birth date it was over 1,500 bytes a
	 * Patient; without them, the details and their few parts.
	 */
	@Test
	void readingAPatientMakesNothingOnlyARefusalNeeds() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		Patient patient = patient();
		for (int i = 0; i < 20_000; i++) {
			IncomingPatient.details(patient, "Bundle.entry[3].resource");
		}
		long before = threads.getCurrentThreadAllocatedBytes();
		int reads = 10_000;
		for (int i = 0; i < reads; i++) {
			IncomingPatient.details(patient, "Bundle.entry[3].resource");
		}
		long perRead = (threads.getCurrentThreadAllocatedBytes() - before) / reads;
		assertThat(perRead).as("bytes allocated a read").isLessThan(LIMIT);
	}

	private static final long LIMIT = 800;

	private static String refusal(Patient patient) {
		Throwable failure = catchThrowable(() -> IncomingPatient.details(patient, "Bundle.entry[3].resource"));
		assertThat(failure).isInstanceOf(FhirFailure.class);
		return ((FhirFailure) failure).expression();
	}

	private static Patient patient() {
		Patient patient = new Patient();
		patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Smith").addGiven("Ann").addPrefix("Mrs");
		patient.setGender(Enumerations.AdministrativeGender.FEMALE);
		patient.getBirthDateElement().setValueAsString("1950-03-04");
		patient.addAddress().addLine("1 High Street").setCity("Leeds").setPostalCode("LS1 4AP");
		patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("0113 496 0000");
		patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("ann@example.org");
		return patient;
	}

}
