package care.seamless.fhir;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import care.seamless.consent.AccessDenied;
import care.seamless.person.RecordListings;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What every resource inside a person's record shares: the search names one person
 * ({@code patient} or {@code subject}), the record is opened as the record page opens it
 * (decided and audited by {@link RecordListings#read}), and a record the caller may not
 * open gives an empty result with total 0 rather than an error, so a search never tells
 * whether a record exists. Reads by id refuse with 403 instead, as a Patient read does.
 */
@Component
class PersonScope {

	static final String SEARCH_ACTION = "read-fhir-search";

	static final String READ_ACTION = "read-fhir";

	private final RecordListings records;

	PersonScope(RecordListings records) {
		this.records = records;
	}

	/**
	 * The person the search names, or null when the value cannot name anyone (then
	 * nothing matches). A search without one is refused: listing every record's items at
	 * once is not something the pages offer either.
	 */
	static @Nullable PersonId person(SearchParameters parameters) {
		String patient = parameters.single("patient");
		String subject = parameters.single("subject");
		if (patient != null && subject != null) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, "subject", "Give 'patient' or 'subject', not both");
		}
		String value = patient != null ? patient : subject;
		String name = patient != null ? "patient" : "subject";
		if (value == null) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, "patient",
					"Name the person: patient=Patient/{id} (searches are within one person's record)");
		}
		if (value.startsWith("Patient/")) {
			value = value.substring("Patient/".length());
		}
		else if (value.contains("/")) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, name, "'" + name + "' must be Patient/{id} or {id}");
		}
		UUID id = ItemIds.plain(value);
		return id == null ? null : new PersonId(id);
	}

	/**
	 * Opens the record for a search: false (nothing found) when it does not exist or the
	 * caller may not open it, the refusal audited.
	 */
	boolean openForSearch(Actor actor, @Nullable PersonId person) {
		if (person == null) {
			return false;
		}
		try {
			records.read(actor, person, SEARCH_ACTION);
			return true;
		}
		catch (AccessDenied | NotFoundException ex) {
			return false;
		}
	}

	/**
	 * What a policy-checked domain read gives for a search: null (nothing found) when the
	 * record does not exist or the caller may not open it, the refusal audited by the
	 * read itself.
	 */
	static <T> @Nullable T orNull(@Nullable PersonId person, Supplier<T> read) {
		if (person == null) {
			return null;
		}
		try {
			return read.get();
		}
		catch (AccessDenied | NotFoundException ex) {
			return null;
		}
	}

	/** Opens the record for a read by id: refused with 403, audited, as Patient reads. */
	void openForRead(Actor actor, PersonId person) {
		records.read(actor, person, READ_ACTION);
	}

	/** One page of everything found, with the total of everything found. */
	static IBundleProvider page(List<? extends IBaseResource> all, SearchParameters parameters) {
		int from = Math.min(parameters.offset(), all.size());
		int to = Math.min(from + parameters.count(), all.size());
		SimpleBundleProvider bundle = new SimpleBundleProvider(List.copyOf(all.subList(from, to)));
		bundle.setCurrentPageOffset(parameters.offset());
		bundle.setCurrentPageSize(parameters.count());
		bundle.setSize(all.size());
		return bundle;
	}

	static IBundleProvider empty(SearchParameters parameters) {
		return page(List.of(), parameters);
	}

}
