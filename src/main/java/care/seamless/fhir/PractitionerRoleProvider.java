package care.seamless.fhir;

import java.util.Set;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import care.seamless.shared.Actor;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;
import care.seamless.team.Practitioner;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Each practitioner's role: their profession at their organisation, in their teams. The
 * directory keeps one per practitioner, so the role's id is the practitioner's.
 */
@Component
class PractitionerRoleProvider implements SearchableProvider {

	private static final Set<String> PARAMETERS = Set.of("_id", "practitioner", "organization");

	private final Directory directory;

	private final FhirCallers callers;

	private final FhirAudit audit;

	PractitionerRoleProvider(Directory directory, FhirCallers callers, FhirAudit audit) {
		this.directory = directory;
		this.callers = callers;
		this.audit = audit;
	}

	@Override
	public Class<PractitionerRole> getResourceType() {
		return PractitionerRole.class;
	}

	@Override
	public Set<String> searchParameters() {
		return PARAMETERS;
	}

	@Override
	public Set<String> dateParameters() {
		return Set.of();
	}

	@Read
	public PractitionerRole read(@IdParam IdType id) {
		Actor actor = OrganizationProvider.staff(callers);
		Practitioner practitioner = directory.practitioner(new PractitionerId(ItemIds.requirePlain(id.getIdPart())));
		audit.read(actor, PersonScope.READ_ACTION, "PractitionerRole", practitioner.id());
		return DirectoryTranslator.role(practitioner, directory.teamsOf(practitioner.id()));
	}

	@Search(allowUnknownParams = true)
	public IBundleProvider search(RequestDetails request, @OptionalParam(name = "_id") TokenParam idParam,
			@OptionalParam(name = "practitioner") ReferenceParam practitionerParam,
			@OptionalParam(name = "organization") ReferenceParam organizationParam) {
		SearchParameters parameters = SearchParameters.check(request.getParameters(), PARAMETERS);
		Actor actor = OrganizationProvider.staff(callers);
		String id = parameters.single("_id");
		String practitioner = reference(parameters, "practitioner", "Practitioner/");
		String organization = reference(parameters, "organization", "Organization/");
		var found = directory.practitioners()
			.stream()
			.filter(p -> id == null || p.id().id().toString().equals(id))
			.filter(p -> practitioner == null || p.id().id().toString().equals(practitioner))
			.filter(p -> organization == null || p.organisationId().id().toString().equals(organization))
			.map(p -> DirectoryTranslator.role(p, directory.teamsOf(p.id())))
			.toList();
		audit.read(actor, PersonScope.SEARCH_ACTION, "PractitionerRole", null);
		return PersonScope.page(found, parameters);
	}

	/** The id in a reference parameter, {@code Type/id} or a bare id. */
	static @Nullable String reference(SearchParameters parameters, String name, String prefix) {
		String value = parameters.single(name);
		if (value == null) {
			return null;
		}
		String id = value.startsWith(prefix) ? value.substring(prefix.length()) : value;
		if (id.contains("/")) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, name,
					"'" + name + "' must be " + prefix + "{id} or {id}");
		}
		return id;
	}

}
