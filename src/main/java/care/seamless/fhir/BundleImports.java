package care.seamless.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import care.seamless.audit.AuditLog;
import care.seamless.linkage.NotAuthorisedToImport;
import care.seamless.linkage.PeopleImport;
import care.seamless.shared.Actor;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a partner sends in one go (a transaction bundle, a batch entry, a file): Patients
 * through identity matching first, then their clinical history with its references
 * rewritten to ours, all in one transaction, so it is kept whole or not at all.
 * Administrators only, like every import.
 */
@Service
class BundleImports {

	/** One resource as sent; {@code at} is its FHIRPath in the request. */
	record Entry(Resource resource, String at, @Nullable String fullUrl) {
	}

	enum Kind {

		CREATED, MATCHED, SKIPPED

	}

	/**
	 * What became of an entry: {@code location} is ours ("Type/id"), null when skipped.
	 */
	record Answer(Kind kind, @Nullable String location) {
	}

	/** The answers in the order of the entries, and the entries by resource type. */
	record Result(List<Answer> answers, Map<String, Integer> byType) {

		int count(Kind kind) {
			return (int) answers.stream().filter(a -> a.kind() == kind).count();
		}

	}

	private final PatientImports patients;

	private final ClinicalImports clinical;

	private final PeopleImport peopleImport;

	private final AuditLog auditLog;

	BundleImports(PatientImports patients, ClinicalImports clinical, PeopleImport peopleImport, AuditLog auditLog) {
		this.patients = patients;
		this.clinical = clinical;
		this.peopleImport = peopleImport;
		this.auditLog = auditLog;
	}

	/**
	 * {@link #importAll} for one file of the import command, types we do not keep
	 * skipped. The command writes one file at a time, alone, so its audit entries are
	 * written with their place in the chain at commit (ADR 67) rather than rewritten by
	 * the chainer one by one afterwards.
	 */
	@Transactional(noRollbackFor = NotAuthorisedToImport.class)
	public Result importFile(Actor actor, List<Entry> entries, String file) {
		Result result = importAll(actor, entries, file, true);
		auditLog.chainOnCommit();
		return result;
	}

	/**
	 * Imports the entries; a type we do not keep is skipped when {@code skipOthers},
	 * otherwise refused with its place.
	 */
	@Transactional(noRollbackFor = NotAuthorisedToImport.class)
	public Result importAll(Actor actor, List<Entry> entries, @Nullable String file, boolean skipOthers) {
		if (!PeopleImport.mayImport(actor)) {
			// Audits the refusal and throws.
			peopleImport.importPeople(actor, List.of());
		}
		Answer[] answers = new Answer[entries.size()];
		Map<String, Integer> byType = new TreeMap<>();
		List<Integer> patientAt = new ArrayList<>();
		List<PatientImports.Incoming> people = new ArrayList<>();
		List<Integer> clinicalAt = new ArrayList<>();
		List<ClinicalImports.Incoming> history = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			byType.merge(entry.resource().fhirType(), 1, Integer::sum);
			Optional<ClinicalType> type = ClinicalType.of(entry.resource().fhirType());
			if (entry.resource() instanceof Patient patient) {
				patientAt.add(i);
				people.add(new PatientImports.Incoming(patient, entry.at(), entry.fullUrl()));
			}
			else if (type.isPresent()) {
				clinicalAt.add(i);
				history.add(new ClinicalImports.Incoming(type.get(), entry.resource(), entry.at(), entry.fullUrl()));
			}
			else if (skipOthers) {
				answers[i] = new Answer(Kind.SKIPPED, null);
			}
			else {
				throw new FhirFailure(FhirError.INVALID_RESOURCE, entry.at(), "We take Patient and "
						+ String.join(", ", ClinicalType.names()) + " here, not " + entry.resource().fhirType());
			}
		}
		Map<String, String> references = new HashMap<>();
		if (!people.isEmpty()) {
			List<PatientImports.Outcome> outcomes = patients.importAll(actor, people, file);
			for (int n = 0; n < outcomes.size(); n++) {
				PatientImports.Outcome outcome = outcomes.get(n);
				String ours = "Patient/" + outcome.id().id();
				Entry entry = entries.get(patientAt.get(n));
				if (entry.fullUrl() != null) {
					references.put(entry.fullUrl(), ours);
				}
				if (entry.resource().getIdElement().hasIdPart()) {
					references.put("Patient/" + entry.resource().getIdElement().getIdPart(), ours);
				}
				answers[patientAt.get(n)] = new Answer(
						outcome.kind() == PatientImports.Kind.CREATED ? Kind.CREATED : Kind.MATCHED, ours);
			}
		}
		if (!history.isEmpty()) {
			List<ClinicalImports.Outcome> outcomes = clinical.importAll(actor, history, references, file);
			for (int n = 0; n < outcomes.size(); n++) {
				ClinicalImports.Outcome outcome = outcomes.get(n);
				answers[clinicalAt.get(n)] = new Answer(outcome.created() ? Kind.CREATED : Kind.MATCHED,
						outcome.location());
			}
		}
		return new Result(List.of(answers), byType);
	}

}
