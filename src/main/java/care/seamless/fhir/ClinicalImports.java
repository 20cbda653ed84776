package care.seamless.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Keeps the clinical history partners send, read-only: each resource once per source
 * system and its id there (sent again, it is matched to what was kept, and nothing
 * changes), with references to resources of the same bundle, or sent before, rewritten to
 * our ids, and the Patient it is about resolved to our person. Runs inside the caller's
 * transaction ({@link BundleImports}), so a bundle is kept whole or not at all.
 */
@Service
class ClinicalImports {

	/** The most a single resource may weigh, as JSON. */
	static final int MAX_JSON = 1_000_000;

	/** One resource to keep; {@code at} is its FHIRPath in the request. */
	record Incoming(ClinicalType type, Resource resource, String at, @Nullable String fullUrl) {
	}

	record Outcome(String location, boolean created) {
	}

	private final ClinicalRepository repository;

	private final AuditLog auditLog;

	private final Clock clock;

	private final FhirContext context = FhirContext.forR4Cached();

	ClinicalImports(ClinicalRepository repository, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Keeps what is new and matches what was kept before. {@code references} maps a
	 * reference as sent (full URL, or "Type/id there") to ours; it gains this call's.
	 */
	List<Outcome> importAll(Actor actor, List<Incoming> incoming, Map<String, String> references,
			@Nullable String file) {
		Instant now = clock.instant();
		List<String> systems = new ArrayList<>();
		List<String> sourceIds = new ArrayList<>();
		Map<String, List<String>> typesBySystem = new HashMap<>();
		Map<String, List<String>> idsBySystem = new HashMap<>();
		for (Incoming item : incoming) {
			String system = PatientImports.sourceSystem(actor, item.resource());
			String sourceId = sourceId(item);
			systems.add(system);
			sourceIds.add(sourceId);
			typesBySystem.computeIfAbsent(system, s -> new ArrayList<>()).add(item.type().resourceType());
			idsBySystem.computeIfAbsent(system, s -> new ArrayList<>()).add(sourceId);
		}
		Map<String, Map<String, UUID>> known = new HashMap<>();
		idsBySystem
			.forEach((system, ids) -> known.put(system, repository.known(system, typesBySystem.get(system), ids)));

		UUID[] ids = new UUID[incoming.size()];
		boolean[] fresh = new boolean[incoming.size()];
		for (int i = 0; i < incoming.size(); i++) {
			Incoming item = incoming.get(i);
			String type = item.type().resourceType();
			String key = type + "/" + sourceIds.get(i);
			Map<String, UUID> ofSystem = known.get(systems.get(i));
			UUID id = ofSystem.get(key);
			if (id == null) {
				id = UUID.randomUUID();
				fresh[i] = true;
				// A second copy in the same request is the same resource.
				ofSystem.put(key, id);
			}
			ids[i] = id;
			references.put(key, type + "/" + id);
			if (item.fullUrl() != null) {
				references.put(item.fullUrl(), type + "/" + id);
			}
		}
		// Checked once per call, not once per resource: a bundle is mostly one person's.
		People people = new People();
		List<Integer> rowAt = new ArrayList<>();
		List<ClinicalRepository.NewRow> rows = new ArrayList<>();
		for (int i = 0; i < incoming.size(); i++) {
			if (fresh[i]) {
				rowAt.add(i);
				rows.add(row(actor, incoming.get(i), ids[i], systems.get(i), sourceIds.get(i), references, people, file,
						now));
			}
		}
		boolean[] written = repository.insertAll(rows);
		boolean[] created = new boolean[incoming.size()];
		for (int n = 0; n < rows.size(); n++) {
			if (written[n]) {
				ClinicalRepository.NewRow row = rows.get(n);
				created[rowAt.get(n)] = true;
				auditLog.record(
						AuditEvent.permitted(actor, "import-fhir", row.type(), row.id(), new PersonId(row.person())));
			}
		}
		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < incoming.size(); i++) {
			outcomes.add(new Outcome(incoming.get(i).type().resourceType() + "/" + ids[i], created[i]));
		}
		return outcomes;
	}

	/** The people of ours this call has found (or not), by our id and by the id there. */
	private final class People {

		private final Map<UUID, Boolean> ours = new HashMap<>();

		private final Map<List<String>, Optional<UUID>> sentBefore = new HashMap<>();

		boolean exists(UUID id) {
			return ours.computeIfAbsent(id, key -> repository.existingPeople(List.of(key)).contains(key));
		}

		@Nullable UUID sentBefore(String system, String sourceId) {
			return sentBefore
				.computeIfAbsent(List.of(system, sourceId), key -> repository.patientFrom(system, sourceId))
				.orElse(null);
		}

	}

	private ClinicalRepository.NewRow row(Actor actor, Incoming item, UUID id, String system, String sourceId,
			Map<String, String> references, People people, @Nullable String file, Instant now) {
		Resource resource = item.resource();
		FhirTerser terser = context.newTerser();
		for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
			String ours = reference.hasReference() ? references.get(reference.getReference()) : null;
			if (ours != null) {
				reference.setReference(ours);
			}
		}
		UUID person = person(item, system, people);
		resource.setId(new IdType(item.type().resourceType(), id.toString()));
		resource.getMeta().setVersionId("1").setLastUpdated(java.util.Date.from(now));
		if (!resource.getMeta().hasSource()) {
			resource.getMeta().setSource(system);
		}
		String json = context.newJsonParser().encodeResourceToString(resource);
		if (json.length() > MAX_JSON) {
			throw new FhirFailure(FhirError.INVALID_RESOURCE, item.at(),
					"The resource is larger than we keep (" + MAX_JSON + " characters of JSON)");
		}
		if (json.contains("\\u0000")) {
			throw new FhirFailure(FhirError.INVALID_RESOURCE, item.at(), "The resource contains a NUL character");
		}
		return new ClinicalRepository.NewRow(id, item.type().resourceType(), person, category(resource).name(),
				actor.organisationId() == null ? null : actor.organisationId().id(), system, sourceId, file,
				actor.username(), now, tokens(terser, resource, item.type().codePath()),
				item.type().categoryPath() == null ? List.of() : tokens(terser, resource, item.type().categoryPath()),
				json);
	}

	/**
	 * Our person the resource is about: a Patient of the same bundle, one the same system
	 * sent before, or one of ours named by our id.
	 */
	private UUID person(Incoming item, String system, People people) {
		String element = item.type().personElement();
		String at = item.at() + "." + element;
		List<Reference> subject = context.newTerser()
			.getValues(item.resource(), item.type().resourceType() + "." + element, Reference.class);
		if (subject.isEmpty() || !subject.get(0).hasReference()) {
			throw new FhirFailure(FhirError.INVALID_RESOURCE, at,
					"The " + item.type().resourceType() + " must refer to its Patient");
		}
		Reference reference = subject.get(0);
		IdType target = new IdType(reference.getReference());
		if (!"Patient".equals(target.getResourceType()) || !target.hasIdPart()) {
			throw new FhirFailure(FhirError.INVALID_RESOURCE, at, "The reference must be to a Patient");
		}
		UUID person = ours(target.getIdPart());
		if (person == null || !people.exists(person)) {
			person = people.sentBefore(system, target.getIdPart());
		}
		if (person == null) {
			throw new FhirFailure(FhirError.INVALID_RESOURCE, at,
					"The Patient must be in the same bundle, sent before from the same system, or one of ours");
		}
		reference.setReference("Patient/" + person);
		return person;
	}

	private static @Nullable UUID ours(String id) {
		try {
			return id.length() == 36 ? UUID.fromString(id) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The resource's id at its source: its id, else its full URL in the bundle, else a
	 * digest of its content (so even a resource without an id is kept once).
	 */
	private String sourceId(Incoming item) {
		if (item.resource().getIdElement().hasIdPart()) {
			return item.resource().getIdElement().getIdPart();
		}
		if (item.fullUrl() != null) {
			return item.fullUrl();
		}
		String json = context.newJsonParser().encodeResourceToString(item.resource());
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** "system|code" and the bare code of each coding (or code) at {@code path}. */
	private static List<String> tokens(FhirTerser terser, Resource resource, String path) {
		Set<String> tokens = new LinkedHashSet<>();
		for (IBase value : terser.getValues(resource, path)) {
			if (value instanceof Coding coding && coding.hasCode()) {
				tokens.add(coding.getCode());
				if (coding.hasSystem()) {
					tokens.add(coding.getSystem() + "|" + coding.getCode());
				}
			}
			else if (value instanceof IPrimitiveType<?> code && code.getValueAsString() != null) {
				tokens.add(code.getValueAsString());
			}
		}
		return List.copyOf(tokens);
	}

	/**
	 * The kind of information, from the sender's security labels (HL7 v3 ActCode): what
	 * needs explicit consent to cross organisations stays labelled so here.
	 */
	static DataCategory category(Resource resource) {
		for (Coding label : resource.getMeta().getSecurity()) {
			DataCategory category = switch (label.getCode() == null ? "" : label.getCode()) {
				case "PSY", "PSYTHPN" -> DataCategory.MENTAL_HEALTH;
				case "ETH", "SUD" -> DataCategory.SUBSTANCE_MISUSE;
				case "HIV" -> DataCategory.HIV;
				case "SEX", "STD" -> DataCategory.SEXUAL_HEALTH;
				case "SDV" -> DataCategory.SAFEGUARDING;
				default -> null;
			};
			if (category != null) {
				return category;
			}
		}
		return DataCategory.GENERAL;
	}

}
