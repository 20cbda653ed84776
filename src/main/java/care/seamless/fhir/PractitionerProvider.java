package care.seamless.fhir;

import java.util.Set;
import java.util.function.Predicate;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import care.seamless.shared.Actor;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;
import care.seamless.team.Practitioner;
import org.hl7.fhir.r4.model.IdType;

import org.springframework.stereotype.Component;

/** The partnership's practitioners, from {@link Directory}; staff only, audited. */
@Component
class PractitionerProvider implements SearchableProvider {

	private static final Set<String> PARAMETERS = Set.of("_id", "name", "family", "given");

	private final Directory directory;

	private final FhirCallers callers;

	private final FhirAudit audit;

	PractitionerProvider(Directory directory, FhirCallers callers, FhirAudit audit) {
		this.directory = directory;
		this.callers = callers;
		this.audit = audit;
	}

	@Override
	public Class<org.hl7.fhir.r4.model.Practitioner> getResourceType() {
		return org.hl7.fhir.r4.model.Practitioner.class;
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
	public org.hl7.fhir.r4.model.Practitioner read(@IdParam IdType id) {
		Actor actor = OrganizationProvider.staff(callers);
		Practitioner practitioner = directory.practitioner(new PractitionerId(ItemIds.requirePlain(id.getIdPart())));
		audit.read(actor, PersonScope.READ_ACTION, "Practitioner", practitioner.id());
		return DirectoryTranslator.practitioner(practitioner);
	}

	@Search(allowUnknownParams = true)
	public IBundleProvider search(RequestDetails request, @OptionalParam(name = "_id") TokenParam idParam,
			@OptionalParam(name = "name") StringParam name, @OptionalParam(name = "family") StringParam family,
			@OptionalParam(name = "given") StringParam given) {
		SearchParameters parameters = SearchParameters.check(request.getParameters(), PARAMETERS);
		Actor actor = OrganizationProvider.staff(callers);
		var found = directory.practitioners()
			.stream()
			.filter(matches(parameters))
			.map(DirectoryTranslator::practitioner)
			.toList();
		audit.read(actor, PersonScope.SEARCH_ACTION, "Practitioner", null);
		return PersonScope.page(found, parameters);
	}

	static Predicate<Practitioner> matches(SearchParameters parameters) {
		String id = parameters.single("_id");
		String name = parameters.single("name");
		String family = parameters.single("family");
		String given = parameters.single("given");
		return p -> (id == null || p.id().id().toString().equals(id))
				&& (name == null || OrganizationProvider.startsWith(p.familyName(), name)
						|| OrganizationProvider.startsWith(p.givenName(), name))
				&& (family == null || OrganizationProvider.startsWith(p.familyName(), family))
				&& (given == null || OrganizationProvider.startsWith(p.givenName(), given));
	}

}
