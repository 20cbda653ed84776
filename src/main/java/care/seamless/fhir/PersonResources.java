package care.seamless.fhir;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Read and search of one type of resource drawn from one person's record by a domain
 * module's own policy-checked read ({@code all}): that read decides, refuses (403 for a
 * read by id, nothing found for a search) and audits, and leaves out what it withholds,
 * so a withheld item is neither returned nor counted. Ids carry the person
 * ({@link ItemIds}), so a read opens the record through the same read before it looks for
 * the item.
 */
abstract class PersonResources<T extends Resource> implements SearchableProvider, PatientEverything {

	private final Class<T> type;

	private final FhirCallers callers;

	private final BiFunction<Actor, PersonId, List<T>> all;

	private final Set<String> parameters;

	private final @Nullable Function<T, String> status;

	private final Set<String> statuses;

	private final boolean inEverything;

	PersonResources(Class<T> type, FhirCallers callers, BiFunction<Actor, PersonId, List<T>> all,
			@Nullable Function<T, String> status, Set<String> statuses, boolean inEverything) {
		this.type = type;
		this.callers = callers;
		this.all = all;
		this.status = status;
		this.statuses = statuses;
		this.inEverything = inEverything;
		this.parameters = status == null ? Set.of("patient") : Set.of("patient", "status");
	}

	@Override
	public Class<T> getResourceType() {
		return type;
	}

	@Override
	public Set<String> searchParameters() {
		return parameters;
	}

	@Override
	public Set<String> dateParameters() {
		return Set.of();
	}

	@Read
	public T read(@IdParam IdType id) {
		ItemIds.ItemId item = ItemIds.require(id.getIdPart());
		return all.apply(callers.actor(), item.person())
			.stream()
			.filter(r -> r.getIdElement().getIdPart().equals(id.getIdPart()))
			.findFirst()
			.orElseThrow(() -> new FhirFailure(FhirError.NOT_FOUND, null, "No such resource"));
	}

	IBundleProvider find(RequestDetails request) {
		SearchParameters parameters = SearchParameters.check(request.getParameters(), this.parameters);
		String wanted = status == null ? null : CareTeamProvider.status(parameters, statuses);
		Actor actor = callers.actor();
		PersonId person = PersonScope.person(parameters);
		List<T> found = PersonScope.orNull(person, () -> all.apply(actor, person));
		return PersonScope.page(
				found == null ? List.of()
						: found.stream().filter(r -> wanted == null || wanted.equals(status.apply(r))).toList(),
				parameters);
	}

	/**
	 * All of this type the caller may see of the person, for a bulk export: empty when
	 * the record does not open (the refusal audited by the read).
	 */
	List<T> exported(Actor actor, PersonId person) {
		List<T> found = PersonScope.orNull(person, () -> all.apply(actor, person));
		return found == null ? List.of() : found;
	}

	/** All of this type the caller may see of the person, for $everything. */
	@Override
	public List<Resource> everything(Actor actor, PersonId person) {
		if (!inEverything) {
			return List.of();
		}
		List<T> found = PersonScope.orNull(person, () -> all.apply(actor, person));
		return found == null ? List.of() : List.copyOf(found);
	}

	/** Searched by {@code patient} and {@code status}. */
	static class WithStatus<T extends Resource> extends PersonResources<T> {

		WithStatus(Class<T> type, FhirCallers callers, BiFunction<Actor, PersonId, List<T>> all,
				Function<T, String> status, Set<String> statuses) {
			super(type, callers, all, status, statuses, true);
		}

		@Search(allowUnknownParams = true)
		public IBundleProvider search(RequestDetails request,
				@OptionalParam(name = "patient") ReferenceParam patientParam,
				@OptionalParam(name = "status") TokenParam statusParam) {
			return find(request);
		}

	}

	/**
	 * Searched by {@code patient} only; not part of $everything (records about the
	 * record, not the record itself).
	 */
	static class ByPatient<T extends Resource> extends PersonResources<T> {

		ByPatient(Class<T> type, FhirCallers callers, BiFunction<Actor, PersonId, List<T>> all) {
			super(type, callers, all, null, Set.of(), false);
		}

		@Search(allowUnknownParams = true)
		public IBundleProvider search(RequestDetails request,
				@OptionalParam(name = "patient") ReferenceParam patientParam) {
			return find(request);
		}

	}

}
