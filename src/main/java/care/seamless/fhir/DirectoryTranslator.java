package care.seamless.fhir;

import java.util.List;

import care.seamless.shared.Profession;
import care.seamless.team.Organisation;
import care.seamless.team.OrganisationContact;
import care.seamless.team.OrganisationKind;
import care.seamless.team.Practitioner;
import care.seamless.team.Team;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

/**
 * The partnership's directory as UK Core Organization, Practitioner and PractitionerRole:
 * who works where, in which profession. One PractitionerRole per practitioner (their
 * profession at their organisation, with their teams), so its id is the practitioner's.
 */
final class DirectoryTranslator {

	static final String UK_CORE_ORGANIZATION = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization";

	static final String UK_CORE_PRACTITIONER = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner";

	static final String UK_CORE_PRACTITIONER_ROLE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-PractitionerRole";

	static final String PROFESSION = "https://seamless.care/fhir/CodeSystem/profession";

	static final String ORGANISATION_KIND = "https://seamless.care/fhir/CodeSystem/organisation-kind";

	private DirectoryTranslator() {
	}

	static Organization organization(Organisation organisation, @Nullable OrganisationContact contact) {
		Organization result = new Organization();
		result.setId(organisation.id().id().toString());
		result.getMeta().setVersionId(Long.toString(organisation.version())).addProfile(UK_CORE_ORGANIZATION);
		result.addIdentifier().setSystem(PatientTranslator.ODS_CODE).setValue(organisation.code());
		result.setActive(true);
		result.setName(organisation.name());
		result.addType(kind(organisation.kind()));
		if (contact != null && contact.telephone() != null) {
			result.addTelecom()
				.setSystem(ContactPoint.ContactPointSystem.PHONE)
				.setValue(contact.telephone())
				.setUse(ContactPoint.ContactPointUse.WORK);
		}
		if (contact != null && contact.email() != null) {
			result.addTelecom()
				.setSystem(ContactPoint.ContactPointSystem.EMAIL)
				.setValue(contact.email())
				.setUse(ContactPoint.ContactPointUse.WORK);
		}
		return result;
	}

	static org.hl7.fhir.r4.model.Practitioner practitioner(Practitioner practitioner) {
		org.hl7.fhir.r4.model.Practitioner result = new org.hl7.fhir.r4.model.Practitioner();
		result.setId(practitioner.id().id().toString());
		result.getMeta().addProfile(UK_CORE_PRACTITIONER);
		result.setActive(true);
		result.addName()
			.setUse(HumanName.NameUse.OFFICIAL)
			.setFamily(practitioner.familyName())
			.addGiven(practitioner.givenName());
		if (practitioner.email() != null) {
			result.addTelecom()
				.setSystem(ContactPoint.ContactPointSystem.EMAIL)
				.setValue(practitioner.email())
				.setUse(ContactPoint.ContactPointUse.WORK);
		}
		return result;
	}

	static PractitionerRole role(Practitioner practitioner, List<Team> teams) {
		PractitionerRole result = new PractitionerRole();
		result.setId(practitioner.id().id().toString());
		result.getMeta().addProfile(UK_CORE_PRACTITIONER_ROLE);
		result.setActive(true);
		result.setPractitioner(practitionerReference(practitioner.id().id().toString(), practitioner.displayName()));
		result.setOrganization(
				organizationReference(practitioner.organisationId().id().toString(), practitioner.organisationName()));
		result.addCode(profession(practitioner.profession()));
		for (Team team : teams) {
			// A team is not a FHIR resource of ours; its name says where in the
			// organisation the practitioner works.
			result.addSpecialty(new CodeableConcept().setText(team.name()));
		}
		return result;
	}

	static CodeableConcept profession(Profession profession) {
		return new CodeableConcept().addCoding(new Coding(PROFESSION, profession.code(), label(profession.name())))
			.setText(label(profession.name()));
	}

	static CodeableConcept kind(OrganisationKind kind) {
		String code = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		return new CodeableConcept().addCoding(new Coding(ORGANISATION_KIND, code, label(kind.name())))
			.setText(label(kind.name()));
	}

	static Reference practitionerReference(String id, String name) {
		return new Reference("Practitioner/" + id).setDisplay(name);
	}

	static Reference organizationReference(String id, String name) {
		return new Reference("Organization/" + id).setDisplay(name);
	}

	/** NHS_COMMUNITY_TRUST as "Nhs community trust": readable without a lookup table. */
	static String label(String constant) {
		String words = constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
