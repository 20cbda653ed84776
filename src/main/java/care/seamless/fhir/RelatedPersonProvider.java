package care.seamless.fhir;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import care.seamless.person.People;
import care.seamless.person.PersonRecord;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.RelatedPerson;

import org.springframework.stereotype.Component;

/**
 * The people recorded as caring for or acting for the person (carers, advocates,
 * attorneys, deputies, next of kin), from the record as {@link People#summary} shows it:
 * when the viewer may not see third-party information on the record, there are none.
 */
@Component
class RelatedPersonProvider implements SearchableProvider {

	private static final Set<String> PARAMETERS = Set.of("patient");

	private final People people;

	private final FhirCallers callers;

	RelatedPersonProvider(People people, FhirCallers callers) {
		this.people = people;
		this.callers = callers;
	}

	@Override
	public Class<RelatedPerson> getResourceType() {
		return RelatedPerson.class;
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
	public RelatedPerson read(@IdParam IdType id) {
		ItemIds.ItemId item = ItemIds.require(id.getIdPart());
		return all(people.summary(callers.actor(), item.person())).stream()
			.filter(r -> r.getIdPart().equals(id.getIdPart()))
			.findFirst()
			.orElseThrow(() -> new FhirFailure(FhirError.NOT_FOUND, null, "No such resource"));
	}

	@Search(allowUnknownParams = true)
	public IBundleProvider search(RequestDetails request,
			@OptionalParam(name = "patient") ReferenceParam patientParam) {
		SearchParameters parameters = SearchParameters.check(request.getParameters(), PARAMETERS);
		Actor actor = callers.actor();
		PersonId person = PersonScope.person(parameters);
		PersonRecord record = PersonScope.orNull(person, () -> people.summary(actor, person));
		return PersonScope.page(record == null ? List.of() : all(record), parameters);
	}

	private static List<RelatedPerson> all(PersonRecord record) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return record.relatedPeople().stream().map(r -> RecordTranslator.relatedPerson(r, today)).toList();
	}

}
