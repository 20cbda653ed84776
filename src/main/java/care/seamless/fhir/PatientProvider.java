package care.seamless.fhir;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import care.seamless.person.ListedRecord;
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.shared.Actor;
import care.seamless.person.RecordListing;
import care.seamless.person.RecordListings;
import care.seamless.person.RecordQuery;
import care.seamless.person.Sex;
import care.seamless.shared.NhsNumber;
import care.seamless.shared.PersonId;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Patient;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Patient read and search over the people's records, through {@link RecordListings}: the
 * record page's own decisions, audited per record returned.
 */
@Component
class PatientProvider implements SearchableProvider {

	private static final Set<String> PARAMETERS = Set.of("_id", "identifier", "name", "family", "given", "birthdate",
			"gender", "_lastUpdated");

	private final RecordListings records;

	private final FhirCallers callers;

	private final PatientImports imports;

	private final People people;

	private final List<PatientEverything> everything;

	PatientProvider(RecordListings records, FhirCallers callers, PatientImports imports, People people,
			List<PatientEverything> everything) {
		this.records = records;
		this.everything = everything;
		this.people = people;
		this.callers = callers;
		this.imports = imports;
	}

	@Override
	public Class<Patient> getResourceType() {
		return Patient.class;
	}

	@Override
	public Set<String> searchParameters() {
		return PARAMETERS;
	}

	@Override
	public Set<String> dateParameters() {
		return Set.of("birthdate", "_lastUpdated");
	}

	/**
	 * Registers the Patient through identity matching; the same Patient from the same
	 * system again answers 200 with the record it made before.
	 */
	@Create
	public MethodOutcome create(@ResourceParam Patient patient) {
		PatientImports.Outcome outcome = imports
			.importAll(callers.actor(), List.of(new PatientImports.Incoming(patient, "Patient", null)))
			.get(0);
		MethodOutcome result = new MethodOutcome(new IdType("Patient", outcome.id().id().toString()));
		result.setCreated(outcome.kind() == PatientImports.Kind.CREATED);
		return result;
	}

	/**
	 * Replaces what FHIR says of the person (names, birth date, gender, address, telecom,
	 * language, NHS number), keeping what it does not carry (preferred name,
	 * communication needs, GP practice), if nobody changed the record since the version
	 * the caller names in {@code If-Match} (or {@code meta.versionId}): a stale version
	 * is a 409 and overwrites nothing. The access check and audit are the record page's.
	 */
	@Update
	public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient patient, RequestDetails request) {
		Actor actor = callers.actor();
		PersonId person = personId(id.getIdPart());
		if (patient.getIdElement().hasIdPart() && !id.getIdPart().equals(patient.getIdElement().getIdPart())) {
			throw new FhirFailure(FhirError.INVALID_RESOURCE, "Patient.id",
					"The Patient's id must be the one in the URL");
		}
		long version = version(request.getHeader("If-Match"), patient);
		PersonDetails sent = IncomingPatient.details(patient, "Patient");
		PersonDetails current = records.read(actor, person, "read-fhir").details();
		PersonDetails merged = new PersonDetails(sent.nhsNumber(), sent.title(), sent.givenName(), sent.familyName(),
				current.preferredName(), current.howAddressed(), sent.dateOfBirth(), sent.sex(), current.gender(),
				sent.addressLine1(), sent.addressLine2(), sent.town(), sent.postcode(), sent.phone(), sent.email(),
				sent.language(), current.interpreterNeeded(), current.communicationNeeds(), current.gpPracticeName(),
				current.gpOdsCode());
		long saved = people.update(actor, person, version, merged);
		return new MethodOutcome(new IdType("Patient", person.id().toString(), Long.toString(saved)));
	}

	/** The version the caller read: If-Match (W/"3" or "3"), else meta.versionId. */
	private static long version(@Nullable String ifMatch, Patient patient) {
		String value = ifMatch != null ? ifMatch.trim().replaceFirst("^W/", "").replace("\"", "")
				: patient.getMeta().getVersionId();
		if (value == null || value.isBlank()) {
			throw new FhirFailure(FhirError.VERSION_REQUIRED, "If-Match",
					"Say which version you read, in If-Match (W/\"3\") or meta.versionId, so nobody's change is overwritten");
		}
		if (!value.matches("\\d{1,18}")) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, "If-Match", "The version must be a whole number");
		}
		return Long.parseLong(value);
	}

	/**
	 * The person and everything about them the caller may see, from every
	 * {@link PatientEverything}; refused (403) as the record page would refuse.
	 */
	@Operation(name = "$everything", idempotent = true)
	public Bundle everything(@IdParam IdType id, RequestDetails request) {
		String base = request.getFhirServerBase() + "/";
		Actor actor = callers.actor();
		PersonId person = personId(id.getIdPart());
		Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		bundle.addEntry()
			.setResource(PatientTranslator.toFhir(records.read(actor, person, "read-fhir-everything")))
			.getSearch()
			.setMode(Bundle.SearchEntryMode.MATCH);
		for (PatientEverything part : everything) {
			for (Resource resource : part.everything(actor, person)) {
				bundle.addEntry()
					.setFullUrl(base + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
					.setResource(resource)
					.getSearch()
					.setMode(Bundle.SearchEntryMode.INCLUDE);
			}
		}
		bundle.getEntryFirstRep().setFullUrl(base + "Patient/" + person.id());
		return bundle.setTotal(bundle.getEntry().size());
	}

	/**
	 * Read, and vread of the version kept: only the current version is kept (the row's
	 * {@code version}), so an earlier one is 404 with the version as its location.
	 */
	@Read(version = true)
	public Patient read(@IdParam IdType id) {
		PersonId person = personId(id.getIdPart());
		Patient patient = PatientTranslator.toFhir(records.read(callers.actor(), person, "read-fhir"));
		if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(patient.getMeta().getVersionId())) {
			throw new FhirFailure(FhirError.NOT_FOUND, "_history",
					"Only the current version of a Patient is kept: " + patient.getMeta().getVersionId());
		}
		return patient;
	}

	// The typed parameters describe the search in the CapabilityStatement; the values are
	// read by SearchParameters, which has already checked them.
	@Search(allowUnknownParams = true)
	public IBundleProvider search(RequestDetails request, @OptionalParam(name = "_id") TokenParam idParam,
			@OptionalParam(name = "identifier") TokenParam identifier, @OptionalParam(name = "name") StringParam name,
			@OptionalParam(name = "family") StringParam family, @OptionalParam(name = "given") StringParam given,
			@OptionalParam(name = "birthdate") DateRangeParam birthdate,
			@OptionalParam(name = "gender") TokenParam gender,
			@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
		SearchParameters parameters = SearchParameters.check(request.getParameters(), PARAMETERS);
		RecordQuery query = query(parameters);
		if (query == null) {
			return page(new RecordListing(List.of(), 0), parameters);
		}
		return page(records.list(callers.actor(), query, "read-fhir-search"), parameters);
	}

	/**
	 * The query, or null when the criteria can match nobody (a malformed id or number).
	 */
	private static @Nullable RecordQuery query(SearchParameters p) {
		PersonId id = null;
		String idValue = p.single("_id");
		if (idValue != null) {
			id = parseId(idValue);
			if (id == null) {
				return null;
			}
		}
		String nhs = null;
		String system = null;
		String value = null;
		SearchParameters.Token identifier = p.token("identifier");
		if (identifier != null) {
			if (PatientTranslator.NHS_NUMBER.equals(identifier.system())) {
				nhs = NhsNumber.normalise(identifier.code());
			}
			else if (identifier.system() != null
					&& identifier.system().startsWith(PatientTranslator.LOCAL_IDENTIFIER)) {
				system = java.net.URLDecoder.decode(
						identifier.system().substring(PatientTranslator.LOCAL_IDENTIFIER.length()),
						java.nio.charset.StandardCharsets.UTF_8);
				value = identifier.code();
			}
			else {
				system = identifier.system();
				value = identifier.code();
			}
		}
		SearchParameters.Range born = p.dates("birthdate");
		SearchParameters.Range updated = p.dates("_lastUpdated");
		return new RecordQuery(id, nhs, system, value, p.single("name"), p.single("family"), p.single("given"),
				born.fromDate(), born.beforeDate(), sex(p.token("gender")), updated.from(), updated.before(), p.count(),
				p.offset());
	}

	private static @Nullable Sex sex(SearchParameters.@Nullable Token gender) {
		if (gender == null) {
			return null;
		}
		return switch (gender.code()) {
			case "female" -> Sex.FEMALE;
			case "male" -> Sex.MALE;
			case "other" -> Sex.OTHER;
			case "unknown" -> Sex.UNKNOWN;
			default -> throw new FhirFailure(FhirError.INVALID_PARAMETER, "gender",
					"'gender' is one of male, female, other or unknown");
		};
	}

	static IBundleProvider page(RecordListing listing, SearchParameters parameters) {
		List<Patient> patients = listing.records().stream().map(PatientTranslator::toFhir).toList();
		SimpleBundleProvider bundle = new SimpleBundleProvider(patients);
		bundle.setCurrentPageOffset(parameters.offset());
		bundle.setCurrentPageSize(parameters.count());
		bundle.setSize(listing.total());
		return bundle;
	}

	private static PersonId personId(String id) {
		PersonId person = parseId(id);
		if (person == null) {
			throw new FhirFailure(FhirError.NOT_FOUND, null, "No such resource");
		}
		return person;
	}

	private static @Nullable PersonId parseId(String id) {
		try {
			return id.length() == 36 ? new PersonId(UUID.fromString(id)) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
