package care.seamless.fhir;

import java.util.List;
import java.util.Set;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import care.seamless.assessment.instrument.Instrument;
import care.seamless.assessment.instrument.Instruments;
import care.seamless.shared.Actor;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;

import org.springframework.stereotype.Component;

/**
 * The assessment instruments, every published version (an older one stays readable for
 * the assessments answered in it). Not personal data; read by staff and audited, like the
 * directory.
 */
@Component
class QuestionnaireProvider implements SearchableProvider {

	private static final Set<String> PARAMETERS = Set.of("_id", "url", "name", "status");

	private static final Set<String> STATUSES = Set.of("draft", "active", "retired", "unknown");

	private final Instruments instruments;

	private final FhirCallers callers;

	private final FhirAudit audit;

	QuestionnaireProvider(Instruments instruments, FhirCallers callers, FhirAudit audit) {
		this.instruments = instruments;
		this.callers = callers;
		this.audit = audit;
	}

	@Override
	public Class<Questionnaire> getResourceType() {
		return Questionnaire.class;
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
	public Questionnaire read(@IdParam IdType id) {
		Actor actor = OrganizationProvider.staff(callers);
		Questionnaire found = all().stream()
			.filter(q -> q.getIdElement().getIdPart().equals(id.getIdPart()))
			.findFirst()
			.orElseThrow(() -> new FhirFailure(FhirError.NOT_FOUND, null, "No such resource"));
		audit.read(actor, PersonScope.READ_ACTION, "Instrument", id.getIdPart());
		return found;
	}

	@Search(allowUnknownParams = true)
	public IBundleProvider search(RequestDetails request, @OptionalParam(name = "_id") TokenParam idParam,
			@OptionalParam(name = "url") StringParam url, @OptionalParam(name = "name") StringParam name,
			@OptionalParam(name = "status") TokenParam status) {
		SearchParameters parameters = SearchParameters.check(request.getParameters(), PARAMETERS);
		Actor actor = OrganizationProvider.staff(callers);
		String id = parameters.single("_id");
		String wantedUrl = parameters.single("url");
		String wantedName = parameters.single("name");
		String wantedStatus = CareTeamProvider.status(parameters, STATUSES);
		List<Questionnaire> found = all().stream()
			.filter(q -> id == null || q.getIdElement().getIdPart().equals(id))
			.filter(q -> wantedUrl == null || q.getUrl().equals(wantedUrl))
			.filter(q -> wantedName == null || OrganizationProvider.startsWith(q.getTitle(), wantedName)
					|| OrganizationProvider.startsWith(q.getName(), wantedName))
			.filter(q -> wantedStatus == null || q.getStatus().toCode().equals(wantedStatus))
			.toList();
		audit.read(actor, PersonScope.SEARCH_ACTION, "Instrument", null);
		return PersonScope.page(found, parameters);
	}

	private List<Questionnaire> all() {
		return instruments.all().stream().map(i -> AssessmentTranslator.questionnaire(i, isLatest(i))).toList();
	}

	private boolean isLatest(Instrument instrument) {
		return instruments.latest(instrument.id()).map(instrument::equals).orElse(false);
	}

}
