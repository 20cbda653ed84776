package care.seamless.fhir;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import care.seamless.fhir.ImportedResourceRepository.SourceKey;
import care.seamless.linkage.ImportProblem;
import care.seamless.linkage.ImportRejected;
import care.seamless.linkage.ImportReport;
import care.seamless.linkage.ImportedPerson;
import care.seamless.linkage.NotAuthorisedToImport;
import care.seamless.linkage.PeopleImport;
import care.seamless.person.PersonDetails;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.hl7.fhir.r4.model.Patient;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients sent by partner systems (create, transaction and batch bundles, files): each
 * goes through identity matching as any import does ({@link PeopleImport}), and its
 * source system and id there are kept, so the same resource sent again is matched to the
 * record it made instead of making another. All or nothing per call.
 */
@Service
class PatientImports {

	enum Kind {

		/** A new record (matching may still link it or queue it for review). */
		CREATED,
		/** Sent before from the same system: nothing new. */
		MATCHED

	}

	/** One Patient to import; {@code at} is its FHIRPath in the request. */
	record Incoming(Patient patient, String at, @Nullable String fullUrl) {
	}

	record Outcome(PersonId id, Kind kind, ImportReport.@Nullable Outcome matching) {
	}

	private final PeopleImport peopleImport;

	private final ImportedResourceRepository repository;

	private final Clock clock;

	private final MessageSource messages;

	PatientImports(PeopleImport peopleImport, ImportedResourceRepository repository, Clock clock,
			MessageSource messages) {
		this.peopleImport = peopleImport;
		this.messages = messages;
		this.repository = repository;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = NotAuthorisedToImport.class)
	public List<Outcome> importAll(Actor actor, List<Incoming> incoming) {
		return importAll(actor, incoming, null);
	}

	/** {@link #importAll(Actor, List)}, remembering the file they were read from. */
	@Transactional(noRollbackFor = NotAuthorisedToImport.class)
	public List<Outcome> importAll(Actor actor, List<Incoming> incoming, @Nullable String file) {
		if (!PeopleImport.mayImport(actor)) {
			// Audits the refusal and throws.
			peopleImport.importPeople(actor, List.of());
		}
		Outcome[] outcomes = new Outcome[incoming.size()];
		List<ImportedPerson> fresh = new ArrayList<>();
		Map<SourceKey, Integer> seen = new HashMap<>();
		List<Integer> repeats = new ArrayList<>();
		List<PersonDetails> details = new ArrayList<>(incoming.size());
		List<@Nullable SourceKey> keys = new ArrayList<>(incoming.size());
		for (Incoming item : incoming) {
			details.add(IncomingPatient.details(item.patient(), item.at()));
			keys.add(key(actor, item));
		}
		// Which were sent before, in one statement for the whole request.
		Map<SourceKey, PersonId> sentBefore = repository
			.findAll(keys.stream().filter(java.util.Objects::nonNull).distinct().toList());
		for (int i = 0; i < incoming.size(); i++) {
			SourceKey key = keys.get(i);
			PersonId known = key == null ? null : sentBefore.get(key);
			if (known != null) {
				outcomes[i] = new Outcome(known, Kind.MATCHED, null);
			}
			else if (key != null && seen.containsKey(key)) {
				repeats.add(i);
			}
			else {
				if (key != null) {
					seen.put(key, i);
				}
				fresh.add(new ImportedPerson(i + 1, details.get(i)));
			}
		}
		if (!fresh.isEmpty()) {
			register(actor, incoming, keys, fresh, outcomes, file);
		}
		for (int i : repeats) {
			outcomes[i] = new Outcome(outcomes[seen.get(keys.get(i))].id(), Kind.MATCHED, null);
		}
		return List.of(outcomes);
	}

	private void register(Actor actor, List<Incoming> incoming, List<@Nullable SourceKey> keys,
			List<ImportedPerson> fresh, Outcome[] outcomes, @Nullable String file) {
		ImportReport report;
		try {
			report = peopleImport.importPeople(actor, fresh);
		}
		catch (ImportRejected ex) {
			ImportProblem problem = ex.problems().get(0);
			String at = incoming.get(problem.line() - 1).at() + element(problem.field());
			throw IncomingPatient.invalid(at, "The Patient cannot be registered: " + problem.reason(messages));
		}
		Map<SourceKey, PersonId> sources = new java.util.LinkedHashMap<>();
		for (ImportReport.Imported person : report.people()) {
			// Each person's line is its index in the request, plus one.
			int i = person.line() - 1;
			outcomes[i] = new Outcome(person.id(), Kind.CREATED, person.outcome());
			SourceKey key = keys.get(i);
			if (key != null) {
				sources.put(key, person.id());
			}
		}
		repository.insertAll(sources, actor.username(), clock.instant(), file);
	}

	private static String element(@Nullable String field) {
		if (field == null) {
			return "";
		}
		return switch (field) {
			case "nhsNumber" -> ".identifier";
			case "dateOfBirth" -> ".birthDate";
			case "givenName" -> ".name.given";
			case "familyName" -> ".name.family";
			case "postcode" -> ".address.postalCode";
			default -> "";
		};
	}

	/**
	 * The sending system ({@code meta.source}, else the caller's organisation or account)
	 * and the resource's id there (its id, else its full URL in the bundle, else its NHS
	 * number); null when the resource says nothing that identifies it again.
	 */
	/**
	 * The system a resource came from: its {@code meta.source}, else the caller's
	 * organisation, else the caller's account.
	 */
	static String sourceSystem(Actor actor, org.hl7.fhir.r4.model.Resource resource) {
		return resource.getMeta().hasSource() ? resource.getMeta().getSource() : actor.organisationCode() != null
				? "organisation:" + actor.organisationCode() : "account:" + actor.username();
	}

	static @Nullable SourceKey key(Actor actor, Incoming item) {
		Patient patient = item.patient();
		String system = sourceSystem(actor, patient);
		String id = patient.getIdElement().hasIdPart() ? patient.getIdElement().getIdPart() : item.fullUrl();
		if (id == null) {
			String nhs = IncomingPatient.nhsNumber(patient, item.at());
			id = nhs == null ? null : "nhs-number:" + nhs;
		}
		return id == null ? null : new SourceKey(system, "Patient", id);
	}

}
