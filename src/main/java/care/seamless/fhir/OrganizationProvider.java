package care.seamless.fhir;

import java.util.Locale;
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
import care.seamless.shared.OrganisationId;
import care.seamless.team.Directory;
import care.seamless.team.Organisation;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The partnership's organisations, from {@link Directory}. Not personal data, but read by
 * staff only and audited like everything else.
 */
@Component
class OrganizationProvider implements SearchableProvider {

	private static final Set<String> PARAMETERS = Set.of("_id", "identifier", "name");

	private final Directory directory;

	private final FhirCallers callers;

	private final FhirAudit audit;

	OrganizationProvider(Directory directory, FhirCallers callers, FhirAudit audit) {
		this.directory = directory;
		this.callers = callers;
		this.audit = audit;
	}

	@Override
	public Class<Organization> getResourceType() {
		return Organization.class;
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
	public Organization read(@IdParam IdType id) {
		Actor actor = staff(callers);
		Organisation organisation = directory.organisation(new OrganisationId(ItemIds.requirePlain(id.getIdPart())));
		audit.read(actor, PersonScope.READ_ACTION, "Organisation", organisation.id());
		return DirectoryTranslator.organization(organisation, directory.contact(organisation.id()));
	}

	@Search(allowUnknownParams = true)
	public IBundleProvider search(RequestDetails request, @OptionalParam(name = "_id") TokenParam idParam,
			@OptionalParam(name = "identifier") TokenParam identifier, @OptionalParam(name = "name") StringParam name) {
		SearchParameters parameters = SearchParameters.check(request.getParameters(), PARAMETERS);
		Actor actor = staff(callers);
		Predicate<Organisation> matches = matches(parameters);
		var found = directory.organisations()
			.stream()
			.filter(matches)
			.map(o -> DirectoryTranslator.organization(o, directory.contact(o.id())))
			.toList();
		audit.read(actor, PersonScope.SEARCH_ACTION, "Organisation", null);
		return PersonScope.page(found, parameters);
	}

	private static Predicate<Organisation> matches(SearchParameters parameters) {
		String id = parameters.single("_id");
		SearchParameters.Token identifier = parameters.token("identifier");
		String name = parameters.single("name");
		if (identifier != null && identifier.system() != null
				&& !PatientTranslator.ODS_CODE.equals(identifier.system())) {
			return o -> false;
		}
		return o -> (id == null || o.id().id().toString().equals(id))
				&& (identifier == null || o.code().equalsIgnoreCase(identifier.code()))
				&& (name == null || startsWith(o.name(), name));
	}

	static boolean startsWith(@Nullable String text, String prefix) {
		return text != null && text.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
	}

	/**
	 * The directory is for staff: someone signed in for their own record sees only what
	 * is recorded about them.
	 */
	static Actor staff(FhirCallers callers) {
		Actor actor = callers.actor();
		if (actor.personSide()) {
			throw new FhirFailure(FhirError.ACCESS_DENIED, null, "The directory is for staff accounts");
		}
		return actor;
	}

}
