package care.seamless.fhir;

import java.util.List;
import java.util.Set;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import care.seamless.person.Alert;
import care.seamless.person.Alerts;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;

import org.springframework.stereotype.Component;

/**
 * The current alerts on a record, as the record page shows them: the record opened
 * (decided and audited) first, then {@link Alerts#current}, whose query leaves out every
 * alert withheld from the viewer, so neither the entries nor the total tell of them.
 */
@Component
class FlagProvider implements SearchableProvider {

	private static final Set<String> PARAMETERS = Set.of("patient", "subject", "status", "_lastUpdated");

	private static final Set<String> STATUSES = Set.of("active", "inactive", "entered-in-error");

	private final PersonScope scope;

	private final Alerts alerts;

	private final FhirCallers callers;

	FlagProvider(PersonScope scope, Alerts alerts, FhirCallers callers) {
		this.scope = scope;
		this.alerts = alerts;
		this.callers = callers;
	}

	@Override
	public Class<Flag> getResourceType() {
		return Flag.class;
	}

	@Override
	public Set<String> searchParameters() {
		return PARAMETERS;
	}

	@Read
	public Flag read(@IdParam IdType id) {
		ItemIds.ItemId item = ItemIds.require(id.getIdPart());
		Actor actor = callers.actor();
		scope.openForRead(actor, item.person());
		return alerts.current(actor, item.person())
			.alerts()
			.stream()
			.filter(a -> a.id().equals(item.item()))
			.findFirst()
			.map(RecordTranslator::flag)
			.orElseThrow(() -> new FhirFailure(FhirError.NOT_FOUND, null, "No such resource"));
	}

	@Search(allowUnknownParams = true)
	public IBundleProvider search(RequestDetails request, @OptionalParam(name = "patient") ReferenceParam patientParam,
			@OptionalParam(name = "subject") ReferenceParam subjectParam,
			@OptionalParam(name = "status") TokenParam statusParam,
			@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
		SearchParameters parameters = SearchParameters.check(request.getParameters(), PARAMETERS);
		String status = CareTeamProvider.status(parameters, STATUSES);
		SearchParameters.Range updated = parameters.dates("_lastUpdated");
		Actor actor = callers.actor();
		PersonId person = PersonScope.person(parameters);
		if (!scope.openForSearch(actor, person)) {
			return PersonScope.empty(parameters);
		}
		// Only current alerts are kept as alerts; an ended one is history on the record.
		List<Alert> current = status == null || status.equals("active") ? alerts.current(actor, person).alerts()
				: List.of();
		List<Flag> found = current.stream()
			.filter(a -> updated.from() == null || !a.raisedAt().isBefore(updated.from()))
			.filter(a -> updated.before() == null || a.raisedAt().isBefore(updated.before()))
			.map(RecordTranslator::flag)
			.toList();
		return PersonScope.page(found, parameters);
	}

}
