package care.seamless.fhir;

import java.time.LocalDate;
import java.util.Date;

import care.seamless.person.Alert;
import care.seamless.person.RelatedPerson;
import care.seamless.shared.PersonId;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeamView;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a person's record around them as UK Core resources: the people acting for
 * or caring for them (RelatedPerson), their care team with its lead professional
 * (CareTeam), and the alerts on the record (Flag). Only what the record page shows the
 * viewer reaches here.
 */
final class RecordTranslator {

	static final String UK_CORE_RELATED_PERSON = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-RelatedPerson";

	static final String UK_CORE_CARE_TEAM = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-CareTeam";

	static final String UK_CORE_FLAG = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Flag";

	static final String RELATIONSHIP = "https://seamless.care/fhir/CodeSystem/relationship";

	static final String CARE_TEAM_ROLE = "https://seamless.care/fhir/CodeSystem/care-team-role";

	static final String ALERT = "https://seamless.care/fhir/CodeSystem/alert";

	private RecordTranslator() {
	}

	static Reference patient(PersonId person) {
		return new Reference("Patient/" + person.id());
	}

	static org.hl7.fhir.r4.model.RelatedPerson relatedPerson(RelatedPerson related, LocalDate today) {
		org.hl7.fhir.r4.model.RelatedPerson result = new org.hl7.fhir.r4.model.RelatedPerson();
		result.setId(ItemIds.of(related.personId(), related.id()));
		result.getMeta().addProfile(UK_CORE_RELATED_PERSON);
		result.setActive(related.periodEnd() == null || related.periodEnd().isAfter(today));
		result.setPatient(patient(related.personId()));
		String relationship = DirectoryTranslator.label(related.relationship().name());
		result.addRelationship(new CodeableConcept()
			.addCoding(new Coding(RELATIONSHIP, code(related.relationship().name()), relationship))
			.setText(relationship));
		result.addName().setText(related.name());
		if (related.phone() != null) {
			result.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(related.phone());
		}
		if (related.email() != null) {
			result.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(related.email());
		}
		Period period = period(related.periodStart(), related.periodEnd());
		if (period != null) {
			result.setPeriod(period);
		}
		return result;
	}

	/**
	 * The care team as the page shows it: the lead professional first (the one
	 * accountable owner, role {@code lead-professional}), then the other members, then
	 * those whose involvement ended, with the period they were in it.
	 */
	static CareTeam careTeam(CareTeamView view) {
		CareTeam result = new CareTeam();
		result.setId(view.personId().id().toString());
		result.getMeta().addProfile(UK_CORE_CARE_TEAM);
		result.setStatus(view.current().isEmpty() ? CareTeam.CareTeamStatus.INACTIVE : CareTeam.CareTeamStatus.ACTIVE);
		result.setName("Care team");
		result.setSubject(patient(view.personId()));
		view.current().stream().filter(CareTeamMember::lead).forEach(m -> participant(result, m));
		view.current().stream().filter(m -> !m.lead()).forEach(m -> participant(result, m));
		view.ended().forEach(m -> participant(result, m));
		return result;
	}

	private static void participant(CareTeam team, CareTeamMember member) {
		CareTeam.CareTeamParticipantComponent participant = team.addParticipant();
		String role = member.lead() ? "lead-professional" : "member";
		participant.addRole(new CodeableConcept()
			.addCoding(new Coding(CARE_TEAM_ROLE, role, member.lead() ? "Lead professional" : "Member"))
			.setText(member.role()));
		participant.addRole(DirectoryTranslator.profession(member.profession()));
		participant.setMember(DirectoryTranslator.practitionerReference(member.practitionerId().id().toString(),
				member.practitionerName()));
		participant.setOnBehalfOf(new Reference().setDisplay(member.organisationName()));
		participant.setPeriod(period(member.periodStart(), member.periodEnd()));
	}

	static Flag flag(Alert alert) {
		Flag result = new Flag();
		result.setId(ItemIds.of(alert.personId(), alert.id()));
		result.getMeta()
			.setVersionId(Long.toString(alert.version()))
			.setLastUpdated(Date.from(alert.raisedAt()))
			.addProfile(UK_CORE_FLAG);
		result.setStatus(Flag.FlagStatus.ACTIVE);
		String kind = DirectoryTranslator.label(alert.kind().name());
		result.setCode(new CodeableConcept().addCoding(new Coding(ALERT, code(alert.kind().name()), kind))
			.setText(alert.note() == null ? kind : kind + ": " + alert.note()));
		result.setSubject(patient(alert.personId()));
		result.setPeriod(new Period().setStart(Date.from(alert.raisedAt())));
		result.setAuthor(new Reference().setDisplay(alert.raisedByName()));
		return result;
	}

	private static String code(String constant) {
		return constant.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	private static @Nullable Period period(@Nullable LocalDate start, @Nullable LocalDate end) {
		if (start == null && end == null) {
			return null;
		}
		// ISO dates, so the day stays the day whatever the server's time zone.
		Period period = new Period();
		if (start != null) {
			period.setStartElement(new DateTimeType(start.toString()));
		}
		if (end != null) {
			period.setEndElement(new DateTimeType(end.toString()));
		}
		return period;
	}

}
