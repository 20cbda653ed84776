package care.seamless.fhir;

import java.time.LocalDate;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;

import care.seamless.audit.AuditEntry;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.PersonChoice;
import care.seamless.referral.ReferralStatus;
import care.seamless.referral.ReferralView;
import care.seamless.referral.Urgency;
import care.seamless.shared.PersonId;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * What the record says about sharing and about itself: the person's sharing choices
 * (Consent), referrals (ServiceRequest), who looked at the record (AuditEvent) and where
 * imported history came from (Provenance). Only what the owning module's read shows the
 * viewer reaches here.
 */
final class ShareTranslator {

	static final String UK_CORE_CONSENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Consent";

	static final String UK_CORE_SERVICE_REQUEST = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest";

	static final String UK_CORE_AUDIT_EVENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-AuditEvent";

	static final String UK_CORE_PROVENANCE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Provenance";

	static final String CHOICE = "https://seamless.care/fhir/CodeSystem/sharing-choice";

	static final String DATA_CATEGORY = "https://seamless.care/fhir/CodeSystem/data-category";

	static final String AUDIT_ACTION = "https://seamless.care/fhir/CodeSystem/audit-action";

	static final String PURPOSE = "https://seamless.care/fhir/CodeSystem/purpose";

	private ShareTranslator() {
	}

	/**
	 * A sharing choice: consent permits, dissent and objection deny, for one organisation
	 * (or every organisation) and one kind of information (or all of it).
	 */
	static Consent consent(PersonChoice choice, LocalDate today) {
		Consent result = new Consent();
		result.setId(ItemIds.of(choice.personId(), choice.id()));
		result.getMeta()
			.setVersionId(Long.toString(choice.version()))
			.setLastUpdated(Date.from(choice.withdrawnAt() != null ? choice.withdrawnAt() : choice.recordedAt()))
			.addProfile(UK_CORE_CONSENT);
		result.setStatus(choice.inForce(today) ? Consent.ConsentState.ACTIVE
				: choice.withdrawnAt() == null && choice.effectiveFrom().isAfter(today) ? Consent.ConsentState.PROPOSED
						: Consent.ConsentState.INACTIVE);
		result.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
				"patient-privacy", "Privacy Consent")));
		result.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
		result.setPatient(RecordTranslator.patient(choice.personId()));
		result.setDateTimeElement(new DateTimeType(Date.from(choice.recordedAt())));
		boolean permit = choice.kind() == ChoiceKind.CONSENT;
		String kind = DirectoryTranslator.label(choice.kind().name());
		result.setPolicyRule(new CodeableConcept()
			.addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", permit ? "OPTIN" : "OPTOUT",
					permit ? "opt-in" : "opt-out"))
			.addCoding(new Coding(CHOICE, code(choice.kind().name()), kind))
			.setText(kind + " (" + DirectoryTranslator.label(choice.howGiven().name()).toLowerCase(Locale.ROOT) + ")"));
		var provision = result.getProvision();
		provision.setType(permit ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY);
		Period period = new Period().setStartElement(new DateTimeType(choice.effectiveFrom().toString()));
		if (choice.expiresOn() != null) {
			period.setEndElement(new DateTimeType(choice.expiresOn().toString()));
		}
		provision.setPeriod(period);
		if (choice.organisationId() != null) {
			provision.addActor()
				.setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
						"IRCP", "information recipient")))
				.setReference(DirectoryTranslator.organizationReference(choice.organisationId().id().toString(),
						String.valueOf(choice.organisationName())));
		}
		if (choice.category() != null) {
			provision.addCode(new CodeableConcept(new Coding(DATA_CATEGORY, code(choice.category().name()),
					DirectoryTranslator.label(choice.category().name()))));
		}
		return result;
	}

	/** A referral as its sender or its receiving team sees it. */
	static ServiceRequest serviceRequest(ReferralView referral) {
		ServiceRequest result = new ServiceRequest();
		result.setId(ItemIds.of(referral.personId(), referral.id().id()));
		result.getMeta().setVersionId(Long.toString(referral.version())).addProfile(UK_CORE_SERVICE_REQUEST);
		result.setStatus(status(referral.status()));
		result.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		result.setPriority(referral.urgency() == Urgency.URGENT ? ServiceRequest.ServiceRequestPriority.URGENT
				: ServiceRequest.ServiceRequestPriority.ROUTINE);
		result.setCode(new CodeableConcept().setText("Referral"));
		result.setSubject(RecordTranslator.patient(referral.personId()));
		result.setAuthoredOn(Date.from(referral.sentAt() != null ? referral.sentAt() : referral.createdAt()));
		result.setRequester(new Reference().setDisplay(referral.referrerName() + " (" + referral.fromTeamName() + ")"));
		result.addPerformer(new Reference().setDisplay(referral.holderName()));
		result.addReasonCode(new CodeableConcept().setText(referral.reasonTerm()));
		if (!referral.reasonText().isBlank()) {
			result.addNote().setText(referral.reasonText());
		}
		return result;
	}

	static ServiceRequest.ServiceRequestStatus status(ReferralStatus status) {
		return switch (status) {
			case DRAFT -> ServiceRequest.ServiceRequestStatus.DRAFT;
			case SENT, ACKNOWLEDGED, ACCEPTED -> ServiceRequest.ServiceRequestStatus.ACTIVE;
			case DECLINED, WITHDRAWN -> ServiceRequest.ServiceRequestStatus.REVOKED;
			case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
		};
	}

	/**
	 * One entry of the record's audit log: who did what, when, for what purpose, and
	 * whether it was allowed. The id carries the entry's id in the log.
	 */
	static AuditEvent auditEvent(PersonId person, AuditEntry entry) {
		AuditEvent result = new AuditEvent();
		result.setId(ItemIds.of(person, new UUID(0, entry.id())));
		result.getMeta().addProfile(UK_CORE_AUDIT_EVENT);
		result
			.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "Restful Operation"));
		result.addSubtype(new Coding(AUDIT_ACTION, entry.action(), entry.action()));
		result.setAction(action(entry.action()));
		result.setRecorded(Date.from(entry.occurredAt()));
		boolean permitted = "PERMITTED".equals(entry.outcome());
		result.setOutcome(permitted ? AuditEvent.AuditEventOutcome._0 : AuditEvent.AuditEventOutcome._4);
		if (!permitted && entry.reason() != null) {
			result.setOutcomeDesc(entry.reason());
		}
		result.addPurposeOfEvent(new CodeableConcept(
				new Coding(PURPOSE, code(entry.purpose()), DirectoryTranslator.label(entry.purpose()))));
		AuditEvent.AuditEventAgentComponent agent = result.addAgent();
		agent.setRequestor(true);
		agent.setWho(new Reference().setDisplay(entry.account()));
		agent.addRole(new CodeableConcept().setText(DirectoryTranslator.label(entry.role())));
		if (entry.override()) {
			agent.addPolicy("https://seamless.care/fhir/policy/break-glass");
		}
		result.getSource()
			.setSite(entry.organisationCode())
			.setObserver(new Reference().setDisplay("Seamless shared care record"));
		result.addEntity()
			.setWhat(RecordTranslator.patient(person))
			.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"))
			.setDescription(entry.recordType());
		return result;
	}

	private static AuditEvent.AuditEventAction action(String action) {
		if (action.startsWith("read") || action.startsWith("export") || action.startsWith("view")) {
			return AuditEvent.AuditEventAction.R;
		}
		if (action.startsWith("create") || action.startsWith("register") || action.startsWith("import")
				|| action.startsWith("add")) {
			return AuditEvent.AuditEventAction.C;
		}
		if (action.startsWith("delete") || action.startsWith("remove")) {
			return AuditEvent.AuditEventAction.D;
		}
		return AuditEvent.AuditEventAction.U;
	}

	/**
	 * Where one imported resource came from: the partner system and its id there, the
	 * file it was read from, who imported it and when.
	 */
	static Provenance provenance(ClinicalRepository.Origin origin) {
		PersonId person = new PersonId(origin.person());
		Provenance result = new Provenance();
		result.setId(ItemIds.of(person, origin.id()));
		result.getMeta().addProfile(UK_CORE_PROVENANCE);
		result.addTarget(new Reference(origin.type() + "/" + origin.id()));
		result.setRecorded(Date.from(origin.importedAt()));
		result.setActivity(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "CREATE", "create")));
		result.addAgent()
			.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/provenance-participant-type",
					"enterer", "Enterer")))
			.setWho(new Reference().setDisplay(origin.importedBy()));
		result.addAgent()
			.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/provenance-participant-type",
					"author", "Author")))
			.setWho(new Reference().setDisplay(origin.system()));
		// The partner's system name is free text, not always a URI, so it is named, not
		// used as an identifier system.
		String what = origin.type() + "/" + origin.sourceId() + " from " + origin.system()
				+ (origin.file() == null ? "" : " in " + origin.file());
		result.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE).setWhat(new Reference().setDisplay(what));
		return result;
	}

	private static String code(String constant) {
		return constant.toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
