package care.seamless.fhir;

import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Read and search of one type of clinical history ({@link ClinicalProviders} has one per
 * type, each declaring its own search parameters for the CapabilityStatement).
 */
abstract class ClinicalProvider implements SearchableProvider {

	private final ClinicalType type;

	private final ClinicalHistory history;

	private final FhirCallers callers;

	ClinicalProvider(ClinicalType type, ClinicalHistory history, FhirCallers callers) {
		this.type = type;
		this.history = history;
		this.callers = callers;
	}

	@Override
	public Class<? extends Resource> getResourceType() {
		return type.type();
	}

	@Override
	public Set<String> searchParameters() {
		return type.searchParameters();
	}

	@Read
	public Resource read(@IdParam IdType id) {
		UUID uuid = uuid(id.getIdPart());
		if (uuid == null) {
			throw new FhirFailure(FhirError.NOT_FOUND, null, "No such resource");
		}
		return history.read(callers.actor(), type, uuid);
	}

	/**
	 * The search, from the raw parameters (already checked by
	 * {@link SearchParameterCheck}).
	 */
	IBundleProvider search(RequestDetails request) {
		SearchParameters p = SearchParameters.check(request.getParameters(), type.searchParameters());
		ClinicalRepository.Criteria criteria = criteria(p);
		ClinicalHistory.Page page = criteria == null ? new ClinicalHistory.Page(java.util.List.of(), 0)
				: history.search(callers.actor(), criteria, p.count(), p.offset(), "read-fhir-search");
		SimpleBundleProvider bundle = new SimpleBundleProvider(page.resources());
		bundle.setCurrentPageOffset(p.offset());
		bundle.setCurrentPageSize(p.count());
		bundle.setSize((int) page.total());
		return bundle;
	}

	/** The criteria, or null when they can match nothing (an id that is not ours). */
	private ClinicalRepository.@Nullable Criteria criteria(SearchParameters p) {
		UUID id = null;
		String idValue = p.single("_id");
		if (idValue != null) {
			id = uuid(idValue);
			if (id == null) {
				return null;
			}
		}
		UUID person = null;
		for (String name : new String[] { "patient", "subject" }) {
			String value = p.single(name);
			if (value == null) {
				continue;
			}
			UUID named = patient(value);
			if (named == null || (person != null && !person.equals(named))) {
				return null;
			}
			person = named;
		}
		SearchParameters.Range updated = p.dates("_lastUpdated");
		return new ClinicalRepository.Criteria(type.resourceType(), id, person, updated.from(), updated.before(),
				token(p.token(type.codeParameter())), token(p.token("category")));
	}

	private static @Nullable String token(SearchParameters.@Nullable Token token) {
		if (token == null) {
			return null;
		}
		return token.system() == null ? token.code() : token.system() + "|" + token.code();
	}

	/** Our person in "Patient/id" or "id"; null for anything else. */
	private static @Nullable UUID patient(String value) {
		String id = value;
		int slash = value.indexOf('/');
		if (slash >= 0) {
			if (!value.startsWith("Patient/")) {
				return null;
			}
			id = value.substring("Patient/".length());
		}
		return uuid(id);
	}

	static @Nullable UUID uuid(String id) {
		try {
			return id.length() == 36 ? UUID.fromString(id) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
